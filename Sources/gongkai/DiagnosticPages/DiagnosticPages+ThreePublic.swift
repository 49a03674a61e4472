extension DiagnosticPage {
    /// G05 “三公”经费与机关运行经费.
    static let threePublicPages: [DiagnosticPage] = [
    ]
}

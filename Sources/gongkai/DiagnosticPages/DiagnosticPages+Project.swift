extension DiagnosticPage {
    /// G06 项目与绩效.
    static let projectPages: [DiagnosticPage] = [
    ]
}

extension DiagnosticPage {
    /// G02 键与值.
    static let valuePages: [DiagnosticPage] = [
    ]
}

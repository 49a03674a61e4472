extension DiagnosticPage {
    /// G03 科目.
    static let subjectPages: [DiagnosticPage] = [
    ]
}

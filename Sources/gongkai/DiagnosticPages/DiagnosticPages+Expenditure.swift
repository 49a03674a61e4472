extension DiagnosticPage {
    /// G04 支出与经济分类.
    static let expenditurePages: [DiagnosticPage] = [
    ]
}

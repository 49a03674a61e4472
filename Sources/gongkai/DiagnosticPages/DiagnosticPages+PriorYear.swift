extension DiagnosticPage {
    /// G08 上年数据与增减.
    static let priorYearPages: [DiagnosticPage] = [
    ]
}

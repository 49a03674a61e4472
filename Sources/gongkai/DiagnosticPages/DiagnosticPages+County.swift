extension DiagnosticPage {
    /// G11 县设置.
    static let countyPages: [DiagnosticPage] = [
    ]
}

extension DiagnosticPage {
    /// G09 政府采购、资产与人员.
    static let procurementPages: [DiagnosticPage] = [
    ]
}

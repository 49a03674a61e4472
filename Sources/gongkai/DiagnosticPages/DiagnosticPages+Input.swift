extension DiagnosticPage {
    /// G01 读取文件与 YAML.
    static let inputPages: [DiagnosticPage] = [
    ]
}

extension DiagnosticPage {
    /// G10 模板、字体与生成文件.
    static let documentPages: [DiagnosticPage] = [
    ]
}

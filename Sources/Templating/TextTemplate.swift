import Stencil

/// One Stencil text of a template (a title, a paragraph, a cell), checked for unknown names
/// before and after rendering, its errors placed in the template file.
struct TextTemplate {
    let text: String
    let source: TemplateSource
    private let template: Template
    private let environment: Environment
    /// The parsed template, once: Stencil's `render` would parse it again on every call.
    private let nodes: Result<[NodeType], Error>

    init(_ text: String, source: TemplateSource, environment: Environment) {
        self.text = text
        self.source = source
        self.environment = environment
        let template = Template(templateString: text, environment: environment, name: source.file)
        self.template = template
        self.nodes = Result { try TokenParser(tokens: template.tokens, environment: environment).parse() }
    }

    /// Renders with `values`; `missing` collects members the data lacked.
    func render(_ values: [String: Any], missing: MissingNames) throws -> String {
        guard text.contains("{") else { return text }
        let unknown = VariableCheck.unknownNames(in: template, known: Set(values.keys))
        if let first = unknown.first {
            throw source.error("未知的变量“\(first.name)”（可用：\(values.keys.sorted().joined(separator: "、"))）", lineOffset: first.line - 1)
        }
        missing.reset()
        let rendered: String
        do {
            rendered = try renderNodes(try nodes.get(), Context(dictionary: values, environment: environment))
        } catch let error as TemplateSyntaxError {
            let line = error.token.map { Int($0.sourceMap.location.lineNumber) - 1 } ?? 0
            // A name the data lacks is the root cause of a filter that then got nothing.
            if let name = missing.names.first { throw source.error("数据中没有“\(name)”", lineOffset: line) }
            throw source.error(TemplateText.translate(error.reason), lineOffset: line)
        } catch {
            throw source.error("\(error)")
        }
        if let name = missing.names.first {
            throw source.error("数据中没有“\(name)”")
        }
        return rendered
    }
}

enum TemplateText {
    static func translate(_ reason: String) -> String {
        if reason.hasPrefix("Unknown filter") { return "未知的过滤器：" + reason.replacingOccurrences(of: "Unknown filter ", with: "") }
        if reason.contains("Unknown template tag") { return "未知的标签：" + reason }
        return reason
    }
}

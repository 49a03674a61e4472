import Yams

/// 元数据 in format.yaml: the PDF's title, subject and keywords, as template texts rendered with the
/// same data as the document, so that a format words its own document properties.
struct MetadataSpec: Sendable {
    var title: TextSpec
    var subject: TextSpec
    var keywords: [TextSpec]

    /// The wording gongkai used before formats declared it: a format without 元数据 keeps it.
    static let standard = MetadataSpec(
        title: builtIn("{{单位.名称}}{{年度}}年{{单位.层级}}预算"),
        subject: builtIn("{{单位.层级}}预算公开"),
        keywords: ["{{单位.名称}}", "{{年度}}年", "{{单位.层级}}预算", "预算公开"].map(builtIn))

    private static func builtIn(_ text: String) -> TextSpec {
        TextSpec(text: text, source: TemplateSource(file: "（默认元数据）", line: 1, column: 1))
    }

    /// `元数据: {标题: "…", 主题: "…", 关键词: ["…", …]}`; a key left out keeps its default.
    init(node: Node, yaml: TemplateYAML) throws {
        let f = try yaml.fields(node, "元数据", allowed: ["标题", "主题", "关键词"])
        var spec = MetadataSpec.standard
        if let title = f["标题"] { spec.title = TextSpec(text: try yaml.string(title, "元数据.标题"), source: yaml.source(title)) }
        if let subject = f["主题"] { spec.subject = TextSpec(text: try yaml.string(subject, "元数据.主题"), source: yaml.source(subject)) }
        if let keywords = f["关键词"] {
            spec.keywords = try yaml.sequence(keywords, "元数据.关键词").map {
                TextSpec(text: try yaml.string($0, "元数据.关键词"), source: yaml.source($0))
            }
        }
        self = spec
    }

    private init(title: TextSpec, subject: TextSpec, keywords: [TextSpec]) {
        self.title = title
        self.subject = subject
        self.keywords = keywords
    }
}

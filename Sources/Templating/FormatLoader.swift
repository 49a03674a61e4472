import Document
import Foundation
import Yams

/// Reads Templates/<format>/format.yaml, its tables/*.yaml and glossary.yaml into a FormatSpec.
struct FormatLoader {
    let directory: URL
    let displayRoot: String
    let errorLog = TemplateErrorLog()
    /// Every file read, for the cache to tell when one has changed.
    let files = ReadFiles()
    /// Tables already read in this load: a 变体's outline names most of the base outline's tables.
    let tables = LoadedTables()

    func load() throws -> FormatSpec {
        let (yaml, root) = try read("format.yaml")
        let fields = try yaml.fields(root, "format.yaml", allowed: ["名称", "页面", "样式", "数据", "文档", "名词解释", "不印",
                                                                            "元数据", "增减说法", "金额", "变体", "编号"])
        var styles: [String: TextStyle] = [:]
        if let node = fields["样式"] {
            for (name, value) in try yaml.mapping(node, "样式") { styles[name] = try style(value, yaml) }
        }
        let yearData = try fields["数据"].map { try self.yearData($0, yaml) } ?? [:]
        guard let outlineNode = fields["文档"] else { throw yaml.error(root, "format.yaml 缺少“文档”") }
        var spec = FormatSpec(name: try fields["名称"].map { try yaml.string($0, "名称") } ?? "",
                              page: try fields["页面"].map { try page($0, yaml) } ?? PageSetup(),
                              styles: styles, yearData: yearData, outline: [], glossary: [])
        spec.outline = try blocks(outlineNode, yaml, styles: styles)
        spec.variants = try fields["变体"].map { try variants($0, yaml, styles: styles) } ?? []
        try errorLog.check()
        if let node = fields["编号"] { spec.numbering = try numbering(node, yaml) }
        if let node = fields["元数据"] { spec.metadata = try MetadataSpec(node: node, yaml: yaml) }
        if let node = fields["增减说法"] { spec.changeWording = try ChangeWording(node: node, yaml: yaml) }
        if let node = fields["金额"] { spec.amounts = try AmountStyle(node: node, yaml: yaml) }
        if let glossaryFile = fields["名词解释"] {
            spec.glossary = try glossary(try yaml.string(glossaryFile, "名词解释"))
        }
        if let node = fields["不印"] {
            for (key, reason) in try yaml.mapping(node, "不印") {
                guard PrintableData.keys.contains(key) else {
                    throw yaml.error(reason, "“不印”中的“\(key)”不是可以声明不印的数据（可用：\(PrintableData.keys.joined(separator: "、"))）")
                }
                spec.notPrinted[key] = try yaml.string(reason, "不印.\(key)")
            }
        }
        return spec
    }

    /// A file of the format's folder, recorded as read.
    func read(_ relative: String) throws -> (TemplateYAML, Node) {
        let path = directory.appendingPathComponent(relative).path
        files.add(path)
        return try TemplateYAML.load(path, displayName: "\(displayRoot)/\(relative)")
    }

    private func style(_ node: Node, _ yaml: TemplateYAML) throws -> TextStyle {
        let f = try yaml.fields(node, "样式", allowed: ["字体", "字号", "粗体", "对齐", "首行缩进", "行距", "段前", "段后"])
        let roleName = try f["字体"].map { try yaml.string($0, "字体") } ?? "正文"
        guard let role = FontRole(rawValue: roleName) else {
            throw yaml.error(f["字体"]!, "没有字体角色“\(roleName)”（可用：\(FontRole.allCases.map(\.rawValue).joined(separator: "、"))）")
        }
        let size = try f["字号"].map { try yaml.number($0, "字号") } ?? 16
        return TextStyle(role: role, size: size, bold: try f["粗体"].map { try yaml.flag($0, "粗体") } ?? false,
                         alignment: try f["对齐"].map { try alignment($0, yaml) } ?? .justified,
                         firstLineIndent: try f["首行缩进"].map { try yaml.number($0, "首行缩进") } ?? 0,
                         lineHeight: try f["行距"].map { try yaml.number($0, "行距") },
                         spaceBefore: try f["段前"].map { try yaml.number($0, "段前") } ?? 0,
                         spaceAfter: try f["段后"].map { try yaml.number($0, "段后") } ?? 0)
    }

    private func alignment(_ node: Node, _ yaml: TemplateYAML) throws -> Alignment {
        switch try yaml.string(node, "对齐") {
        case "左": return .left
        case "中", "居中": return .center
        case "右": return .right
        case "两端": return .justified
        case let other: throw yaml.error(node, "对齐“\(other)”应为 左、中、右 或 两端")
        }
    }

    private func page(_ node: Node, _ yaml: TemplateYAML) throws -> PageSetup {
        let f = try yaml.fields(node, "页面", allowed: ["页码", "页码位置", "页码字号", "页眉", "上边距", "下边距", "左边距", "右边距"])
        var setup = PageSetup()
        let mm = PageSetup.millimetre
        if let v = f["上边距"] { setup.marginTop = try yaml.number(v, "上边距") * mm }
        if let v = f["下边距"] { setup.marginBottom = try yaml.number(v, "下边距") * mm }
        if let v = f["左边距"] { setup.marginLeft = try yaml.number(v, "左边距") * mm }
        if let v = f["右边距"] { setup.marginRight = try yaml.number(v, "右边距") * mm }
        if let v = f["页码字号"] { setup.pageNumberSize = try yaml.number(v, "页码字号") }
        if let v = f["页眉"] { setup.runningHeader = try yaml.string(v, "页眉") }
        if let v = f["页码"] {
            switch try yaml.string(v, "页码") {
            case "短横": setup.pageNumbers = .dashed
            case "第页": setup.pageNumbers = .chinese
            case "无": setup.pageNumbers = .none
            case let other: throw yaml.error(v, "页码“\(other)”应为 短横（- 1 -）、第页（第 1 页）或 无")
            }
        }
        if let v = f["页码位置"] { setup.pageNumbersOutside = try yaml.string(v, "页码位置") == "外侧" }
        return setup
    }

    /// An outline (a list of blocks) from any file of the format.
    func outline(_ node: Node, _ yaml: TemplateYAML, styles: [String: TextStyle]) throws -> [BlockSpec] {
        try blocks(node, yaml, styles: styles)
    }

    /// The outline's blocks; a broken block (or its table) is recorded and skipped, so that loading
    /// reports every mistake of the format, not only the first.
    private func blocks(_ node: Node, _ yaml: TemplateYAML, styles: [String: TextStyle]) throws -> [BlockSpec] {
        try yaml.sequence(node, "文档").compactMap { item in
            do { return try block(item, yaml, styles: styles) } catch let error as TemplateError {
                errorLog.record(error)
                return nil
            }
        }
    }

    private func text(_ node: Node, _ yaml: TemplateYAML, _ what: String) throws -> TextSpec {
        TextSpec(text: try yaml.text(node, what), source: yaml.source(node))
    }

    func condition(_ node: Node, _ yaml: TemplateYAML) throws -> CompiledCondition {
        CompiledCondition(try yaml.text(node, "条件"), source: yaml.source(node))
    }

    private func styleName(_ node: Node?, _ yaml: TemplateYAML, styles: [String: TextStyle], default name: String) throws -> String {
        guard let node else { return name }
        let value = try yaml.string(node, "样式")
        guard styles[value] != nil else { throw yaml.error(node, "format.yaml 的“样式”中没有“\(value)”") }
        return value
    }

    private func block(_ node: Node, _ yaml: TemplateYAML, styles: [String: TextStyle]) throws -> BlockSpec {
        if case .scalar(let scalar) = node, scalar.string == "分页" { return .pageBreak(nil) }
        let entries = try yaml.mapping(node, "文档的一项")
        guard entries.count == 1, let (kind, value) = entries.first else {
            throw yaml.error(node, "文档的每一项只能有一个键（标题、段落、表格、分页、目录、空白、每个、如果、名词解释）")
        }
        switch kind {
        case "标题":
            let f = try yaml.fields(value, "标题", allowed: ["文字", "级别", "样式", "目录", "书签", "编号"])
            guard let textNode = f["文字"] else { throw yaml.error(value, "标题缺少“文字”") }
            let level = Int(try f["级别"].map { try yaml.number($0, "级别") } ?? 1)
            return .heading(text: try text(textNode, yaml, "文字"), level: level,
                            style: try styleName(f["样式"], yaml, styles: styles, default: "标题\(level)"),
                            inContents: try f["目录"].map { try yaml.flag($0, "目录") } ?? true,
                            bookmarked: try f["书签"].map { try yaml.flag($0, "书签") } ?? true,
                            numbered: try f["编号"].map { try yaml.flag($0, "编号") } ?? false)
        case "段落":
            guard case .mapping = value else { return .paragraph(text: try text(value, yaml, "段落"), style: "正文") }
            let f = try yaml.fields(value, "段落", allowed: ["文字", "样式"])
            guard let textNode = f["文字"] else { throw yaml.error(value, "段落缺少“文字”") }
            return .paragraph(text: try text(textNode, yaml, "文字"), style: try styleName(f["样式"], yaml, styles: styles, default: "正文"))
        case "表格":
            return .table(try table(try yaml.string(value, "表格"), at: value, yaml, styles: styles))
        case "分页":
            return .pageBreak(try yaml.choice(value, "分页", ["横向": .landscape, "纵向": .portrait]))
        case "目录":
            let f = try yaml.fields(value, "目录", allowed: ["标题", "标题样式", "条目样式", "深度"])
            return .contents(title: try f["标题"].map { try yaml.string($0, "标题") } ?? "目  录",
                             titleStyle: try styleName(f["标题样式"], yaml, styles: styles, default: "目录标题"),
                             entryStyle: try styleName(f["条目样式"], yaml, styles: styles, default: "目录条目"),
                             depth: Int(try f["深度"].map { try yaml.number($0, "深度") } ?? 2))
        case "空白":
            return .space(try yaml.number(value, "空白"))
        case "每个":
            let f = try yaml.fields(value, "每个", allowed: ["项", "在", "条件", "内容", "否则"])
            guard let item = f["项"], let source = f["在"], let content = f["内容"] else { throw yaml.error(value, "“每个”需要 项、在、内容") }
            return .each(item: NameKey(try yaml.string(item, "项")), source: CompiledList(try yaml.text(source, "在"), source: yaml.source(source)),
                         condition: try f["条件"].map { try self.condition($0, yaml) }, blocks: try blocks(content, yaml, styles: styles),
                         otherwise: try f["否则"].map { try blocks($0, yaml, styles: styles) } ?? [])
        case "如果":
            let f = try yaml.fields(value, "如果", allowed: ["条件", "内容"])
            guard let condition = f["条件"], let content = f["内容"] else { throw yaml.error(value, "“如果”需要 条件、内容") }
            return .when(condition: try self.condition(condition, yaml), blocks: try blocks(content, yaml, styles: styles))
        case "名词解释":
            if case .scalar = value { return .glossary(style: try styleName(value, yaml, styles: styles, default: "正文"), entry: nil) }
            let f = try yaml.fields(value, "名词解释", allowed: ["样式", "条目"])
            return .glossary(style: try styleName(f["样式"], yaml, styles: styles, default: "正文"),
                             entry: try f["条目"].map { try text($0, yaml, "条目") })
        default:
            throw yaml.error(node, "文档中没有“\(kind)”这种项（可用：标题、段落、表格、分页、目录、空白、每个、如果、名词解释）")
        }
    }

    func glossary(_ file: String) throws -> [(term: String, meaning: String)] {
        let (yaml, root) = try read(file)
        return try yaml.sequence(root, "名词解释").map { entry in
            let f = try yaml.fields(entry, "名词解释", allowed: ["词", "解释"])
            guard let term = f["词"], let meaning = f["解释"] else { throw yaml.error(entry, "名词解释需要 词、解释") }
            return (try yaml.string(term, "词"), try yaml.text(meaning, "解释"))
        }
    }
}

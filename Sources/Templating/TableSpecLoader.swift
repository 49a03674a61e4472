import Document
import Foundation
import Yams

extension FormatLoader {
    static let alignments: KeyValuePairs<String, Alignment> = ["左": .left, "中": .center, "居中": .center, "右": .right]

    /// Reads tables/<name>.yaml.
    func table(_ name: String, at reference: Node, _ referring: TemplateYAML, styles: [String: TextStyle]) throws -> TableSpec {
        let relative = "tables/\(name).yaml"
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent(relative).path) else {
            throw referring.error(reference, "找不到表格模板 \(relative)")
        }
        let key = LoadedTables.Key(name: name, styles: styles)
        if let loaded = tables.specs[key] { return loaded }
        let spec = try readTable(name, relative: relative, styles: styles)
        tables.specs[key] = spec
        return spec
    }

    private func readTable(_ name: String, relative: String, styles: [String: TextStyle]) throws -> TableSpec {
        let (yaml, root) = try read(relative)
        let f = try yaml.fields(root, "表格", allowed: ["标题", "标题样式", "单元格样式", "说明行", "列", "表头", "行", "注", "空表注",
                                                      "目录级别", "方向", "最小缩放", "续表"])
        guard let columnsNode = f["列"] else { throw yaml.error(root, "表格缺少“列”") }
        return TableSpec(
            name: name,
            file: yaml.file,
            title: try f["标题"].map { TextSpec(text: try yaml.text($0, "标题"), source: yaml.source($0)) },
            titleStyle: try tableStyle(f["标题样式"], yaml, styles: styles, default: "表格标题"),
            cellStyle: try tableStyle(f["单元格样式"], yaml, styles: styles, default: "单元格"),
            captions: try f["说明行"].map { try captions($0, yaml) } ?? [],
            columns: try yaml.sequence(columnsNode, "列").map { try column($0, yaml) },
            header: try f["表头"].map { try yaml.sequence($0, "表头").map { try cells($0, yaml) } } ?? [],
            rows: try f["行"].map { try yaml.sequence($0, "行").map { try row($0, yaml) } } ?? [],
            notes: try f["注"].map { try yaml.sequence($0, "注").map { TextSpec(text: try yaml.text($0, "注"), source: yaml.source($0)) } } ?? [],
            emptyNote: try f["空表注"].map { TextSpec(text: try yaml.text($0, "空表注"), source: yaml.source($0)) },
            outlineLevel: try f["目录级别"].map { Int(try yaml.number($0, "目录级别")) },
            orientation: try f["方向"].map { try yaml.choice($0, "方向", ["横向": .landscape, "纵向": .portrait]) },
            minimumScale: try f["最小缩放"].map { try yaml.number($0, "最小缩放") } ?? 0.85,
            continuation: try f["续表"].map { try yaml.string($0, "续表") })
    }

    /// A style named in a table must be one of format.yaml's 样式 (a misspelt one would fall back silently).
    private func tableStyle(_ node: Node?, _ yaml: TemplateYAML, styles: [String: TextStyle], default name: String) throws -> String {
        guard let node else { return name }
        let value = try yaml.string(node, "样式")
        guard styles[value] != nil else {
            throw yaml.error(node, "format.yaml 的“样式”中没有“\(value)”（可用：\(styles.keys.sorted().joined(separator: "、"))）")
        }
        return value
    }

    private func captions(_ node: Node, _ yaml: TemplateYAML) throws -> [[String: TextSpec]] {
        try yaml.sequence(node, "说明行").map { line in
            var parts: [String: TextSpec] = [:]
            for (key, value) in try yaml.fields(line, "说明行", allowed: ["左", "中", "右"]) {
                parts[key] = TextSpec(text: try yaml.text(value, key), source: yaml.source(value))
            }
            return parts
        }
    }

    /// `宽: 30` (points), `宽: 比例 2`, `宽: 适应 60`; `数字: true` for right-aligned figures;
    /// `合并相同: true` merges runs of equal text down the column (`Table.Column.mergesEqualRuns`).
    private func column(_ node: Node, _ yaml: TemplateYAML) throws -> Table.Column {
        let f = try yaml.fields(node, "列", allowed: ["宽", "数字", "对齐", "换行", "合并相同"])
        guard let widthNode = f["宽"] else { throw yaml.error(node, "列缺少“宽”") }
        let words = try yaml.string(widthNode, "宽").split(separator: " ")
        let width: Table.Column.Width
        switch (words.first.map(String.init), words.count) {
        case ("比例", 2): width = .proportional(Double(words[1]) ?? 1)
        case ("适应", 2): width = .fit(maximum: Double(words[1]) ?? 100)
        case (let number?, 1) where Double(number) != nil: width = .fixed(Double(number)!)
        default: throw yaml.error(widthNode, "宽应写成 30（磅）、比例 2 或 适应 60")
        }
        let numeric = try f["数字"].map { try yaml.flag($0, "数字") } ?? false
        let wraps = try f["换行"].map { try yaml.flag($0, "换行") } ?? true
        let alignment = try f["对齐"].map { try yaml.choice($0, "对齐", Self.alignments) } ?? .left
        let merges = try f["合并相同"].map { try yaml.flag($0, "合并相同") } ?? false
        return Table.Column(width, alignment: alignment, numeric: numeric, wraps: wraps, mergesEqualRuns: merges)
    }

    private func cells(_ node: Node, _ yaml: TemplateYAML) throws -> [CellSpec] {
        try yaml.sequence(node, "行").map { cell in
            if case .scalar = cell {
                return CellSpec(text: TextSpec(text: try yaml.string(cell, "单元格"), source: yaml.source(cell)), rowSpan: 1, columnSpan: 1, alignment: nil, bold: false)
            }
            let f = try yaml.fields(cell, "单元格", allowed: ["文字", "跨行", "跨列", "对齐", "粗体"])
            let text = try f["文字"].map { TextSpec(text: try yaml.text($0, "文字"), source: yaml.source($0)) }
                ?? TextSpec(text: "", source: yaml.source(cell))
            let alignment = try f["对齐"].map { try yaml.choice($0, "对齐", Self.alignments) }
            return CellSpec(text: text, rowSpan: Int(try f["跨行"].map { try yaml.number($0, "跨行") } ?? 1),
                            columnSpan: Int(try f["跨列"].map { try yaml.number($0, "跨列") } ?? 1),
                            alignment: alignment, bold: try f["粗体"].map { try yaml.flag($0, "粗体") } ?? false)
        }
    }

    /// `- 单元格: [...]` (one row, optional 条件), `- 每个: {项, 在, 单元格, 条件}`, or
    /// `- 并排: [{项, 在, 单元格}, …]` (lists side by side, after the row's own `单元格` if any).
    private func row(_ node: Node, _ yaml: TemplateYAML) throws -> RowSpec {
        let f = try yaml.fields(node, "行", allowed: ["单元格", "每个", "条件", "并排"])
        let condition = try f["条件"].map { CompiledCondition(try yaml.string($0, "条件"), source: yaml.source($0)) }
        if let sideBySide = f["并排"] {
            if condition != nil { throw yaml.error(node, "“并排”的行不能有“条件”（在各列表的“在”中筛选）") }
            let lists = try yaml.sequence(sideBySide, "并排").map { try listColumns($0, yaml) }
            guard lists.count >= 2 else { throw yaml.error(sideBySide, "“并排”至少要有两个列表") }
            return .sideBySide(leading: try f["单元格"].map { try cells($0, yaml) } ?? [], lists: lists)
        }
        if let cellsNode = f["单元格"] { return .fixed(cells: try cells(cellsNode, yaml), when: condition) }
        guard let each = f["每个"] else { throw yaml.error(node, "行需要“单元格”、“每个”或“并排”") }
        let e = try yaml.fields(each, "每个", allowed: ["项", "在", "单元格", "条件"])
        guard let item = e["项"], let source = e["在"], let cellsNode = e["单元格"] else { throw yaml.error(each, "“每个”需要 项、在、单元格") }
        let eachCondition = try e["条件"].map { CompiledCondition(try yaml.string($0, "条件"), source: yaml.source($0)) }
        return .each(item: NameKey(try yaml.string(item, "项")), source: CompiledList(try yaml.string(source, "在"), source: yaml.source(source)),
                     cells: try cells(cellsNode, yaml), when: eachCondition ?? condition)
    }

    /// One list of a 并排 row: `{项: 入, 在: 列表, 单元格: [...]}`.
    private func listColumns(_ node: Node, _ yaml: TemplateYAML) throws -> ListColumns {
        let f = try yaml.fields(node, "并排", allowed: ["项", "在", "单元格"])
        guard let item = f["项"], let source = f["在"], let cellsNode = f["单元格"] else { throw yaml.error(node, "“并排”的每个列表需要 项、在、单元格") }
        return ListColumns(item: NameKey(try yaml.string(item, "项")), source: CompiledList(try yaml.string(source, "在"), source: yaml.source(source)),
                           cells: try cells(cellsNode, yaml))
    }
}

/// The tables one format load has read, by name and the styles they were read with.
final class LoadedTables {
    struct Key: Hashable {
        let name: String
        let styles: [String: TextStyle]
    }

    var specs: [Key: TableSpec] = [:]
}

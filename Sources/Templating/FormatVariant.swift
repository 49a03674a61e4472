import Document
import Foundation
import Yams

/// A format's variant for some years or one level (部门/单位): what differs from the base format —
/// the outline (sections, which exist, their titles), the year data (table rows), tables put in
/// place of others, the glossary (replaced or extended), the heading numbering. The first variant
/// that matches a budget's year and level is used; none matching, the base format.
struct FormatVariant: Sendable {
    enum GlossaryMode { case replace, extend }

    let years: ClosedRange<Int>
    let level: String?
    var outline: [BlockSpec]?
    var yearData: [String: [String: TemplateValue]] = [:]
    /// Table name → the table used instead (`财政拨款三公经费支出表: 财政拨款三公经费支出表-2023`).
    var tables: [String: TableSpec] = [:]
    var glossary: [(term: String, meaning: String)]?
    var glossaryMode = GlossaryMode.replace
    var numbering: [Int: TextSpec]?

    func matches(year: Int, level: String) -> Bool {
        years.contains(year) && (self.level == nil || self.level == level)
    }
}

extension FormatSpec {
    /// This format with the changes of its variant at `index`.
    func applying(variant index: Int) -> FormatSpec {
        let variant = variants[index]
        var spec = self
        if let outline = variant.outline { spec.outline = outline }
        spec.outline = spec.outline.map { $0.replacingTables(variant.tables) }
        spec.yearData.merge(variant.yearData) { _, variant in variant }
        if let glossary = variant.glossary {
            spec.glossary = variant.glossaryMode == .replace ? glossary : Self.extend(spec.glossary, with: glossary)
        }
        if let numbering = variant.numbering { spec.numbering.merge(numbering) { _, variant in variant } }
        return spec
    }

    static func extend(_ base: [(term: String, meaning: String)], with more: [(term: String, meaning: String)]) -> [(term: String, meaning: String)] {
        var entries = base
        for entry in more {
            if let index = entries.firstIndex(where: { $0.term == entry.term }) { entries[index] = entry } else { entries.append(entry) }
        }
        return entries
    }
}

extension BlockSpec {
    /// The block with the tables a variant puts in place of others.
    func replacingTables(_ tables: [String: TableSpec]) -> BlockSpec {
        guard !tables.isEmpty else { return self }
        switch self {
        case .table(let table): return .table(tables[table.name] ?? table)
        case let .each(item, source, condition, blocks, otherwise):
            return .each(item: item, source: source, condition: condition, blocks: blocks.map { $0.replacingTables(tables) },
                         otherwise: otherwise.map { $0.replacingTables(tables) })
        case let .when(condition, blocks): return .when(condition: condition, blocks: blocks.map { $0.replacingTables(tables) })
        default: return self
        }
    }
}

extension FormatLoader {
    /// `变体:` — each with `年度` (2023, "2021-2023", "-2023", "2024-") and/or `层级` (部门/单位),
    /// and what it changes: 文档 (inline or a file), 数据, 表格, 名词解释 (+ 名词解释方式), 编号.
    func variants(_ node: Node, _ yaml: TemplateYAML, styles: [String: TextStyle]) throws -> [FormatVariant] {
        try yaml.sequence(node, "变体").map { item in
            let f = try yaml.fields(item, "变体", allowed: ["年度", "层级", "文档", "数据", "表格", "名词解释", "名词解释方式", "编号"])
            guard f["年度"] != nil || f["层级"] != nil else { throw yaml.error(item, "变体需要“年度”或“层级”（或两者）") }
            var variant = FormatVariant(years: try f["年度"].map { try years($0, yaml) } ?? Int.min...Int.max,
                                        level: try f["层级"].map { try yaml.choice($0, "层级", ["部门": "部门", "单位": "单位"]) })
            if let outline = f["文档"] { variant.outline = try variantOutline(outline, yaml, styles: styles) }
            if let data = f["数据"] { variant.yearData = try yearData(data, yaml) }
            if let tables = f["表格"] {
                for (name, file) in try yaml.mapping(tables, "表格") {
                    variant.tables[name] = try table(try yaml.string(file, "表格"), at: file, yaml, styles: styles)
                }
            }
            if let glossaryFile = f["名词解释"] { variant.glossary = try glossary(try yaml.string(glossaryFile, "名词解释")) }
            if let mode = f["名词解释方式"] {
                variant.glossaryMode = try yaml.choice(mode, "名词解释方式", ["替换": .replace, "追加": .extend])
            }
            if let numbering = f["编号"] { variant.numbering = try self.numbering(numbering, yaml) }
            return variant
        }
    }

    /// `2023`, `"2021-2023"`, `"-2023"` (up to), `"2024-"` (from).
    private func years(_ node: Node, _ yaml: TemplateYAML) throws -> ClosedRange<Int> {
        let text = try yaml.string(node, "年度").trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        func year(_ part: String, default value: Int) throws -> Int {
            if part.isEmpty { return value }
            guard let year = Int(part), (1900...2200).contains(year) else { throw yaml.error(node, "年度“\(text)”应写成 2023、2021-2023、-2023 或 2024-") }
            return year
        }
        switch parts.count {
        case 1: let only = try year(parts[0], default: 0); return only...only
        case 2:
            let from = try year(parts[0], default: Int.min), to = try year(parts[1], default: Int.max)
            guard from <= to else { throw yaml.error(node, "年度“\(text)”的起年晚于止年") }
            return from...to
        default: throw yaml.error(node, "年度“\(text)”应写成 2023、2021-2023、-2023 或 2024-")
        }
    }

    /// A variant's outline: inline, or the name of a file beside format.yaml holding it.
    private func variantOutline(_ node: Node, _ yaml: TemplateYAML, styles: [String: TextStyle]) throws -> [BlockSpec] {
        guard case .scalar = node else { return try outline(node, yaml, styles: styles) }
        let file = try yaml.string(node, "文档")
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path) else {
            throw yaml.error(node, "找不到文档文件 \(file)")
        }
        let (outlineYAML, root) = try read(file)
        return try outline(root, outlineYAML, styles: styles)
    }

    /// `编号: {2: "{{序号|中文序号}}、", 3: "（{{序号|中文序号}}）"}`: how numbered headings of each level begin.
    func numbering(_ node: Node, _ yaml: TemplateYAML) throws -> [Int: TextSpec] {
        var result: [Int: TextSpec] = [:]
        for (level, pattern) in try yaml.mapping(node, "编号") {
            guard let number = Int(level), (1...6).contains(number) else { throw yaml.error(pattern, "编号的键应为标题级别 1–6，得到“\(level)”") }
            result[number] = TextSpec(text: try yaml.string(pattern, "编号"), source: yaml.source(pattern))
        }
        return result
    }

    func yearData(_ node: Node, _ yaml: TemplateYAML) throws -> [String: [String: TemplateValue]] {
        var data: [String: [String: TemplateValue]] = [:]
        for (name, value) in try yaml.mapping(node, "数据") {
            data[name] = Dictionary(try yaml.mapping(value, "数据.\(name)").map { ($0.0, TemplateYAML.value(of: $0.1)) }, uniquingKeysWith: { a, _ in a })
        }
        return data
    }
}

import Foundation
import Yams

/// `gongkai new --from`: next year's file drafted from this year's. Texts, structure and subjects
/// stay as typed (comments too); 年度 goes up by one; `上年` becomes a reference to this year's
/// file, whose figures are last year's from now on; every amount becomes `待填`, which `check`
/// reports at its place until the user types this year's figure.
public enum NextYearDraft {
    /// What an item to be filled says (`check` reports each: `input.unfilled`).
    public static let marker = "待填"

    public struct Draft {
        public let text: String
        public let unfilled: Int
        public let year: Int
    }

    /// The draft of `text` (the file at `path`), its `上年` pointing at `priorReference`.
    public static func draft(_ text: String, path: String, priorReference: String) throws -> Draft {
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: text, .basic, .default, .utf8) else { throw DraftError("文件为空：\(path)") }
            node = composed
        } catch let error as DraftError {
            throw error
        } catch {
            throw DraftError("\(path) 不是正确的 YAML，请先用 gongkai check 改好：\(error)")
        }
        guard case .mapping(let root) = node else { throw DraftError("\(path) 的顶层应为“键: 值”映射") }
        let source = SourceText(text, file: path)
        var edits: [(start: Int, length: Int, text: String)] = []
        var year: Int?
        for (key, value) in root {
            switch key.string {
            case "年度":
                guard let scalar = value.scalar, let current = Int(scalar.string), let start = scalar.mark.flatMap(source.index(of:)) else {
                    throw DraftError("\(path) 的“年度”不是年份")
                }
                year = current + 1
                edits.append((start, scalar.string.unicodeScalars.count, String(current + 1)))
            case "上年":
                continue
            default:
                guard let field = fields[key.string ?? ""] else { continue }
                edits += amounts(in: value, as: field.shape, source: source)
            }
        }
        guard let year else { throw DraftError("\(path) 没有“年度”") }
        var scalars = source.scalars
        for edit in edits.sorted(by: { $0.start > $1.start }) {
            scalars.replaceSubrange(edit.start..<(edit.start + edit.length), with: edit.text.unicodeScalars)
        }
        var result = String(String.UnicodeScalarView(scalars))
        result = replacingPriorYear(in: result, with: priorReference)
        return Draft(text: result, unfilled: edits.count - 1, year: year)
    }

    private static let fields: [String: Field] = {
        guard case .record(let fields) = InputSchema.root else { return [:] }
        return Dictionary(fields.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }()

    /// Every plain amount scalar under `node` read as `shape`, as an edit to the marker.
    private static func amounts(in node: Node, as shape: Shape, source: SourceText) -> [(start: Int, length: Int, text: String)] {
        switch (shape, node) {
        case (.amount, .scalar(let scalar)):
            guard scalar.style == .plain, !scalar.string.isEmpty, let start = scalar.mark.flatMap(source.index(of:)) else { return [] }
            return [(start, scalar.string.unicodeScalars.count, marker)]
        case (.either(let shapes), _):
            guard let fitting = shapes.first(where: { kindFits(node, $0) }) else { return [] }
            return amounts(in: node, as: fitting, source: source)
        case (.record(let fields), .mapping(let mapping)):
            let byKey = Dictionary(fields.map { ($0.key, $0.shape) }, uniquingKeysWith: { first, _ in first })
            return mapping.flatMap { key, value in byKey[key.string ?? ""].map { amounts(in: value, as: $0, source: source) } ?? [] }
        case (.dictionary(_, let valueShape), .mapping(let mapping)):
            return mapping.flatMap { _, value in amounts(in: value, as: valueShape, source: source) }
        case (.list(let element), .sequence(let sequence)):
            return sequence.flatMap { amounts(in: $0, as: element, source: source) }
        default:
            return []
        }
    }

    /// Whether a node's kind (scalar, list, mapping) is the kind `shape` reads, as ShapeReader picks an alternative.
    private static func kindFits(_ node: Node, _ shape: Shape) -> Bool {
        switch (shape, node) {
        case (.record, .mapping), (.dictionary, .mapping), (.list, .sequence), (.paragraphs, .sequence), (.paragraphs, .scalar): return true
        case (.text, .scalar), (.integer, .scalar), (.amount, .scalar), (.code, .scalar), (.choice, .scalar), (.date, .scalar): return true
        case (.either(let shapes), _): return shapes.contains { kindFits(node, $0) }
        default: return false
        }
    }

    /// The top-level `上年` block (its key line and every indented, blank or comment line after it)
    /// replaced by a reference to this year's file; inserted after 年度 when there is none.
    private static func replacingPriorYear(in text: String, with reference: String) -> String {
        var lines = text.components(separatedBy: "\n")
        let block = ["上年:", "  文件: \(reference)"]
        if let start = lines.firstIndex(where: { $0.hasPrefix("上年:") }) {
            var end = start + 1
            while end < lines.count, lines[end].isEmpty || lines[end].hasPrefix(" ") || lines[end].hasPrefix("#") { end += 1 }
            // Comments and blank lines just before the next key belong to that key.
            while end - 1 > start, lines[end - 1].isEmpty || lines[end - 1].hasPrefix("#") { end -= 1 }
            lines.replaceSubrange(start..<end, with: block)
        } else if let yearLine = lines.firstIndex(where: { $0.hasPrefix("年度:") }) {
            lines.insert(contentsOf: block, at: yearLine + 1)
        }
        return lines.joined(separator: "\n")
    }
}

public struct DraftError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

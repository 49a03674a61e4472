/// Writes the input format as a Markdown key reference (docs/input-format.md embeds it).
public enum MarkdownReference {
    public static func reference() -> String {
        var lines: [String] = []
        write(InputSchema.root, depth: 0, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func write(_ shape: Shape, depth: Int, into lines: inout [String]) {
        switch shape {
        case .record(let fields):
            for field in fields {
                let indent = String(repeating: "  ", count: depth)
                let required = field.required ? "，**必填**" : ""
                lines.append("\(indent)- `\(field.key)`（\(describe(field.shape))\(required)）：\(field.doc)")
                write(field.shape, depth: depth + 1, into: &lines)
            }
        case .list(let element):
            write(element, depth: depth, into: &lines)
        case .dictionary(_, let value):
            write(value, depth: depth, into: &lines)
        case .either(let shapes):
            for alternative in shapes { write(alternative, depth: depth, into: &lines) }
        default:
            break
        }
    }

    private static func describe(_ shape: Shape) -> String {
        switch shape {
        case .text: return "文本"
        case .paragraphs: return "文本或文本列表"
        case .integer: return "整数"
        case .amount(let signed): return signed ? "金额，可为负" : "金额"
        case .code(let lengths): return lengths.map { "\($0)" }.joined(separator: "/") + " 位编码"
        case .choice(let words): return words.count > 6 ? "见下文可选值" : words.joined(separator: " | ")
        case .date: return "日期"
        case .list(let element): return "列表，每项为" + describe(element)
        case .record: return "映射"
        case .dictionary(let key, let value): return "映射：\(describe(key)) → \(describe(value))"
        case .either(let shapes): return shapes.map(describe).joined(separator: "，或")
        }
    }
}

/// Characters a text value may not hold: the reader of the file cannot see them, the typesetter
/// cannot print them, and echoing them in a diagnostic would move the terminal's cursor or turn
/// its text around. They are named by code point instead.
public enum ControlCharacters {
    /// Every control character (category Cc: U+0000–001F, U+007F–009F) but the line feed that
    /// ends the lines of a multi-line value; the line and paragraph separators (invisible line
    /// breaks that libyaml keeps in block scalars); and the bidirectional embeddings, overrides
    /// and isolates, which reorder what a terminal or an editor shows.
    /// Plain ranges rather than a property lookup: every scalar of every value passes here.
    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F: return true // Cc
        case 0x2028...0x202E: return true // LS, PS, bidi embeddings and overrides
        case 0x2066...0x2069: return true // bidi isolates
        default: return false
        }
    }

    /// The first refused character of `text` and its offset in Unicode scalars.
    public static func first(in text: String) -> (offset: Int, scalar: Unicode.Scalar)? {
        for (offset, scalar) in text.unicodeScalars.enumerated() where isRefused(scalar) {
            return (offset, scalar)
        }
        return nil
    }

    /// `U+0009（制表符）`: the code point, with a name where it has a common one.
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return "\(code)（\(names[scalar.value] ?? "控制字符")）"
    }

    private static let names: [UInt32: String] = [
        0x00: "空字符", 0x07: "响铃符", 0x08: "退格符", 0x09: "制表符", 0x0B: "垂直制表符", 0x0C: "换页符",
        0x0D: "回车符", 0x1B: "转义符", 0x7F: "删除符", 0x85: "下一行符", 0x2028: "行分隔符", 0x2029: "段分隔符",
        0x202A: "从左至右嵌入符", 0x202B: "从右至左嵌入符", 0x202C: "方向格式结束符", 0x202D: "从左至右强制符",
        0x202E: "从右至左强制符", 0x2066: "从左至右隔离符", 0x2067: "从右至左隔离符", 0x2068: "首强隔离符",
        0x2069: "方向隔离结束符",
    ]
}

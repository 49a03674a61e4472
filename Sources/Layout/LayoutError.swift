import Document

/// Why a document could not be laid out, in words for the person who wrote the data.
public struct LayoutError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// A character no font covers, with the text it occurs in.
    static func missing(_ glyph: MissingGlyph, in context: String) -> LayoutError {
        let scalars = glyph.character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
        let excerpt = glyph.text.count > 40 ? String(glyph.text.prefix(40)) + "…" : glyph.text
        return LayoutError("字符“\(glyph.character)”（\(scalars)）没有任何已配置的字体（\(glyph.role.rawValue)）包含：出现在\(context)“\(excerpt)”中")
    }
}

extension ParagraphLayouter {
    /// `layout`, with a character no font covers reported as a LayoutError naming where it occurs.
    func lines(_ text: String, _ style: TextStyle, width: Double, wraps: Bool = true, context: String) throws -> [LaidLine] {
        do {
            return try layout(text, style: style, width: width, wraps: wraps)
        } catch let missing as MissingGlyph {
            throw LayoutError.missing(missing, in: context)
        }
    }
}

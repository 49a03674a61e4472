/// Splits a template text into plain text, `{{ 值 }}`, `{% 标签 %}` and `{# 注释 #}`, each with the
/// line (1 = the text's first) its content stands on.
///
/// A tag's content is read as Stencil read it: its lines, without the empty ones and with spaces
/// trimmed, joined by one space (a tag may run over several lines). `{%-` and `-%}` take the white
/// space before or after the tag out of the neighbouring text.
struct TemplateLexer {
    enum Kind: Equatable {
        case text
        case value
        case tag
        case comment
    }

    struct Token: Equatable {
        let kind: Kind
        /// The text, or the tag's content without its delimiters.
        let content: String
        let line: Int
        /// `{%-` / `-%}`: trim the white space of the text before / after this tag.
        var trimsBefore = false
        var trimsAfter = false
    }

    let text: String

    /// The tokens, or a mistake such as `{{` without its `}}`.
    func tokens() throws -> [Token] {
        var tokens: [Token] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var textStart = 0
        var line = 1
        var textStartLine = 1

        func flushText(upTo end: Int) {
            guard end > textStart else { return }
            var string = String.UnicodeScalarView()
            string.append(contentsOf: scalars[textStart..<end])
            tokens.append(Token(kind: .text, content: String(string), line: textStartLine))
        }

        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "{", index + 1 < scalars.count, let kind = Self.opening(scalars[index + 1]) else {
                if scalar == "\n" { line += 1 }
                index += 1
                continue
            }
            flushText(upTo: index)
            let close = Self.closing(kind)
            // The content runs to the first closing delimiter.
            var end = index + 2
            var contentLines = 0
            while end + 1 < scalars.count, !(scalars[end] == close && scalars[end + 1] == "}") {
                if scalars[end] == "\n" { contentLines += 1 }
                end += 1
            }
            guard end + 1 < scalars.count else {
                let opener = "{" + String(scalars[index + 1])
                throw TemplateFailure("“\(opener)”没有对应的“\(String(close))}”", line: line)
            }
            var raw = String.UnicodeScalarView()
            raw.append(contentsOf: scalars[(index + 2)..<end])
            var token = Token(kind: kind, content: "", line: line)
            var content = String(raw)
            if kind == .tag {
                if content.first == "-" { token.trimsBefore = true; content.removeFirst() } else if content.first == "+" { content.removeFirst() }
                if content.last == "-" { token.trimsAfter = true; content.removeLast() } else if content.last == "+" { content.removeLast() }
            }
            let (normalized, offset) = Self.normalize(content)
            token = Token(kind: kind, content: normalized, line: line + offset, trimsBefore: token.trimsBefore, trimsAfter: token.trimsAfter)
            tokens.append(token)
            line += contentLines
            index = end + 2
            textStart = index
            textStartLine = line
        }
        flushText(upTo: scalars.count)
        return Self.trimmed(tokens)
    }

    private static func opening(_ scalar: Unicode.Scalar) -> Kind? {
        switch scalar {
        case "{": return .value
        case "%": return .tag
        case "#": return .comment
        default: return nil
        }
    }

    private static func closing(_ kind: Kind) -> Unicode.Scalar {
        switch kind {
        case .value: return "}"
        case .tag: return "%"
        default: return "#"
        }
    }

    /// A tag's content as one line, and how many lines below the opening delimiter it stands: the
    /// line of its only non-empty line, else the delimiter's own.
    static func normalize(_ content: String) -> (String, Int) {
        guard content.utf8.contains(UInt8(ascii: "\n")) else { return (trimSpaces(content), 0) }
        let lines = content.split(separator: "\n", omittingEmptySubsequences: false)
        let filled = lines.enumerated().filter { !$0.element.isEmpty }
        let joined = filled.map { trimSpaces(String($0.element)) }.joined(separator: " ")
        if filled.count == 1, !joined.isEmpty { return (joined, filled[0].offset) }
        return (joined, 0)
    }

    /// Spaces (not tabs or line breaks) off both ends.
    static func trimSpaces(_ text: String) -> String {
        let space = UInt8(ascii: " ")
        guard text.utf8.first == space || text.utf8.last == space else { return text }
        let bytes = text.utf8
        guard let start = bytes.firstIndex(where: { $0 != space }), let last = bytes.lastIndex(where: { $0 != space }) else { return "" }
        return String(decoding: bytes[start...last], as: UTF8.self)
    }

    /// Applies `{%-` and `-%}` to the texts beside those tags.
    private static func trimmed(_ tokens: [Token]) -> [Token] {
        guard tokens.contains(where: { $0.trimsBefore || $0.trimsAfter }) else { return tokens }
        var result = tokens
        for (index, token) in tokens.enumerated() where token.kind == .text {
            var content = token.content
            if index > 0, tokens[index - 1].trimsAfter {
                content = String(content.drop { $0.isWhitespace })
            }
            if index + 1 < tokens.count, tokens[index + 1].trimsBefore {
                while let last = content.last, last.isWhitespace { content.removeLast() }
            }
            result[index] = Token(kind: .text, content: content, line: token.line)
        }
        return result.filter { $0.kind != .text || !$0.content.isEmpty }
    }
}

/// A mistake in a template text, in Chinese, at a line of the text (nil: the node that ran it
/// gives its line).
struct TemplateFailure: Error, Sendable {
    let message: String
    var line: Int?

    init(_ message: String, line: Int? = nil) {
        self.message = message
        self.line = line
    }
}

import BudgetCore

/// Slips of typing YAML on a Chinese keyboard that libyaml reports only a line later, found at
/// the line where they were typed: `名称：…` (a full-width colon), `年度:2025` (no space after the
/// colon), a line indented with 全角空格.
struct TypingSlip {
    let message: String
    let hint: String
    let location: SourceLocation

    /// The slip at or up to three lines above `line` (1-based), nearest first.
    static func find(before line: Int, in text: String, file: String) -> TypingSlip? {
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, !lines.isEmpty else { return nil }
        for index in stride(from: min(line, lines.count) - 1, through: max(0, line - 4), by: -1) {
            if let slip = slip(in: Array(lines[index]), line: index + 1, file: file) { return slip }
        }
        return nil
    }

    /// A double quote opened and not closed on its line, the nearest at or above `line`: libyaml
    /// reads on as one text and gives up far below, often at the end of the file.
    static func unclosedQuote(before line: Int, in text: String, file: String) -> TypingSlip? {
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, !lines.isEmpty else { return nil }
        for index in stride(from: min(line, lines.count) - 1, through: 0, by: -1) {
            let scalars = Array(lines[index])
            var quotes: [Int] = []
            var singleQuoted = false
            var position = 0
            while position < scalars.count {
                let scalar = scalars[position]
                let outside = quotes.count % 2 == 0 && !singleQuoted
                if scalar == "#", outside, position == 0 || scalars[position - 1] == " " { break }
                if scalar == "\\", quotes.count % 2 == 1 { position += 2; continue }
                // A double quote inside a single-quoted text ('他说"好') is just a character.
                if scalar == "'", quotes.count % 2 == 0 { singleQuoted.toggle() }
                if scalar == "\"", !singleQuoted { quotes.append(position) }
                position += 1
            }
            guard quotes.count % 2 == 1, let open = quotes.last else { continue }
            return TypingSlip(message: "这一行的引号“\"”没有闭合：其后的内容都被当成了这段文字", hint: "在这段文字的末尾补上半角引号“\"”",
                              location: SourceLocation(file: file, line: index + 1, column: open + 1))
        }
        return nil
    }

    private static func slip(in scalars: [Unicode.Scalar], line: Int, file: String) -> TypingSlip? {
        func at(_ index: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: index + 1) }
        let indent = scalars.prefix { $0 == " " || $0 == "\u{3000}" }
        if let wide = indent.firstIndex(of: "\u{3000}") {
            return TypingSlip(message: "这一行用全角空格“　”缩进：缩进只能用半角空格", hint: "把行首的全角空格换成半角空格（每级两个）", location: at(wide))
        }
        var start = indent.count
        while start < scalars.count, scalars[start] == "-" || scalars[start] == " " { start += 1 }
        guard start < scalars.count, scalars[start] != "#", scalars[start] != "\"", scalars[start] != "'" else { return nil }
        guard let colon = scalars[start...].firstIndex(where: { $0 == "：" || $0 == ":" }), colon > start else { return nil }
        let key = String(String.UnicodeScalarView(scalars[start..<colon]))
        guard !key.contains(" "), !key.contains("{"), !key.contains("[") else { return nil }
        if scalars[colon] == "：" {
            return TypingSlip(message: "“\(key)”后用了全角冒号“：”：键与值之间应为半角冒号加空格“: ”", hint: "改为“\(key): …”", location: at(colon))
        }
        // `年度:2025`: a colon followed by a character that is not a space (nor `//`, as in a web address).
        guard colon + 1 < scalars.count, scalars[colon + 1] != " ", scalars[colon + 1] != "/" else { return nil }
        return TypingSlip(message: "“\(key):”后缺少空格：键的冒号之后要有一个半角空格", hint: "改为“\(key): …”", location: at(colon))
    }
}

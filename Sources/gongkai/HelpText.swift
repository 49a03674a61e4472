import BudgetInput
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// swift-argument-parser's help screens and usage errors in Chinese, laid out by display width.
///
/// The parser writes its headings and fixed phrases in English, and it aligns and wraps by counting
/// characters, so a Chinese description (two terminal columns a character) runs past its column.
/// `Gongkai.main` asks the parser for its text unwrapped (`unwrapped` columns) and passes it through
/// `translated(_:width:optionNames:)`, which replaces the English and lays the text out again by
/// `displayWidth`: the two-column lists (参数, 选项, 子命令) share one description column, and every
/// long line breaks between Chinese characters or at spaces, never before closing punctuation.
enum HelpText {
    /// Columns to ask the parser for, so that it wraps nothing and pads labels to `parserLabelColumn`.
    static let unwrapped = 100_000
    /// Where the parser starts a list entry's description (or, for a long label, on the next line).
    static let parserLabelColumn = 26
    /// The widest description column; a wider label stands on its own line.
    static let widestColumn = 26

    /// A command's `discussion`: 示例 and the command lines, one a line, each a real invocation
    /// (the tests parse every one).
    static func examples(_ commandLines: String...) -> String {
        (["示例："] + commandLines.map { "  " + $0 }).joined(separator: "\n")
    }

    /// Whether `text` (the parser's output for an error, and its exit code) is a help screen or a
    /// usage error, rather than a version, a completion script or other output to pass on unchanged.
    static func isTranslatable(_ text: String, success: Bool) -> Bool {
        success ? text.hasPrefix("OVERVIEW: ") || text.hasPrefix("USAGE: ") : text.hasPrefix("Error: ")
    }

    /// The parser's `text` (rendered with `unwrapped` columns) in Chinese for a terminal `width`
    /// columns wide; `optionNames` lists the command's options for a misspelt one (asked only then).
    static func translated(_ text: String, width: Int, optionNames: () -> [String] = { [] }) -> String {
        var pieces: [Piece] = []
        var inList = false
        var inOverview = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.isEmpty {
                inList = false
                pieces.append(.line(""))
            } else if let abstract = line.removingPrefix("OVERVIEW: ") {
                inOverview = true
                pieces.append(.paragraph(lead: "概述：", text: abstract, indent: 0))
            } else if let usage = line.removingPrefix("USAGE: ") ?? line.removingPrefix("Usage: ") {
                inOverview = false
                pieces.append(.usage(usage.replacingOccurrences(of: "<subcommand>", with: "<子命令>")))
            } else if let message = line.removingPrefix("Error: ") {
                pieces.append(.paragraph(lead: "错误: ", text: self.message(message, optionNames: optionNames), indent: 0))
            } else if let alternative = line.removingPrefix("   or: ") {
                pieces.append(.paragraph(lead: "   或：", text: self.message(alternative, optionNames: optionNames), indent: 6))
            } else if let help = line.removingPrefix("Help:  ") {
                // `--jobs <数>  同时检查的文件数`: the option stays apart from its description.
                let parts = help.components(separatedBy: "  ")
                let lead = parts.count > 1 ? "说明：" + parts[0] + "  " : "说明："
                pieces.append(.paragraph(lead: lead, text: parts.count > 1 ? parts.dropFirst().joined(separator: "  ") : help, indent: 6))
            } else if let names = match(line, "  See '{} <subcommand>' for detailed help.") {
                pieces.append(.line("  用 \(names[0]) <子命令> 查看各子命令的详细说明。"))
            } else if let names = match(line, "  See '{}' for more information.") {
                pieces.append(.line("  用 \(names[0]) 查看详细说明。"))
            } else if !inOverview, let heading = heading(line) {
                inList = true
                pieces.append(.line(heading))
            } else if inList, let entry = entry(line) {
                pieces.append(.entry(label: entry.label, description: entry.description.map(description)))
            } else if inList, line.hasPrefix(String(repeating: " ", count: parserLabelColumn)),
                      case .entry(let label, let lines) = pieces.last {
                // A label too long for the parser's column, or a description of several lines.
                let more = description(String(line.dropFirst(parserLabelColumn)))
                pieces[pieces.count - 1] = .entry(label: label, description: lines + [more])
            } else {
                // The overview's discussion (示例 …), the lines after an error's first and anything
                // unforeseen: kept (but a message the parser writes in English), wrapped if too long.
                let indent = line.prefix { $0 == " " }.count
                var text = String(line.dropFirst(indent))
                if !inOverview && !inList { text = message(text, optionNames: optionNames) }
                pieces.append(.paragraph(lead: String(repeating: " ", count: indent), text: text, indent: indent))
            }
        }
        return render(pieces, width: width)
    }

    /// The parser's usage error `text` with `message` in place of its own (and without the
    /// description of the argument that message was about).
    static func replacingError(in text: String, with message: String) -> String {
        var lines = text.components(separatedBy: "\n")
        guard let first = lines.firstIndex(where: { $0.hasPrefix("Error: ") }) else { return text }
        lines[first] = "Error: " + message
        lines.removeAll { $0.hasPrefix("Help:  ") || $0.hasPrefix("   or: ") }
        return lines.joined(separator: "\n")
    }

    /// The options (`--jobs`, `-j`, …) a help screen from the parser lists.
    static func optionNames(inHelp text: String) -> [String] {
        text.split(separator: "\n").compactMap { entry(String($0))?.label }.flatMap { label in
            label.components(separatedBy: ", ").compactMap { part -> String? in
                let name = part.prefix { $0 != " " }
                return name.hasPrefix("-") ? String(name) : nil
            }
        }
    }

    // MARK: Layout

    private enum Piece {
        case line(String)
        /// `lead` then `text` wrapped, every further line indented `indent` columns.
        case paragraph(lead: String, text: String, indent: Int)
        case usage(String)
        /// One item of a two-column list: its description's lines (each wrapped on its own).
        case entry(label: String, description: [String])
    }

    private static func render(_ pieces: [Piece], width: Int) -> String {
        let labels = pieces.compactMap { piece -> Int? in
            guard case .entry(let label, _) = piece else { return nil }
            return displayWidth(label)
        }
        let fitting = labels.filter { 2 + $0 + 2 <= widestColumn }
        let column = fitting.isEmpty ? widestColumn : 2 + fitting.max()! + 2
        var lines: [String] = []
        for piece in pieces {
            switch piece {
            case .line(let line):
                lines.append(line)
            case .paragraph(let lead, let text, let indent):
                let leadWidth = displayWidth(lead)
                let wrapped = wrap(text, width: max(width - indent, 20), firstWidth: max(width - leadWidth, 20))
                lines.append(lead + wrapped[0])
                lines += wrapped.dropFirst().map { String(repeating: " ", count: indent) + $0 }
            case .usage(let usage):
                lines += wrapUsage(usage, lead: "用法：", width: width)
            case .entry(let label, let description):
                let labelWidth = displayWidth(label)
                let pad = String(repeating: " ", count: column)
                var texts = description.flatMap { wrap($0, width: max(width - column, 20)) }
                if texts.isEmpty { texts = [""] }
                if 2 + labelWidth + 2 <= column {
                    let first = "  " + label + String(repeating: " ", count: column - 2 - labelWidth) + texts[0]
                    lines.append(texts[0].isEmpty ? "  " + label : first)
                    lines += texts.dropFirst().map { pad + $0 }
                } else {
                    lines.append("  " + label)
                    lines += texts.filter { !$0.isEmpty }.map { pad + $0 }
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The usage line broken between its parts (`[--jobs <数>]` stays whole), hanging under `lead`.
    private static func wrapUsage(_ usage: String, lead: String, width: Int) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in usage {
            if character == " " && depth == 0 {
                if !current.isEmpty { parts.append(current) }
                current = ""
                continue
            }
            if character == "[" || character == "<" { depth += 1 }
            if character == "]" || character == ">" { depth = max(depth - 1, 0) }
            current.append(character)
        }
        if !current.isEmpty { parts.append(current) }
        // `<文件> ...`: the repetition belongs to its argument.
        var tokens: [String] = []
        for part in parts {
            if part == "...", let last = tokens.popLast() { tokens.append(last + " ...") } else { tokens.append(part) }
        }
        let indent = displayWidth(lead)
        var lines: [String] = []
        var line = lead
        var lineWidth = indent
        for token in tokens {
            let tokenWidth = displayWidth(token)
            if lineWidth > indent && lineWidth + 1 + tokenWidth > width {
                lines.append(line)
                line = String(repeating: " ", count: indent) + token
                lineWidth = indent + tokenWidth
            } else {
                line += (lineWidth > indent ? " " : "") + token
                lineWidth += (lineWidth > indent ? 1 : 0) + tokenWidth
            }
        }
        lines.append(line)
        return lines
    }

    /// Characters no line starts with (closing punctuation), and none ends with (opening).
    private static let noLineStart: Set<Character> = Set("，。、；：？！）」』”’》〉】…,.;:!?)]}%")
    private static let noLineEnd: Set<Character> = Set("（「『“‘《〈【([{")

    /// `text` in lines of at most `width` display columns (`firstWidth` for the first): breaks
    /// between wide characters and at spaces, never before `noLineStart` nor after `noLineEnd`; a
    /// word wider than the line stands alone on it.
    static func wrap(_ text: String, width: Int, firstWidth: Int? = nil) -> [String] {
        var tokens: [(text: String, spaced: Bool)] = []
        var current = ""
        var currentSpaced = false
        var sawSpace = false
        func flush() {
            if !current.isEmpty { tokens.append((current, currentSpaced)) }
            current = ""
        }
        for character in text {
            if character == " " {
                flush()
                sawSpace = true
                continue
            }
            if let last = current.last {
                let joins = noLineStart.contains(character) || noLineEnd.contains(last)
                    || (!isWide(character) && !isWide(last))
                if !joins { flush() }
            }
            if current.isEmpty {
                currentSpaced = sawSpace
                sawSpace = false
            }
            current.append(character)
        }
        flush()
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for token in tokens {
            let tokenWidth = displayWidth(token.text)
            let gap = token.spaced && !line.isEmpty ? 1 : 0
            let limit = lines.isEmpty ? firstWidth ?? width : width
            if !line.isEmpty && lineWidth + gap + tokenWidth > limit {
                lines.append(line)
                line = token.text
                lineWidth = tokenWidth
            } else {
                line += String(repeating: " ", count: gap) + token.text
                lineWidth += gap + tokenWidth
            }
        }
        lines.append(line)
        return lines
    }

    // MARK: Display width

    /// Terminal columns `text` occupies (`TerminalText.width`: two for East Asian wide characters,
    /// none for combining marks, one otherwise, “ ” included, as most terminals show them).
    static func displayWidth<S: StringProtocol>(_ text: S) -> Int {
        TerminalText.width(String(text))
    }

    private static func isWide(_ character: Character) -> Bool {
        character.unicodeScalars.first.map { TerminalText.width(of: $0) == 2 } ?? false
    }

    /// The terminal's width as the parser finds it: `COLUMNS`, else the terminal on standard output, else 80.
    static func terminalWidth() -> Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        #if canImport(Glibc)
        var size = winsize()
        let status = withUnsafeMutablePointer(to: &size) { ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), UnsafeMutableRawPointer($0)) }
        if status == 0, size.ws_col > 0 { return Int(size.ws_col) }
        #endif
        return 80
    }

    // MARK: Words

    /// A section heading in Chinese, or nil when `line` is no heading.
    private static func heading(_ line: String) -> String? {
        guard line.hasSuffix(":"), line.first?.isUppercase == true,
              line.allSatisfy({ $0.isUppercase || $0 == " " || $0 == ":" || $0 == "-" }) else { return nil }
        switch line {
        case "ARGUMENTS:": return "参数："
        case "OPTIONS:": return "选项："
        case "SUBCOMMANDS:": return "子命令："
        default: return line
        }
    }

    /// A list entry as the parser lays it out: `  label`, padded to its column, then the description.
    private static func entry(_ line: String) -> (label: String, description: [String])? {
        guard line.hasPrefix("  "), let third = line.dropFirst(2).first, third != " " else { return nil }
        let characters = Array(line)
        if characters.count > parserLabelColumn, characters[parserLabelColumn - 1] == " ", characters[parserLabelColumn] != " " {
            let label = String(characters[2..<parserLabelColumn]).trimmingCharacters(in: .whitespaces)
            return (label, [String(characters[parserLabelColumn...])])
        }
        // A label too long for the column (its description on the lines after it), or one without a description.
        guard !line.dropFirst(2).contains("  ") else { return nil }
        return (line.trimmingCharacters(in: .whitespaces), [])
    }

    /// An entry's description with the parser's own phrases in Chinese.
    private static func description(_ text: String) -> String {
        let phrases = [
            "Show help information.": "显示帮助信息",
            "Show the version.": "显示版本",
            "Show subcommand help information.": "显示子命令的帮助信息",
        ]
        if let phrase = phrases[text] { return phrase }
        // “(values: 受控, 独立; default: 受控)” at the end.
        for opening in [" (values: ", " (default: ", " (default as flag: ", "(values: ", "(default: "] {
            guard text.hasSuffix(")"), let range = text.range(of: opening, options: .backwards) else { continue }
            let inside = text[text.index(range.lowerBound, offsetBy: opening.hasPrefix(" ") ? 2 : 1)..<text.index(before: text.endIndex)]
            let parts = inside.components(separatedBy: "; ").map { part -> String in
                if let values = part.removingPrefix("values: ") { return "可选：" + values.components(separatedBy: ", ").joined(separator: "、") }
                if let value = part.removingPrefix("default as flag: ") { return "只写选项时：" + value }
                if let value = part.removingPrefix("default: ") { return "默认：" + value }
                return part
            }
            return String(text[..<range.lowerBound]) + "（" + parts.joined(separator: "；") + "）"
        }
        return text
    }

    /// One of the parser's error messages in Chinese; one it does not foresee stays as written.
    static func message(_ text: String, optionNames: () -> [String]) -> String {
        if let parts = match(text, "Unknown option '{}'. Did you mean '{}'?") {
            return unknownOption(parts[0], parserSuggestion: parts[1], optionNames: optionNames())
        }
        if let parts = match(text, "Unknown option '{}'") {
            return unknownOption(parts[0], parserSuggestion: nil, optionNames: optionNames())
        }
        if let parts = match(text, "The value '{}' is invalid for '{}'{}") {
            return "“\(parts[1])”的值“\(parts[0])”无效" + valueHint(parts[2])
        }
        if let parts = match(text, "The value '{}' is invalid.{}") {
            return "值“\(parts[0])”无效" + valueHint(parts[1].isEmpty ? "" : "." + parts[1])
        }
        let simple: [(String, ([String]) -> String)] = [
            ("Missing value for '{}' in '{}'", { "选项“\($0[0])”缺少值（在“\($0[1])”中）" }),
            ("Missing value for '{}'", { "选项“\($0[0])”缺少值" }),
            ("Missing expected argument '{}'", { "缺少参数“\($0[0])”" }),
            ("Missing one of: {}", { "缺少以下之一：" + quotedList($0[0]) }),
            ("The option '{}' does not take any value, but '{}' was specified.", { "选项“\($0[0])”不带值，却给了“\($0[1])”" }),
            ("Unexpected argument '{}'", { "多余的参数“\($0[0])”" }),
            ("{} unexpected arguments: {}", { "\($0[0]) 个多余的参数：" + quotedList($0[1]) }),
            ("Invalid option: {}", { "无效的选项：\($0[0])" }),
            ("Missing required subcommand.", { _ in "缺少子命令" }),
            ("Value to be set with flag {} had already been set with flag {}", { "\(quotedList($0[1]))与\(quotedList($0[0]))只能给出一个" }),
            ("Can't generate completion scripts for '{}'.", { "不能为“\($0[0])”生成补全脚本。" }),
            ("Can't autodetect a supported shell.", { _ in "无法判断所用的 shell。" }),
            ("Please use --generate-completion-script=<shell> with one of:", { _ in "请用 --generate-completion-script=<shell>，shell 为以下之一：" }),
        ]
        for (pattern, chinese) in simple {
            if let parts = match(text, pattern) { return chinese(parts) }
        }
        return text
    }

    /// The closest option by `KeySuggestion` (long names only), else the parser's own suggestion.
    private static func unknownOption(_ name: String, parserSuggestion: String?, optionNames: [String]) -> String {
        var suggestion: String?
        if name.hasPrefix("--") {
            let longNames = optionNames.filter { $0.hasPrefix("--") && $0 != name }
            suggestion = KeySuggestion.closest(to: name, among: longNames)
        }
        guard let suggestion = suggestion ?? parserSuggestion else { return "没有选项“\(name)”" }
        return "没有选项“\(name)”，是否想写“\(suggestion)”？"
    }

    /// What follows “the value is invalid”: the values to choose from, or the parser's reason.
    private static func valueHint(_ rest: String) -> String {
        if rest.isEmpty { return "" }
        if rest == ". Please provide one of the following:" { return "，可选：" }
        if let list = match(rest, ". Please provide one of {}.") {
            return "（可选：" + list[0].components(separatedBy: "'").enumerated().filter { $0.offset % 2 == 1 }.map(\.element).joined(separator: "、") + "）"
        }
        if let reason = rest.removingPrefix(": ") { return "：" + reason }
        return rest
    }

    /// `'a', 'b'` as “a”、“b”.
    private static func quotedList(_ text: String) -> String {
        let items = text.components(separatedBy: "'").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        return items.isEmpty ? text : items.map { "“\($0)”" }.joined(separator: "、")
    }

    /// The texts standing for `{}` if `line` reads as `pattern`; the last `{}` takes the rest.
    static func match(_ line: String, _ pattern: String) -> [String]? {
        let literals = pattern.components(separatedBy: "{}")
        guard literals[0].isEmpty || line.hasPrefix(literals[0]) else { return nil }
        var rest = line.dropFirst(literals[0].count)
        if literals.count == 1 { return rest.isEmpty ? [] : nil }
        var values: [String] = []
        for (index, literal) in literals.enumerated().dropFirst() {
            if index == literals.count - 1 {
                guard literal.isEmpty || rest.hasSuffix(literal), rest.count >= literal.count else { return nil }
                values.append(String(rest.dropLast(literal.count)))
            } else {
                guard let range = rest.range(of: literal) else { return nil }
                values.append(String(rest[..<range.lowerBound]))
                rest = rest[range.upperBound...]
            }
        }
        return values
    }
}

private extension String {
    func removingPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}

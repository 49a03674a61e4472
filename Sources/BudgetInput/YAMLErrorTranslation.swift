import BudgetCore
import Yams

/// Turns libyaml's English errors into Chinese diagnostics that keep the position.
public enum YAMLErrorTranslation {
    public static func diagnostic(for error: Error, text: String, file: String) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return .error("yaml.syntax", "无法解析 YAML", at: SourceLocation(file: file, line: 1, column: 1))
        }
        switch yamlError {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            let place = SourceLocation(file: file, line: mark.line, column: mark.column)
            if let slip = TypingSlip.find(before: mark.line, in: text, file: file) ?? TypingSlip.unclosedQuote(before: mark.line, in: text, file: file) {
                // The commonest slips of Chinese typing (名称：…, 年度:2025, indenting with 全角空格)
                // read as text, and libyaml complains a line later: the slip is where the fix goes.
                return Diagnostic.error("yaml.syntax", slip.message, at: slip.location)
                    .noting("YAML 在此处发现语法错误：\(translate(problem))", at: place)
                    .hinting(slip.hint)
            }
            return .error("yaml.syntax", "YAML 语法错误：\(translate(problem))", at: place)
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? ""
            let place = secondOccurrence(of: key, after: context.mark, in: text)
                ?? (line: context.mark.line, column: context.mark.column)
            return .error("yaml.duplicate-key", "键“\(key)”重复出现（第一次在第 \(context.mark.line) 行）：同一映射中每个键只能写一次",
                          at: SourceLocation(file: file, line: place.line, column: place.column))
        case let .reader(problem, offset, value, _):
            // Yams gives the offset in Characters of the text, not in bytes.
            let location = offset.map { InputLoader.position(of: text.index(text.startIndex, offsetBy: min($0, text.count)), in: text, file: file) }
            // libyaml refuses raw control characters anywhere in the file; name the one it met.
            let named = problem.contains("control characters") ? Unicode.Scalar(UInt32(bitPattern: value)).map { " " + ControlCharacters.describe($0) } : nil
            return .error("input.encoding", "无法读取文本：\(translate(problem))\(named ?? "")", at: location ?? SourceLocation(file: file, line: 1, column: 1))
        case .memory:
            return .error("yaml.syntax", "YAML 解析内存不足", at: SourceLocation(file: file, line: 1, column: 1))
        default:
            return .error("yaml.syntax", "无法解析 YAML", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// libyaml reports the first of two equal keys; the user needs the second, the one to remove.
    static func secondOccurrence(of key: String, after mark: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let indent = mark.column - 1
        for index in mark.line..<lines.count {
            let line = lines[index]
            let leading = line.prefix(while: { $0 == " " }).count
            if leading < indent && !line.trimmingCharacters(in: .whitespaces).isEmpty && !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") && !line.trimmingCharacters(in: .whitespaces).hasPrefix("-") { return nil }
            let body = line.dropFirst(leading)
            if leading == indent, body.hasPrefix(key + ":") || body.hasPrefix("\"\(key)\":") || body.hasPrefix("'\(key)':") {
                return (index + 1, indent + 1)
            }
        }
        return nil
    }

    private static let phrases: [(String, String)] = [
        ("mapping values are not allowed in this context", "此处不能出现“键: 值”（文字中有“: ”时请给整段文字加引号或改用全角冒号“：”；也可能是缩进不对）"),
        ("did not find expected key", "没有找到预期的键（缩进不一致？）"),
        ("did not find expected '-' indicator", "没有找到预期的列表项“-”（缩进不一致？）"),
        ("could not find expected ':'", "没有找到预期的冒号“:”"),
        ("found character that cannot start any token", "出现了不能作为开头的字符（制表符不能用于缩进）"),
        ("found undefined alias", "“*”开头的值在 YAML 中是别名（文字以 * 开头时请加引号，如 \"*100\"）"),
        ("found unexpected end of stream", "文件意外结束（某处的引号或括号没有闭合？从报出处往上找开始的那个引号）"),
        ("found unknown escape character", "引号中有未知的转义字符"),
        ("block sequence entries are not allowed in this context", "此处不能开始列表（缩进不对？）"),
        ("did not find expected node content", "缺少内容"),
        ("found a tab character that violates indentation", "缩进中使用了制表符，请改用空格"),
        ("control characters are not allowed", "文本中含有控制字符"),
        ("found unexpected ':'", "出现了多余的冒号"),
        ("did not find expected ',' or ']'", "方括号列表中缺少“,”或“]”（以“[”开头的文字，如“[2024]158号”，请加引号）"),
        ("Maximum nesting level reached", "嵌套层数过多（列表或映射套得太深）"),
        ("but found another document", "一个文件只能写一份数据：这里出现了第二份（“---”之后）"),
        ("found incompatible YAML document", "不支持这个 YAML 版本（%YAML 指令）：请删去这一行"),
        ("found invalid Unicode character escape code", "引号中的 Unicode 转义无效（例如单独的代理码 \\ud800）"),
        ("found unsupported YAML version", "不支持这个 YAML 版本（%YAML 指令）：请删去这一行"),
        ("did not find expected ',' or '}'", "花括号映射中缺少“,”或“}”（以“{”开头的文字请加引号；花括号里的逗号要用半角“,”）"),
    ]

    static func translate(_ problem: String) -> String {
        for (english, chinese) in phrases where problem.contains(english) { return chinese }
        // A message not translated yet: say so in Chinese, keep libyaml's words as the detail.
        return "无法解析此处（libyaml：\(problem)）"
    }
}

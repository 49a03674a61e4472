import Foundation
import Yams

/// Reading template YAML with positions: every malformed spec is a TemplateError at its line.
struct TemplateYAML {
    let file: String

    static func load(_ path: String, displayName: String) throws -> (TemplateYAML, Node) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw TemplateError(file: displayName, line: 1, "无法读取模板文件")
        }
        do {
            // Templates read every scalar as text: no implicit types, so no regular expression per scalar.
            // UTF-8 named, or Yams reads the process environment on every call to choose it.
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else { throw TemplateError(file: displayName, line: 1, "模板文件为空") }
            return (TemplateYAML(file: displayName), node)
        } catch let error as TemplateError {
            throw error
        } catch let error as YamlError {
            switch error {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                throw TemplateError(file: displayName, line: mark.line, column: mark.column, "YAML 语法错误：\(problem)")
            default:
                throw TemplateError(file: displayName, line: 1, "YAML 错误：\(error)")
            }
        }
    }

    /// format.yaml's 数据 as template values: texts, lists and mappings (the first of equal keys).
    static func value(of node: Node) -> TemplateValue {
        switch node {
        case .scalar(let scalar): return .text(scalar.string)
        case .sequence(let sequence): return .list(sequence.map { value(of: $0) })
        case .mapping(let mapping):
            return .dictionary(Dictionary(mapping.map { (NameKey($0.key.string ?? ""), value(of: $0.value)) }, uniquingKeysWith: { a, _ in a }))
        case .alias: return .text("")
        }
    }

    func source(_ node: Node) -> TemplateSource {
        TemplateSource(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    func error(_ node: Node, _ message: String) -> TemplateError { source(node).error(message) }

    func mapping(_ node: Node, _ what: String) throws -> [(String, Node)] {
        guard case .mapping(let mapping) = node else { throw error(node, "\(what)应为映射") }
        return mapping.map { ($0.key.string ?? "", $0.value) }
    }

    func sequence(_ node: Node, _ what: String) throws -> [Node] {
        guard case .sequence(let sequence) = node else { throw error(node, "\(what)应为列表") }
        return Array(sequence)
    }

    func string(_ node: Node, _ what: String) throws -> String {
        guard case .scalar(let scalar) = node else { throw error(node, "\(what)应为文字") }
        return scalar.string
    }

    /// A text, or a list of texts written one under another and joined without spaces: how long
    /// Chinese sentences are kept readable in a file (YAML's folded style would put spaces in).
    func text(_ node: Node, _ what: String) throws -> String {
        if case .sequence(let parts) = node { return try parts.map { try string($0, what) }.joined() }
        return try string(node, what)
    }

    func number(_ node: Node, _ what: String) throws -> Double {
        guard let value = Double(try string(node, what)) else { throw error(node, "\(what)应为数字") }
        return value
    }

    /// One of a fixed set of words (方向: 横向/纵向 …); anything else is an error listing them.
    func choice<Value>(_ node: Node, _ what: String, _ options: KeyValuePairs<String, Value>) throws -> Value {
        let word = try string(node, what)
        guard let value = options.first(where: { $0.key == word })?.value else {
            throw error(node, "\(what)“\(word)”应为 \(options.map(\.key).joined(separator: "、")) 之一")
        }
        return value
    }

    /// true or false, nothing else (a misspelt flag would otherwise silently mean false).
    func flag(_ node: Node, _ what: String) throws -> Bool {
        try choice(node, what, ["true": true, "false": false])
    }

    /// The value of `key` in a mapping node, checking no unknown key is present.
    func fields(_ node: Node, _ what: String, allowed: [String]) throws -> [String: Node] {
        var result: [String: Node] = [:]
        for (key, value) in try mapping(node, what) {
            guard allowed.contains(key) else {
                throw error(value, "\(what)中没有键“\(key)”（可用：\(allowed.joined(separator: "、"))）")
            }
            result[key] = value
        }
        return result
    }
}

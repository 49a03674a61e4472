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
            guard let node = try Yams.compose(yaml: text) else { throw TemplateError(file: displayName, line: 1, "模板文件为空") }
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

    /// `true` or `false`, nothing else: a misspelt switch would silently be off.
    func flag(_ node: Node, _ what: String) throws -> Bool {
        switch try string(node, what) {
        case "true": return true
        case "false": return false
        default: throw error(node, "\(what)应为 true 或 false")
        }
    }

    func number(_ node: Node, _ what: String) throws -> Double {
        guard let value = Double(try string(node, what)) else { throw error(node, "\(what)应为数字") }
        return value
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

import Foundation

/// Writes the input format as a JSON Schema (draft 2020-12) for editors such as VS Code YAML.
public enum JSONSchemaWriter {
    public static func schema() -> String {
        var root = object(for: InputSchema.root)
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        root["title"] = "gongkai 部门预算数据"
        root["description"] = "一个部门（单位）一个年度的预算数据，见 docs/input-format.md"
        let data = try! JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    static func object(for shape: Shape) -> [String: Any] {
        switch shape {
        case .text:
            return ["type": ["string", "number", "integer", "boolean"]]
        case .paragraphs:
            return ["anyOf": [["type": "string"], ["type": "array", "items": ["type": "string"]]]]
        case let .integer(minimum, maximum):
            return maximum == Int.max ? ["type": "integer", "minimum": minimum] : ["type": "integer", "minimum": minimum, "maximum": maximum]
        case .amount(let signed):
            let pattern = signed ? "^[+-]?[0-9][0-9,]*(\\.[0-9]+)?$" : "^[+]?[0-9][0-9,]*(\\.[0-9]+)?$"
            return ["anyOf": [["type": "number", "minimum": signed ? -1e12 : 0], ["type": "string", "pattern": pattern]]]
        case .code(let lengths):
            let pattern = "^(" + lengths.map { "[0-9]{\($0)}" }.joined(separator: "|") + ")$"
            return ["anyOf": [["type": "string", "pattern": pattern], ["type": "integer"]]]
        case .choice(let words):
            return ["enum": words]
        case .date:
            return ["type": "string", "pattern": "^[0-9]{4}[-年/.][0-9]{1,2}[-月/.][0-9]{1,2}日?$"]
        case .list(let element):
            return ["type": "array", "items": object(for: element)]
        case .record(let fields):
            var properties: [String: Any] = [:]
            for field in fields {
                var property = object(for: field.shape)
                property["description"] = field.doc
                properties[field.key] = property
            }
            var result: [String: Any] = ["type": "object", "properties": properties, "additionalProperties": false]
            let required = fields.filter(\.required).map(\.key)
            if !required.isEmpty { result["required"] = required }
            return result
        case .dictionary(_, let value):
            return ["type": "object", "additionalProperties": object(for: value)]
        case .either(let shapes):
            return ["anyOf": shapes.map(object(for:))]
        }
    }
}

/// The declared shape of an input value: one description drives validation, key suggestions,
/// the typed reading and `gongkai schema`, so the four can never disagree.
public indirect enum Shape: Sendable {
    /// Any scalar, kept exactly as typed.
    case text
    /// One paragraph, or a list of paragraphs.
    case paragraphs
    /// A whole number no smaller than `minimum`.
    case integer(minimum: Int, maximum: Int = Int.max)
    /// An amount in the file's 金额单位; negative amounts rejected unless `signed`.
    case amount(signed: Bool)
    /// A subject code: digits only, one of the given lengths (3 类, 5 款, 7 项 …).
    case code(lengths: [Int])
    /// One of a fixed set of words.
    case choice([String])
    /// A date, `2025-01-25` or `2025年1月25日`.
    case date
    case list(Shape)
    case record([Field])
    /// Free keys of one shape (subject codes) to values of another.
    case dictionary(key: Shape, value: Shape)
    /// The first alternative whose kind (scalar, list, mapping) fits the node.
    case either([Shape])
}

/// One key of a record.
public struct Field: Sendable {
    public let key: String
    public let shape: Shape
    public let required: Bool
    /// What the key means, in Chinese, for `gongkai schema` and docs/input-format.md.
    public let doc: String

    public init(_ key: String, _ shape: Shape, required: Bool = false, _ doc: String) {
        self.key = key
        self.shape = shape
        self.required = required
        self.doc = doc
    }
}

extension Shape {
    public static let amount = Shape.amount(signed: false)
    public static let count = Shape.integer(minimum: 0)

    var kindName: String {
        switch self {
        case .text, .paragraphs: return "文本"
        case .integer: return "整数"
        case .amount: return "金额"
        case .code: return "科目编码"
        case .choice(let words): return "“" + words.joined(separator: "”“") + "”之一"
        case .date: return "日期"
        case .list: return "列表"
        case .record: return "映射"
        case .dictionary: return "映射"
        case .either(let shapes): return shapes.map(\.kindName).joined(separator: "或")
        }
    }
}

/// The expressions of a compiled template, built once by `TemplateExpressionParser`: names split
/// into their members, literals already values, filters already known.

/// A name and what follows it: `功能类[码].合计` is 功能类, then the member named by 码's value,
/// then 合计.
struct TemplatePath: Sendable {
    enum Step: Sendable {
        /// `.合计`, `.0` (an index of a list).
        case member(TemplateMember)
        /// `[码]`, `["上年结转-单位资金"]`: the member named by a value.
        case key(TemplateOperand)
    }

    /// As written, for messages.
    let text: String
    let root: NameKey
    let steps: [Step]
    let hasKeys: Bool

    init(text: String, root: String, steps: [Step]) {
        self.text = text
        self.root = NameKey(root)
        self.steps = steps
        self.hasKeys = steps.contains { if case .key = $0 { return true } else { return false } }
    }
}

/// A member's name as a key, and as a list's index when it is a number (`.0`).
struct TemplateMember: Sendable {
    let key: NameKey
    let index: Int?

    init(_ name: String) {
        key = NameKey(name)
        index = Int(name)
    }

    var name: String { key.text }
}

/// A literal (`"持平"`, `1`, `true`) or a path into the data.
indirect enum TemplateOperand: Sendable {
    case literal(TemplateValue)
    case path(TemplatePath)
}

/// `|金额`, `|有:"三公经费"`, `|join:"、"`.
struct TemplateFilterCall: Sendable {
    /// Nil for a name that is no filter: reported before the text runs.
    let filter: TemplateFilter?
    let name: String
    let arguments: [TemplateOperand]
}

/// A value and the filters applied to it in turn: `科目.合计|金额或空`.
struct TemplateValueExpression: Sendable {
    let operand: TemplateOperand
    let filters: [TemplateFilterCall]
}

/// The condition of `{% if %}`, `{% elif %}`, a loop's `where` and a block's `条件`.
indirect enum TemplateCondition: Sendable {
    /// A value, true when it is a non-empty text, list or mapping, a true flag, a number above zero
    /// or any other value that is there.
    case value(TemplateValueExpression)
    case not(TemplateCondition)
    /// `a and b and c`: true when every one is (evaluated in order, stopping at the first false).
    case all([TemplateCondition])
    /// `a or b or c`.
    case any([TemplateCondition])
    case compare(TemplateValueExpression, TemplateComparison, TemplateValueExpression)
}

enum TemplateComparison: String, Sendable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case greater = ">"
    case lessOrEqual = "<="
    case greaterOrEqual = ">="

    /// Stencil's comparison: equal numbers, texts or flags are equal, and nothing equals nothing;
    /// `<` and `>` compare numbers only (anything else is not less and not greater).
    func holds(_ left: TemplateValue, _ right: TemplateValue) -> Bool {
        switch self {
        case .equal: return Self.equal(left, right)
        case .notEqual: return !Self.equal(left, right)
        case .less, .greater, .lessOrEqual, .greaterOrEqual:
            guard let l = left.number, let r = right.number else { return false }
            switch self {
            case .less: return l < r
            case .greater: return l > r
            case .lessOrEqual: return l <= r
            default: return l >= r
            }
        }
    }

    private static func equal(_ left: TemplateValue, _ right: TemplateValue) -> Bool {
        switch (left, right) {
        case (.null, .null): return true
        case (.text(let l), .text(let r)): return l == r
        case (.bool(let l), .bool(let r)): return l == r
        default:
            guard let l = left.number, let r = right.number else { return false }
            return l == r
        }
    }
}

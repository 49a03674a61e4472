import BudgetCore

/// A value of the template data (TemplateContext) or of a template's literals: what a name, a
/// member or a filter gives. A closed set of kinds, so that evaluating a text switches on a tag
/// instead of casting `Any` (the money filters know a figure from a text without a dynamic cast).
enum TemplateValue: Sendable {
    case null
    case text(String)
    case int(Int)
    /// A number literal with a fraction (`1.5`); compared as a number.
    case float(Float)
    case bool(Bool)
    /// A named amount of the view (`支出.合计`): what the money filters print and log.
    case figure(Figure)
    /// An amount without a name (`比上年.合计.本年`).
    case money(Money)
    case percent(Percent)
    case list([TemplateValue])
    /// A record of the view: asking for a member it lacks is the template's mistake.
    case record(TemplateRecord)
    /// A plain mapping (year data, 空表, 空表理由): a key it lacks is simply nothing.
    case dictionary([NameKey: TemplateValue])
    /// A year-over-year comparison (`比上年.合计`), worded by the 增减 filter.
    case change(ChangeValue)
    /// 类 rows by code (`功能类[码]`).
    case lookup(SubjectLookup)
    /// `forloop` inside a `{% for %}`: the element's index and the number of elements.
    case loop(index: Int, count: Int)

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The text a value prints as (`{{ … }}`): texts as they are, numbers in decimal, a figure its
    /// amount in 元, a record its name; nothing for nothing. (Stencil's `stringify`.)
    var rendered: String {
        switch self {
        case .null, .change, .lookup: return ""
        case .text(let text): return text
        case .int(let number): return String(number)
        case .float(let number): return number.description
        case .bool(let flag): return flag ? "true" : "false"
        case .figure(let figure): return figure.description
        case .money(let money): return money.description
        case .percent(let percent): return percent.description
        case .record(let record): return record.name
        case .list(let items): return "[" + items.map(\.debugText).joined(separator: ", ") + "]"
        case .dictionary(let entries): return TemplateValue.describe(entries)
        case let .loop(index, count): return TemplateValue.describe(TemplateValue.loopMembers(index: index, count: count))
        }
    }

    /// A value inside a printed list: texts quoted, as Swift prints an array.
    private var debugText: String {
        switch self {
        case .text(let text): return text.debugDescription
        case .null: return "nil"
        case .change: return "Templating.ChangeValue"
        case .lookup: return "Templating.SubjectLookup"
        default: return rendered
        }
    }

    /// A mapping printed in key order: `["甲": 1, "乙": "二"]`.
    private static func describe(_ entries: [NameKey: TemplateValue]) -> String {
        if entries.isEmpty { return "[:]" }
        return "[" + entries.sorted { $0.key < $1.key }.map { "\($0.key.text.debugDescription): \($0.value.debugText)" }.joined(separator: ", ") + "]"
    }

    /// The value named in a message (“得到的是……”) or used as a key (`功能类[码]`).
    var described: String {
        switch self {
        case .null: return "nil"
        case .change: return "Templating.ChangeValue"
        case .lookup: return "Templating.SubjectLookup"
        default: return rendered
        }
    }

    /// Whether `{% if value %}` holds: a non-empty text, list or mapping, a true flag, a number
    /// above zero, any other value that is there.
    var isTruthy: Bool {
        switch self {
        case .null: return false
        case .text(let text): return !text.isEmpty
        case .int(let number): return number > 0
        case .float(let number): return number > 0
        case .bool(let flag): return flag
        case .list(let items): return !items.isEmpty
        case .dictionary(let entries): return !entries.isEmpty
        case .figure, .money, .percent, .record, .change, .lookup, .loop: return true
        }
    }

    /// The value as a number for `==` and `<`: integers and number literals only (an amount is not one).
    var number: Float? {
        switch self {
        case .int(let number): return Float(number)
        case .float(let number): return number
        default: return nil
        }
    }

    static func loopMembers(index: Int, count: Int) -> [NameKey: TemplateValue] {
        ["first": .bool(index == 0), "last": .bool(index == count - 1), "counter": .int(index + 1),
         "counter0": .int(index), "length": .int(count)]
    }
}

/// What can be put into the template data directly.
protocol TemplateRepresentable {
    var templateValue: TemplateValue { get }
}

extension String: TemplateRepresentable { var templateValue: TemplateValue { .text(self) } }
extension Int: TemplateRepresentable { var templateValue: TemplateValue { .int(self) } }
extension Bool: TemplateRepresentable { var templateValue: TemplateValue { .bool(self) } }
extension Money: TemplateRepresentable { var templateValue: TemplateValue { .money(self) } }
extension Percent: TemplateRepresentable { var templateValue: TemplateValue { .percent(self) } }
extension Figure: TemplateRepresentable { var templateValue: TemplateValue { .figure(self) } }
extension TemplateRecord: TemplateRepresentable { var templateValue: TemplateValue { .record(self) } }
extension TemplateValue: TemplateRepresentable { var templateValue: TemplateValue { self } }
extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    var templateValue: TemplateValue { .list(map(\.templateValue)) }
}

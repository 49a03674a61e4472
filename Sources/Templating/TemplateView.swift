import Budget
import BudgetCore
import Foundation

/// The typed view of a Budget that templates select from (docs/templates.md), written as JSON under
/// the very names templates use: what `inspect --json` prints. Amounts are texts in the budget's
/// unit, as printed (controlled rounding) or exact (independent rounding).
public enum TemplateView {
    public static func json(for budget: Budget) throws -> String {
        let context = TemplateContext(budget: budget, yearData: [:])
        let view = Dictionary(uniqueKeysWithValues: context.values().map { ($0.key.text, plain($0.value, unit: budget.department.unit)) })
        let data = try JSONSerialization.data(withJSONObject: view, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// A value of the view as JSON: records become objects, figures their amount.
    static func plain(_ value: TemplateValue, unit: AmountUnit) -> Any {
        switch value {
        case .null: return NSNull()
        case .record(let record): return plain(record.members, unit: unit)
        case .figure(let figure): return figure.value.exactText(in: unit)
        case .money(let money): return money.exactText(in: unit)
        case .percent(let percent): return percent.description
        case .change(let change):
            return ChangeValue.members.reduce(into: [String: Any]()) { $0[$1] = change[$1].map { plain($0, unit: unit) } ?? NSNull() }
        case .lookup(let lookup): return lookup.rows.mapValues { plain(.record($0), unit: unit) }
        case .list(let list): return list.map { plain($0, unit: unit) }
        case .dictionary(let dictionary): return plain(dictionary, unit: unit)
        case .text(let text): return text
        case .int(let number): return number
        case .bool(let flag): return flag
        case .float, .loop: return value.rendered
        }
    }

    private static func plain(_ members: [NameKey: TemplateValue], unit: AmountUnit) -> [String: Any] {
        Dictionary(uniqueKeysWithValues: members.map { ($0.key.text, plain($0.value, unit: unit)) })
    }
}

import Budget
import BudgetCore
import Foundation

/// The typed view of a Budget that templates select from (docs/templates.md), written as JSON under
/// the very names templates use: what `inspect --json` prints. Amounts are texts in the budget's
/// unit, as printed (controlled rounding) or exact (independent rounding).
public enum TemplateView {
    public static func json(for budget: Budget) throws -> String {
        let context = TemplateContext(budget: budget, yearData: [:])
        let view = plain(context.values(), unit: budget.department.unit)
        let data = try JSONSerialization.data(withJSONObject: view, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// A value of the view as JSON: records become objects, figures their amount.
    static func plain(_ value: Any?, unit: AmountUnit) -> Any {
        switch value {
        case nil: return NSNull()
        case let record as StrictRecord: return record.members.mapValues { plain($0, unit: unit) }
        case let figure as Figure: return figure.value.exactText(in: unit)
        case let money as Money: return money.exactText(in: unit)
        case let percent as Percent: return percent.description
        case let change as ChangeValue:
            return ChangeValue.members.reduce(into: [String: Any]()) { $0[$1] = plain(change[dynamicMember: $1], unit: unit) }
        case let lookup as SubjectLookup: return lookup.rows.mapValues { plain($0, unit: unit) }
        case let list as [Any]: return list.map { plain($0, unit: unit) }
        case let dictionary as [String: Any]: return dictionary.mapValues { plain($0, unit: unit) }
        case let text as String: return text
        case let number as Int: return number
        case let flag as Bool: return flag
        case let some?: return String(describing: some)
        }
    }
}

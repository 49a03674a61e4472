import BudgetCore
import Foundation

/// The derived budget as JSON, amounts as exact decimal text in the document's unit.
public enum BudgetJSON {
    public static func encode(_ budget: Budget) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.userInfo[.amountUnit] = budget.department.unit
        return String(decoding: try encoder.encode(budget), as: UTF8.self)
    }
}

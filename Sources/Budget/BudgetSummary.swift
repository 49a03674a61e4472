import BudgetCore

/// A short human-readable account of a derived budget (`gongkai inspect` without --json).
public enum BudgetSummary {
    public static func text(_ budget: Budget) -> String {
        let unit = budget.department.unit
        func show(_ money: Money) -> String { money.formatted(in: unit) + unit.rawValue }
        var lines = ["\(budget.department.name) \(budget.department.year) 年\(budget.department.level)预算（\(budget.department.format)）"]
        lines.append("收支总计 \(show(budget.total))：基本支出 \(show(budget.totals.basic))（人员经费 \(show(budget.totals.personnel))，公用经费 \(show(budget.totals.publicUse))），项目支出 \(show(budget.totals.project))")
        for (group, amount) in budget.income.byGroup.sorted(by: { $0.key < $1.key }) {
            lines.append("收入 \(group) \(show(amount))")
        }
        lines.append("功能分类：")
        for row in budget.functional {
            let indent = String(repeating: "  ", count: row.depth)
            lines.append("\(indent)\(row.code) \(row.name) \(show(row.columns.total))（基本 \(show(row.columns.basic))，项目 \(show(row.columns.project))）")
        }
        lines.append("“三公”经费 \(show(budget.threePublic.subtotal))；机关运行经费 \(show(budget.officeOperation))")
        for comparison in budget.changes {
            lines.append("比上年：\(comparison.label) \(comparison.change.phrase(unit: unit))")
        }
        return lines.joined(separator: "\n")
    }
}

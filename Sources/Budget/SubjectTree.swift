import BudgetCore
import BudgetInput

/// Rolls 项 up to 款 and 类: each parent's columns are the exact sum of its children.
enum SubjectTree {
    struct Leaf {
        let code: String
        let source: FundSource
        let columns: ExpenditureColumns
    }

    static func rows(_ leaves: [Leaf], names: [String: String]) -> [SubjectRow] {
        var columns: [String: ExpenditureColumns] = [:]
        var bySource: [String: [String: Money]] = [:]
        for leaf in leaves {
            for code in [String(leaf.code.prefix(3)), String(leaf.code.prefix(5)), leaf.code] {
                columns[code] = (columns[code] ?? ExpenditureColumns()) + leaf.columns
                bySource[code, default: [:]][leaf.source.rawValue, default: .zero] += leaf.columns.total
            }
        }
        return columns.keys.sorted().map { code in
            SubjectRow(code: code, name: names[code] ?? "", depth: code.count == 3 ? 1 : code.count == 5 ? 2 : 3,
                       columns: columns[code]!, bySource: bySource[code] ?? [:])
        }
    }

    /// Each row with the economic classes of the projects under it (of `group` only, when given).
    static func withProjectEconomics(_ rows: [SubjectRow], projects: [DerivedProject], group: FundSource.Group?) -> [SubjectRow] {
        var classes: [String: [String: Money]] = [:]
        for project in projects where group == nil || FundSource(rawValue: project.source)?.group == group {
            let subject = project.subject
            for (code, amount) in project.economic {
                for prefix in Set([String(subject.prefix(3)), String(subject.prefix(5)), subject]) {
                    classes[prefix, default: [:]][String(code.prefix(3)), default: .zero] += amount
                }
            }
        }
        return rows.map { row in
            var row = row
            row.projectEconomicClasses = classes[row.code] ?? [:]
            return row
        }
    }
}

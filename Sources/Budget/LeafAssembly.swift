import BudgetCore
import BudgetInput

/// Puts 支出 rows and 项目 together into functional leaves, one per (科目, 资金来源):
/// a leaf's 项目支出 is the sum of its projects; a typed 项目支出 is checked against it.
struct LeafAssembly {
    struct Key: Hashable { let subject: String; let source: FundSource }

    private(set) var leaves: [Key: ExpenditureColumns] = [:]
    private(set) var order: [Key] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Each project with its exact amount (金额, or the sum of its 经济分类).
    private(set) var projectAmounts: [Money] = []

    init(_ input: BudgetInput, unit: AmountUnit) {
        var firstRow: [Key: SourceLocation] = [:]
        var typedProject: [Key: Located<Money>] = [:]
        for row in input.expenditures {
            let key = Key(subject: row.subject.value, source: row.source.value)
            if let first = firstRow[key] {
                diagnostics.append(.error("subject.duplicate",
                    "科目 \(key.subject)（资金来源 \(key.source.rawValue)）重复：第 \(first.line) 行已经写过，同一科目同一资金来源只能写一行",
                    at: row.subject.location))
                continue
            }
            firstRow[key] = row.subject.location
            order.append(key)
            leaves[key] = columns(of: row, unit: unit)
            if let project = row.project { typedProject[key] = project }
        }

        var projectSums: [Key: Money] = [:]
        var projectKeysInOrder: [Key] = []
        for project in input.projects {
            let amount = Self.amount(of: project, unit: unit, diagnostics: &diagnostics)
            projectAmounts.append(amount)
            let key = Key(subject: project.subject.value, source: project.source.value)
            if projectSums[key] == nil { projectKeysInOrder.append(key) }
            projectSums[key, default: .zero] += amount
        }

        for key in projectKeysInOrder {
            let sum = projectSums[key]!
            if let typed = typedProject[key], typed.value != sum {
                diagnostics.append(.error("project.subject-total",
                    "科目 \(key.subject)（\(key.source.rawValue)）的项目支出写为 \(typed.value.formatted(in: unit))\(unit.rawValue)，而功能科目为 \(key.subject) 的项目合计 \(sum.formatted(in: unit))\(unit.rawValue)，两者不符",
                    at: typed.location))
            }
            // The projects are the detail the tables list, so their sum is the leaf's 项目支出.
            if leaves[key] == nil { order.append(key); leaves[key] = ExpenditureColumns() }
            leaves[key]!.project = sum
        }
        let projectKeys = Set(projectSums.keys)
        for (key, typed) in typedProject where !projectKeys.contains(key) && !input.projects.isEmpty {
            diagnostics.append(.warning("project.missing-detail",
                "科目 \(key.subject) 有项目支出 \(typed.value.formatted(in: unit))\(unit.rawValue)，但没有功能科目为 \(key.subject) 的项目明细（项目绩效目标表将缺少该项目）",
                at: typed.location))
        }
    }

    private func columns(of row: ExpenditureRow, unit: AmountUnit) -> ExpenditureColumns {
        var columns = ExpenditureColumns()
        columns.personnel = row.personnel?.value ?? .zero
        columns.publicUse = row.publicUse?.value ?? .zero
        // A 基本支出 typed beside its split is checked by CrossChecks; the split is what tables print.
        if let basic = row.basic, row.personnel == nil, row.publicUse == nil {
            columns.unsplitBasic = basic.value
        }
        columns.project = row.project?.value ?? .zero
        columns.operating = row.operating?.value ?? .zero
        columns.remittedUpward = row.remittedUpward?.value ?? .zero
        columns.subsidiesToAffiliates = row.subsidiesToAffiliates?.value ?? .zero
        return columns
    }

    /// A project's amount as typed: its 金额, or the sum of its 经济分类.
    static func amount(of project: Project) -> Money {
        project.amount?.value ?? project.economic.map(\.amount.value).sum()
    }

    /// A project's amount: its 金额, or the sum of its 经济分类; both typed must agree.
    static func amount(of project: Project, unit: AmountUnit, diagnostics: inout [Diagnostic]) -> Money {
        let economicSum = project.economic.map(\.amount.value).sum()
        guard let typed = project.amount else {
            if project.economic.isEmpty {
                diagnostics.append(.error("project.amount-missing", "项目“\(project.name.value)”没有金额：请写“金额”或“经济分类”", at: project.location))
            }
            return economicSum
        }
        if !project.economic.isEmpty && economicSum != typed.value {
            diagnostics.append(.error("project.economic-total",
                "项目“\(project.name.value)”金额 \(typed.value.formatted(in: unit))\(unit.rawValue)，而经济分类合计 \(economicSum.formatted(in: unit))\(unit.rawValue)，两者不符",
                at: typed.location))
        }
        return typed.value
    }
}

import BudgetCore
import BudgetInput

/// Checks of single records that published documents get wrong and no total would reveal: two
/// projects with one 编码, staff counts that do not add up, an asset date inside the budget year,
/// a project under a basic-spending subject, 绩效任务 that no longer add to the 金额合计.
enum RecordChecks {
    static func run(input: BudgetInput, budget: Budget) -> [Diagnostic] {
        duplicateProjectCodes(input) + projectsUnderBasicSubjects(input, budget: budget) + staffCounts(input)
            + assetDate(input) + performanceTasks(input, budget: budget)
    }

    /// 项目编码 identifies a project in the budget system: two projects cannot share one.
    static func duplicateProjectCodes(_ input: BudgetInput) -> [Diagnostic] {
        var first: [String: Project] = [:]
        var found: [Diagnostic] = []
        for project in input.projects {
            guard let code = project.code else { continue }
            if let earlier = first[code.value] {
                found.append(.error("project.duplicate-code", "项目“\(project.name.value)”的编码 \(code.value) 与项目“\(earlier.name.value)”相同", at: code.location)
                    .noting("项目“\(earlier.name.value)”的编码", at: earlier.code?.location)
                    .hinting("从预算系统重新抄录两个项目的编码：项目编码不能重复"))
            } else {
                first[code.value] = project
            }
        }
        return found
    }

    /// 行政运行、事业运行、机关服务 record basic spending; a project belongs under the 项 of its purpose.
    static func projectsUnderBasicSubjects(_ input: BudgetInput, budget: Budget) -> [Diagnostic] {
        let names = Dictionary(budget.functional.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        return input.projects.compactMap { project in
            guard let name = names[project.subject.value], CrossCheckTable.isBasicSpendingSubject(name: name) else { return nil }
            let row = input.expenditures.first { $0.subject.value == project.subject.value }
            let warning = Diagnostic.warning("project.basic-subject",
                                             "项目“\(project.name.value)”列在功能科目 \(project.subject.value) \(name)下：\(name)只反映基本支出，项目应列在反映其用途的项",
                                             at: project.subject.location)
            return row.map { warning.noting("支出中科目 \(project.subject.value) 的基本支出", at: $0.location) } ?? warning
        }
    }

    /// 编制 = 行政编制 + 事业编制, 实有 = 实有行政 + 实有事业, where all three are typed.
    static func staffCounts(_ input: BudgetInput) -> [Diagnostic] {
        let staff = input.overview.staff
        return [("编制", ["行政编制", "事业编制"]), ("实有", ["实有行政", "实有事业"])].compactMap { total, parts in
            guard let typed = staff[total], parts.allSatisfy({ staff[$0] != nil }) else { return nil }
            let sum = parts.compactMap { staff[$0]?.value }.reduce(0, +)
            guard sum != typed.value else { return nil }
            return parts.reduce(Diagnostic.error("staff.total", "人员情况“\(total)” \(typed.value) 人，不等于\(parts.joined(separator: "与"))之和 \(sum) 人", at: typed.location)) { diagnostic, part in
                diagnostic.noting("“\(part)” \(staff[part]!.value) 人", at: staff[part]?.location)
            }
        }
    }

    /// Assets are counted at the end of the year before the budget year.
    static func assetDate(_ input: BudgetInput) -> [Diagnostic] {
        guard let asOf = input.assets?.asOf, let year = Int(asOf.value.prefix(4)), year >= input.year.value else { return [] }
        return [.error("assets.date", "资产数截止日期 \(asOf.value) 不早于预算年度 \(input.year.value) 年：资产情况应截至上年末",
                       at: asOf.location)
            .noting("预算年度", at: input.year.location)
            .hinting("一般写 \(input.year.value - 1)-12-31")]
    }

    /// The 部门整体绩效 tasks' amounts make up the 金额合计 the table prints, which is the department's
    /// total spending.
    static func performanceTasks(_ input: BudgetInput, budget: Budget) -> [Diagnostic] {
        guard let tasks = input.performance?.tasks, tasks.contains(where: { $0.amount != nil }) else { return [] }
        let sum = tasks.compactMap { $0.amount?.value }.sum()
        guard sum != budget.total else { return [] }
        let unit = input.unit
        let show = { (money: Money) in money.exactText(in: unit) + unit.rawValue }
        let first = tasks.first { $0.amount != nil }
        var diagnostic = Diagnostic.error("performance.task-total",
                                          "部门整体绩效各任务金额之和 \(show(sum)) 不等于支出合计 \(show(budget.total))（绩效目标表的金额合计）",
                                          at: first?.amount?.location)
        for task in tasks.dropFirst() where task.amount != nil {
            diagnostic = diagnostic.noting("任务“\(task.name.value)” \(show(task.amount!.value))", at: task.amount?.location)
        }
        return [diagnostic.withDifference(sum - budget.total)]
    }
}

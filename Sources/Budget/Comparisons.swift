import BudgetCore
import BudgetInput
import Catalog

/// Year-over-year comparisons (比上年增减) of every figure last year's data states.
enum Comparisons {
    struct Result {
        var changes: [Comparison] = []
        var diagnostics: [Diagnostic] = []
        /// 项 last year had and this year has not.
        var formerSubjects: [SubjectRow] = []
    }

    static func build(budget: Budget, input: BudgetInput, prior: PriorYear, catalog: SubjectCatalog) -> Result {
        var result = Result()
        var figures = FigureSet<Money>()
        if let priorInput = prior.input?.value {
            if priorInput.year.value != input.year.value - 1 {
                result.diagnostics.append(.warning("prior.year", "上年数据文件的年度为 \(priorInput.year.value)，本年为 \(input.year.value)", at: prior.file?.location))
            }
            if priorInput.unit != input.unit {
                result.diagnostics.append(.warning("prior.unit", "上年数据文件的金额单位为\(priorInput.unit.rawValue)，本年为\(input.unit.rawValue)（按实际金额比较）", at: prior.file?.location))
            }
            let outcome = BudgetDeriver.derive(priorInput, catalog: catalog)
            if let priorBudget = outcome.budget {
                figures = self.figures(of: priorBudget)
            } else {
                result.diagnostics.append(.error("prior.invalid", "上年数据文件有错误，无法计算比上年增减（先对上年文件运行 gongkai check）", at: prior.file?.location))
                result.diagnostics += outcome.diagnostics.errors
            }
        }
        overlay(prior.stated, on: &figures)
        let others = budget.totals.operating + budget.totals.remittedUpward + budget.totals.subsidiesToAffiliates
        let contradictions = PriorYearConsistency.check(figures: figures, stated: prior.stated, unit: input.unit,
                                                        hasOtherColumns: !others.isZero)
        result.diagnostics += contradictions
        // No change sentence from figures that contradict each other.
        if contradictions.hasErrors { return result }

        let current = self.figures(of: budget)
        var builder = ComparisonBuilder(fixLocation: input.reasonsLocation ?? input.priorKeyLocation ?? prior.location,
                                        reasonsTyped: input.reasonsLocation != nil)
        builder.add("合计", "收支总计", current.total, figures.total, reason: input.reasons.total, requiresReason: false)
        builder.add("基本支出", "基本支出", current.basic, figures.basic, reason: input.reasons.basic)
        builder.add("人员经费", "人员经费", current.personnel, figures.personnel, reason: input.reasons.personnel)
        builder.add("公用经费", "公用经费", current.publicUse, figures.publicUse, reason: input.reasons.publicUse)
        builder.add("项目支出", "项目支出", current.project, figures.project, reason: input.reasons.project)
        for source in FundSource.allCases {
            guard let priorAmount = figures.income[source] else { continue }
            builder.add("收入/\(source.rawValue)", source.rawValue, current.income[source] ?? .zero, priorAmount, reason: input.reasons.income[source])
        }
        let functionalNames = Dictionary(budget.functional.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let functionalCodes = Set(current.functional.keys).union(figures.functional.keys).sorted()
        let priorHasDetail = prior.input != nil
        for code in functionalCodes {
            guard let priorAmount = figures.functional[code] ?? (priorHasDetail ? .zero : nil) else { continue }
            let name = functionalNames[code] ?? catalog.name(of: code, in: .functional, year: input.year.value) ?? ""
            builder.add("科目/\(code)", "\(code) \(name)", current.functional[code] ?? .zero, priorAmount,
                        reason: input.reasons.functional[code], requiresReason: code.count == 7)
            if code.count == 7, current.functional[code] == nil, !priorAmount.isZero {
                let typed = prior.input?.value.subjectNames[code]?.value
                result.formerSubjects.append(SubjectRow(code: code, name: functionalNames[code] ?? typed ?? name, depth: 3,
                                                        columns: ExpenditureColumns(), bySource: [:]))
            }
        }
        let economicCodes = Set(current.economic.keys).union(figures.economic.keys).sorted()
        for code in economicCodes {
            guard let priorAmount = figures.economic[code] ?? (priorHasDetail ? .zero : nil) else { continue }
            builder.add("经济科目/\(code)", "经济科目 \(code)", current.economic[code] ?? .zero, priorAmount,
                        reason: input.reasons.economic[code], requiresReason: code.count == 3)
        }
        let governmentCodes = Set(current.governmentEconomic.keys).union(figures.governmentEconomic.keys).sorted()
        for code in governmentCodes {
            guard let priorAmount = figures.governmentEconomic[code] ?? (priorHasDetail ? .zero : nil) else { continue }
            builder.add("政府经济科目/\(code)", "政府经济科目 \(code)", current.governmentEconomic[code] ?? .zero, priorAmount,
                        reason: input.reasons.governmentEconomic[code], requiresReason: code.count == 3)
        }
        if let priorTotal = figures.threePublicTotal {
            builder.add("三公经费", "“三公”经费", current.threePublicTotal ?? .zero, priorTotal, reason: input.reasons.threePublicTotal)
        }
        for item in ThreePublicItem.allCases {
            guard let priorAmount = figures.threePublic[item] else { continue }
            builder.add("三公经费/\(item.rawValue)", item.rawValue, current.threePublic[item] ?? .zero, priorAmount,
                        reason: input.reasons.threePublic[item] ?? input.reasons.threePublicTotal, requiresReason: false)
        }
        if let priorAmount = figures.officeOperation {
            builder.add("机关运行经费", "机关运行经费", current.officeOperation ?? .zero, priorAmount, reason: input.reasons.officeOperation)
        }
        if let priorAmount = figures.procurement {
            builder.add("政府采购", "政府采购", current.procurement ?? .zero, priorAmount, reason: nil, requiresReason: false)
        }
        result.changes = builder.changes
        return result
    }

    /// The figures of a derived budget that a following year compares against.
    static func figures(of budget: Budget) -> FigureSet<Money> {
        var set = FigureSet<Money>()
        set.total = budget.total
        set.basic = budget.totals.basic
        set.personnel = budget.totals.personnel
        set.publicUse = budget.totals.publicUse
        set.project = budget.totals.project
        for source in FundSource.allCases { if let amount = budget.income.bySource[source.rawValue] { set.income[source] = amount } }
        for row in budget.functional { set.functional[row.code] = row.columns.total }
        for row in budget.generalEconomic { set.economic[row.code] = row.total }
        for row in budget.governmentEconomic { set.governmentEconomic[row.code] = row.total }
        set.threePublicTotal = budget.threePublic.subtotal
        for item in ThreePublicItem.allCases { set.threePublic[item] = budget.threePublic.items[item.rawValue] ?? .zero }
        set.officeOperation = budget.officeOperation
        set.procurement = budget.procurement?.total
        return set
    }

    /// Inline 上年 figures win over those derived from last year's file.
    private static func overlay(_ stated: FigureSet<Located<Money>>, on set: inout FigureSet<Money>) {
        if let v = stated.total { set.total = v.value }
        if let v = stated.basic { set.basic = v.value }
        if let v = stated.personnel { set.personnel = v.value }
        if let v = stated.publicUse { set.publicUse = v.value }
        if let v = stated.project { set.project = v.value }
        if let v = stated.officeOperation { set.officeOperation = v.value }
        if let v = stated.procurement { set.procurement = v.value }
        for (k, v) in stated.income { set.income[k] = v.value }
        for (k, v) in stated.functional { set.functional[k] = v.value }
        for (k, v) in stated.economic { set.economic[k] = v.value }
        for (k, v) in stated.governmentEconomic { set.governmentEconomic[k] = v.value }
        if let v = stated.threePublicTotal { set.threePublicTotal = v.value }
        for (k, v) in stated.threePublic { set.threePublic[k] = v.value }
        if !stated.threePublic.isEmpty && stated.threePublicTotal == nil {
            set.threePublicTotal = ThreePublicItem.allCases.filter(\.isThreePublic).map { set.threePublic[$0] ?? .zero }.sum()
        }
        if set.total == nil, let basic = set.basic, let project = set.project { set.total = basic + project }
    }
}

/// Collects comparisons. Whether a change lacks its reason depends on what the format prints:
/// `Preflight.ChangeReasons` says so after the templates ran.
private struct ComparisonBuilder {
    let fixLocation: SourceLocation
    let reasonsTyped: Bool
    var changes: [Comparison] = []

    mutating func add(_ key: String, _ label: String, _ current: Money?, _ prior: Money?, reason: Located<String>?, requiresReason: Bool = true) {
        guard let prior else { return }
        var comparison = Comparison(key: key, label: label, change: YearOverYearChange(current: current ?? .zero, prior: prior), reason: reason?.value)
        comparison.requiresReason = requiresReason
        comparison.reasonLocation = reason?.location
        comparison.fixLocation = fixLocation
        comparison.reasonsTyped = reasonsTyped
        changes.append(comparison)
    }
}

import BudgetCore
import BudgetInput

/// Checks that the tables of one budget agree with each other, as published documents often don't.
enum CrossChecks {
    static func run(input: BudgetInput, budget: Budget, leaves: [SubjectTree.Leaf], generalBasic: ExpenditureColumns,
                    localOnly: Bool = false) -> [Diagnostic] {
        var checks = Checker(unit: input.unit)
        checks.rows(input, reportingEmptyRows: !localOnly)
        checks.projects(input, budget: budget)
        if localOnly { return checks.diagnostics }
        checks.basicEconomic(input, budget: budget, leaves: leaves, generalBasic: generalBasic)
        checks.threePublic(input, budget: budget)
        checks.statedFigures(input, budget: budget)
        checks.procurement(input, budget: budget)
        checks.assets(input, budget: budget)
        return checks.diagnostics
    }
}

private struct Checker {
    let unit: AmountUnit
    var diagnostics: [Diagnostic] = []

    func show(_ money: Money) -> String { money.exactText(in: unit) + unit.rawValue }

    mutating func error(_ rule: String, _ message: String, at location: SourceLocation?) {
        diagnostics.append(.error(rule, message, at: location))
    }

    mutating func warning(_ rule: String, _ message: String, at location: SourceLocation?) {
        diagnostics.append(.warning(rule, message, at: location))
    }

    /// A row's 基本支出 equals 人员经费 + 公用经费; a row carries some amount.
    mutating func rows(_ input: BudgetInput, reportingEmptyRows: Bool) {
        for row in input.expenditures {
            let split = (row.personnel?.value ?? .zero) + (row.publicUse?.value ?? .zero)
            if let basic = row.basic, row.personnel != nil || row.publicUse != nil, basic.value != split {
                error("row.basic-split", "科目 \(row.subject.value) 基本支出 \(show(basic.value)) 不等于人员经费与公用经费之和 \(show(split))", at: basic.location)
            }
            let amounts = [row.personnel, row.publicUse, row.basic, row.project, row.operating, row.remittedUpward, row.subsidiesToAffiliates]
            if reportingEmptyRows && amounts.allSatisfy({ $0 == nil }) && !input.projects.contains(where: { $0.subject.value == row.subject.value }) {
                warning("row.empty", "科目 \(row.subject.value) 没有任何金额", at: row.location)
            }
        }
    }

    /// 一般公共预算基本支出: the economic table agrees with the functional rows, line by line where
    /// the two classifications name the same payment (30108 ↔ 2080505 …).
    mutating func basicEconomic(_ input: BudgetInput, budget: Budget, leaves: [SubjectTree.Leaf], generalBasic: ExpenditureColumns) {
        guard let location = input.basicEconomic.location else {
            if !generalBasic.basic.isZero {
                warning("economic.missing", "有一般公共预算基本支出 \(show(generalBasic.basic))，但没有写“基本支出经济分类”，基本支出表将无法按经济分类列示",
                        at: input.expenditures.first?.location ?? SourceLocation(file: input.file, line: 1, column: 1))
            }
            return
        }
        let economicPersonnel = budget.basicEconomic.filter { $0.depth == 1 }.map(\.personnel).sum()
        let economicPublic = budget.basicEconomic.filter { $0.depth == 1 }.map(\.publicUse).sum()
        if economicPersonnel + economicPublic != generalBasic.basic {
            error("economic.basic-total",
                  "基本支出经济分类合计 \(show(economicPersonnel + economicPublic))（人员经费 \(show(economicPersonnel))、公用经费 \(show(economicPublic))）不等于支出中一般公共预算基本支出 \(show(generalBasic.basic))",
                  at: location)
        } else if generalBasic.unsplitBasic.isZero {
            if economicPersonnel != generalBasic.personnel {
                error("economic.personnel", "经济分类人员经费 \(show(economicPersonnel)) 不等于支出中一般公共预算人员经费 \(show(generalBasic.personnel))", at: location)
            }
        }
        for line in input.basicEconomic.publicUse where line.code.value.hasPrefix("301") || line.code.value.hasPrefix("303") {
            warning("economic.personnel-under-public", "经济科目 \(line.code.value) 属于人员经费（工资福利或对个人和家庭的补助），却写在公用经费下", at: line.code.location)
        }
        for line in input.basicEconomic.personnel where line.code.value.hasPrefix("302") {
            warning("economic.public-under-personnel", "经济科目 \(line.code.value) 属于商品和服务支出（公用经费），却写在人员经费下", at: line.code.location)
        }

        let economic = Dictionary(budget.basicEconomic.map { ($0.code, $0.personnel + $0.publicUse) }, uniquingKeysWith: +)
        var functionalBasic: [String: Money] = [:]
        for leaf in leaves where leaf.source.group == .general { functionalBasic[leaf.code, default: .zero] += leaf.columns.basic }
        let economicLocations = Dictionary((input.basicEconomic.personnel + input.basicEconomic.publicUse).map { ($0.code.value, $0.code.location) },
                                           uniquingKeysWith: { first, _ in first })
        for pair in CorrespondingSubjects.pairs {
            let economicAmount = economic[pair.economic] ?? .zero
            let functionalAmount = pair.functional.map { functionalBasic[$0] ?? .zero }.sum()
            guard economicAmount != functionalAmount else { continue }
            let place = economicLocations[pair.economic] ?? location
            error("economic.functional-match",
                  "经济科目 \(pair.economic) \(pair.economicName) \(show(economicAmount)) 应等于功能科目 \(pair.functional.joined(separator: "+")) \(pair.functionalName)的基本支出 \(show(functionalAmount))",
                  at: place)
        }
    }

    /// “三公”经费 公务用车运行维护费 is the 30231 of 一般公共预算 spending (basic and projects).
    mutating func threePublic(_ input: BudgetInput, budget: Budget) {
        guard input.basicEconomic.location != nil || !input.projects.isEmpty else { return }
        let stated = input.threePublic[.vehicleOperation]
        let economic = budget.generalEconomic.first { $0.code == "30231" }?.total ?? .zero
        let typed = stated?.value ?? .zero
        if typed != economic {
            error("three-public.vehicle-operation",
                  "“三公”经费中公务用车运行维护费 \(show(typed)) 不等于经济科目 30231 公务用车运行维护费 \(show(economic))",
                  at: stated?.location ?? input.threePublicLocation ?? input.basicEconomic.location)
        }
        let purchase = input.threePublic[.vehiclePurchase]?.value ?? .zero
        let purchaseEconomic = budget.generalEconomic.first { $0.code == "31013" }?.total ?? .zero
        if !purchaseEconomic.isZero && purchase != purchaseEconomic {
            error("three-public.vehicle-purchase",
                  "“三公”经费中公务用车购置费 \(show(purchase)) 不等于经济科目 31013 公务用车购置 \(show(purchaseEconomic))",
                  at: input.threePublic[.vehiclePurchase]?.location ?? input.threePublicLocation)
        }
    }

    /// 核对数: totals copied from the budget system are checked, never trusted.
    mutating func statedFigures(_ input: BudgetInput, budget: Budget) {
        let stated = input.stated
        func compare(_ value: Located<Money>?, _ derived: Money, _ label: String) {
            guard let value, value.value != derived else { return }
            error("stated.mismatch", "核对数“\(label)”写为 \(show(value.value))，由明细算得 \(show(derived))", at: value.location)
        }
        compare(stated.total, budget.total, "合计")
        compare(stated.basic, budget.totals.basic, "基本支出")
        compare(stated.personnel, budget.totals.personnel, "人员经费")
        compare(stated.publicUse, budget.totals.publicUse, "公用经费")
        compare(stated.project, budget.totals.project, "项目支出")
        compare(stated.officeOperation, budget.officeOperation, "机关运行经费")
        compare(stated.procurement, budget.procurement?.total ?? .zero, "政府采购")
        for (source, value) in stated.income {
            compare(value, budget.income.bySource[source.rawValue] ?? .zero, "收入·\(source.rawValue)")
        }
        let functional = Dictionary(budget.functional.map { ($0.code, $0.columns.total) }, uniquingKeysWith: +)
        for (code, value) in stated.functional { compare(value, functional[code] ?? .zero, "科目 \(code)") }
        let economic = Dictionary(budget.basicEconomic.map { ($0.code, $0.personnel + $0.publicUse) }, uniquingKeysWith: +)
        for (code, value) in stated.economic { compare(value, economic[code] ?? .zero, "经济科目 \(code)") }
        let government = Dictionary(budget.governmentEconomic.map { ($0.code, $0.total) }, uniquingKeysWith: +)
        for (code, value) in stated.governmentEconomic { compare(value, government[code] ?? .zero, "政府经济科目 \(code)") }
        compare(stated.threePublicTotal, budget.threePublic.subtotal, "三公经费")
    }

    /// Each project's spending plan adds up to its amount; a project says what it will achieve.
    mutating func projects(_ input: BudgetInput, budget: Budget) {
        for (project, derived) in zip(input.projects, budget.projects) {
            let hasAmount = project.amount != nil || !project.economic.isEmpty
            if hasAmount, let plan = derived.cumulativePlan, let planned = plan.last, planned != derived.amount {
                error("project.plan-total",
                      "项目“\(project.name.value)”资金支出计划累计 \(show(planned))，不等于项目金额 \(show(derived.amount))",
                      at: project.planLocation ?? project.location)
            }
            if project.goals.isEmpty && project.overallGoal.isEmpty {
                warning("project.no-goal", "项目“\(project.name.value)”没有绩效目标", at: project.location)
            }
            if project.indicators.isEmpty {
                warning("project.no-indicators", "项目“\(project.name.value)”没有绩效指标", at: project.location)
            }
        }
    }

    mutating func procurement(_ input: BudgetInput, budget: Budget) {
        guard let procurement = input.procurement, let summary = budget.procurement else { return }
        if summary.smallBusinessReserve > summary.total {
            error("procurement.reserve", "面向中小企业预留 \(show(summary.smallBusinessReserve)) 超过政府采购预算 \(show(summary.total))",
                  at: procurement.smallBusinessReserve?.location ?? procurement.location)
        }
        if summary.microBusinessReserve > summary.smallBusinessReserve {
            error("procurement.micro-reserve", "小微企业预留 \(show(summary.microBusinessReserve)) 超过中小企业预留 \(show(summary.smallBusinessReserve))",
                  at: procurement.microBusinessReserve?.location ?? procurement.location)
        }
        for (kind, typed) in [("货物", procurement.goods), ("工程", procurement.works), ("服务", procurement.services)] {
            let items = procurement.items.filter { $0.kind.value == kind }
            guard let typed, !items.isEmpty else { continue }
            let sum = items.map(\.amount.value).sum()
            if sum != typed.value {
                error("procurement.items", "政府采购\(kind) \(show(typed.value)) 不等于明细合计 \(show(sum))", at: typed.location)
            }
        }
    }

    mutating func assets(_ input: BudgetInput, budget: Budget) {
        guard let assets = input.assets, let summary = budget.assets, let stated = assets.statedTotal else { return }
        if let value = stated.value, value.value != summary.totalValue {
            error("assets.total", "资产总额 \(show(value.value)) 不等于各项资产价值之和 \(show(summary.totalValue))", at: value.location)
        }
        if let count = stated.count, count.value != summary.totalCount {
            error("assets.count", "资产总数 \(count.value) 不等于各项资产数量之和 \(summary.totalCount)", at: count.location)
        }
    }
}

/// Economic 款 that pay exactly what a functional 项 records (基本支出, 一般公共预算).
enum CorrespondingSubjects {
    struct Pair { let economic: String; let economicName: String; let functional: [String]; let functionalName: String }

    static let pairs: [Pair] = [
        Pair(economic: "30108", economicName: "机关事业单位基本养老保险缴费", functional: ["2080505"], functionalName: "机关事业单位基本养老保险缴费支出"),
        Pair(economic: "30109", economicName: "职业年金缴费", functional: ["2080506"], functionalName: "机关事业单位职业年金缴费支出"),
        Pair(economic: "30110", economicName: "职工基本医疗保险缴费", functional: ["2101101", "2101102"], functionalName: "行政单位医疗、事业单位医疗"),
        Pair(economic: "30111", economicName: "公务员医疗补助缴费", functional: ["2101103"], functionalName: "公务员医疗补助"),
        Pair(economic: "30113", economicName: "住房公积金", functional: ["2210201"], functionalName: "住房公积金"),
    ]
}

import BudgetCore
import BudgetInput

/// Checks that the tables of one budget agree with each other, as published documents often don't.
enum CrossChecks {
    static func run(input: BudgetInput, budget: Budget, generalBasic: ExpenditureColumns,
                    localOnly: Bool = false) -> [Diagnostic] {
        var checks = Checker(unit: input.unit)
        checks.rows(input, reportingEmptyRows: !localOnly)
        checks.projects(input, budget: budget)
        if localOnly { return checks.diagnostics }
        checks.basicEconomic(input, budget: budget, generalBasic: generalBasic)
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
    /// 人员经费 and 公用经费 of rows typed as 基本支出 alone come from the economic table's split; when
    /// that table disagrees with the rows, they mean nothing and are not compared again.
    var splitUnknown = false

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
                diagnostics.append(Diagnostic.error("row.basic-split", "科目 \(row.subject.value) 基本支出 \(show(basic.value)) 不等于人员经费与公用经费之和 \(show(split))",
                                                    at: basic.location).withDifference(basic.value - split))
            }
            let amounts = [row.personnel, row.publicUse, row.basic, row.project, row.operating, row.remittedUpward, row.subsidiesToAffiliates]
            if reportingEmptyRows && amounts.allSatisfy({ $0 == nil }) && !input.projects.contains(where: { $0.subject.value == row.subject.value }) {
                warning("row.empty", "科目 \(row.subject.value) 没有任何金额", at: row.location)
            }
        }
    }

    /// 一般公共预算基本支出: the economic table agrees with the functional rows, line by line where
    /// the two classifications name the same payment (30108 ↔ 2080505 …).
    mutating func basicEconomic(_ input: BudgetInput, budget: Budget, generalBasic: ExpenditureColumns) {
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
            splitUnknown = !generalBasic.unsplitBasic.isZero
            diagnostics.append(Diagnostic.error("economic.basic-total",
                  "基本支出经济分类合计 \(show(economicPersonnel + economicPublic))（人员经费 \(show(economicPersonnel))、公用经费 \(show(economicPublic))）不等于支出中一般公共预算基本支出 \(show(generalBasic.basic))",
                  at: location).withDifference(economicPersonnel + economicPublic - generalBasic.basic))
        } else if generalBasic.unsplitBasic.isZero {
            if economicPersonnel != generalBasic.personnel {
                diagnostics.append(Diagnostic.error("economic.personnel", "经济分类人员经费 \(show(economicPersonnel)) 不等于支出中一般公共预算人员经费 \(show(generalBasic.personnel))",
                                                    at: location).withDifference(economicPersonnel - generalBasic.personnel))
            }
        }
        for line in input.basicEconomic.publicUse where line.code.value.hasPrefix("301") || line.code.value.hasPrefix("303") {
            diagnostics.append(Diagnostic.warning("economic.personnel-under-public", "经济科目 \(line.code.value) 属于人员经费（工资福利或对个人和家庭的补助），却写在公用经费下",
                                                  at: line.code.location).withDifference(line.amount.value))
        }
        for line in input.basicEconomic.personnel where line.code.value.hasPrefix("302") {
            diagnostics.append(Diagnostic.warning("economic.public-under-personnel", "经济科目 \(line.code.value) 属于商品和服务支出（公用经费），却写在人员经费下",
                                                  at: line.code.location).withDifference(line.amount.value))
        }

        economicPairs(input, budget: budget)
    }

    /// The economic 款 against the functional 项 that pay them (`CrossCheckTable.economicPairs`),
    /// with every typed line on both sides named.
    mutating func economicPairs(_ input: BudgetInput, budget: Budget) {
        let economic = Dictionary(budget.basicEconomic.map { ($0.code, $0.personnel + $0.publicUse) }, uniquingKeysWith: +)
        let economicLines = input.basicEconomic.personnel + input.basicEconomic.publicUse
        let generalRows = input.expenditures.filter { $0.source.value.group == .general }
        for pair in CrossCheckTable.economicPairs {
            let economicAmount = pair.economic.map { economic[$0] ?? .zero }.sum()
            let rows = generalRows.filter { pair.covers(functional: $0.subject.value) }
            let functionalAmount = rows.map(\.basicAmount).sum()
            let holds: Bool
            switch pair.relation {
            case .equal: holds = economicAmount == functionalAmount
            case .functionalAtMost: holds = functionalAmount <= economicAmount
            case .economicAtMost: holds = economicAmount <= functionalAmount
            }
            guard !holds else { continue }
            let lines = economicLines.filter { pair.economic.contains($0.code.value) }
            let economicText = "经济科目 \(pair.economic.joined(separator: "+")) \(pair.economicName) \(show(economicAmount))"
            let functionalCodes = pair.functional.map { $0.count == 5 ? "\($0)xx" : $0 }.joined(separator: "+")
            let functionalText = "功能科目 \(functionalCodes) \(pair.functionalName)的基本支出 \(show(functionalAmount))"
            let message: String
            switch pair.relation {
            case .equal: message = "\(economicText) 应等于\(functionalText)"
            case .functionalAtMost:
                message = "\(functionalText) 超过了\(economicText)：这些科目的基本支出只能列在经济科目 \(pair.economic.joined(separator: "、"))"
            case .economicAtMost: message = "\(economicText) 超过了\(functionalText)：\(pair.economicName)只能由这些功能科目支出"
            }
            let place = lines.first?.code.location ?? rows.first?.basicLocation ?? input.basicEconomic.location
            var diagnostic = Diagnostic.error(pair.rule, message, at: place)
            for line in lines.dropFirst() {
                diagnostic = diagnostic.noting("经济科目 \(line.code.value) 写为 \(show(line.amount.value))", at: line.code.location)
            }
            for row in rows {
                diagnostic = diagnostic.noting("功能科目 \(row.subject.value) 的基本支出 \(show(row.basicAmount))", at: row.basicLocation)
            }
            if rows.isEmpty { diagnostic = diagnostic.noting("支出中没有功能科目 \(functionalCodes) 的一般公共预算基本支出", at: input.expenditures.first?.location) }
            diagnostics.append(diagnostic.withDifference(economicAmount - functionalAmount))
        }
    }

    /// A “三公”经费 item is the 一般公共预算 economic 款 it names (`CrossCheckTable.threePublicPairs`),
    /// basic and project spending together. A project that gives no 经济分类 shows none, so an item
    /// paid from one needs that project's 经济分类 written.
    mutating func threePublic(_ input: BudgetInput, budget: Budget) {
        guard input.basicEconomic.location != nil || !input.projects.isEmpty else { return }
        let undetailed = input.projects.filter { $0.source.value.group == .general && $0.economic.isEmpty }
        for pair in CrossCheckTable.threePublicPairs {
            let stated = input.threePublic[pair.item]
            let economic = budget.generalEconomic.first { $0.code == pair.economic }?.total ?? .zero
            // 会议费 and 培训费 are compared only where the data lists them.
            if stated == nil && !pair.item.isThreePublic { continue }
            let typed = stated?.value ?? .zero
            guard typed != economic else { continue }
            let generalProjects = input.projects.filter { $0.source.value.group == .general }
            let economicLines = (input.basicEconomic.personnel + input.basicEconomic.publicUse + generalProjects.flatMap(\.economic))
                .filter { $0.code.value == pair.economic }
            // Where the item is typed; without a “三公经费”, where the economic 款 is.
            let place = stated?.location ?? input.threePublicLocation ?? economicLines.first?.code.location ?? input.basicEconomic.location ?? input.name.location
            var diagnostic = Diagnostic.error(pair.rule,
                "“三公”经费中\(pair.item.doc) \(show(typed)) 不等于经济科目 \(pair.economic) \(pair.economicName) \(show(economic))",
                at: place)
            for line in input.basicEconomic.personnel + input.basicEconomic.publicUse where line.code.value == pair.economic {
                diagnostic = diagnostic.noting("基本支出经济分类 \(pair.economic) 写为 \(show(line.amount.value))", at: line.code.location)
            }
            for project in input.projects where project.source.value.group == .general {
                for line in project.economic where line.code.value == pair.economic {
                    diagnostic = diagnostic.noting("项目“\(project.name.value)”的经济分类 \(pair.economic) 写为 \(show(line.amount.value))", at: line.code.location)
                }
            }
            if typed > economic && !undetailed.isEmpty {
                for project in undetailed.prefix(5) {
                    diagnostic = diagnostic.noting("项目“\(project.name.value)”没有写经济分类", at: project.location)
                }
                let listed = undetailed.count > 5 ? "共 \(undetailed.count) 个项目没有写经济分类，注中列出前 5 个" : "注中是没有写经济分类的项目"
                diagnostic = diagnostic.hinting("若这笔钱由项目支出，在该项目的“经济分类”中写出 \(pair.economic)（\(listed)）")
            } else if economic.isZero {
                diagnostic = diagnostic.hinting("在基本支出经济分类或项目的经济分类中写出 \(pair.economic)，或改正“三公经费.\(pair.item.rawValue)”")
            }
            diagnostics.append(diagnostic.withDifference(typed - economic))
        }
    }

    /// 核对数: totals copied from the budget system are checked, never trusted.
    mutating func statedFigures(_ input: BudgetInput, budget: Budget) {
        let stated = input.stated
        // A 核对数 is compared at the precision it was typed: 221.04 copied from a system that
        // prints 0.01 万元 agrees with detail of 221.035.
        func compare(_ value: Located<Money>?, _ derived: Money, _ label: String) {
            guard let value else { return }
            let decimals = input.typedDecimals[value.location]
            let comparable = decimals.map { derived.rounded(to: unit, decimals: $0) } ?? derived
            guard value.value != comparable else { return }
            var diagnostic = Diagnostic.error("stated.mismatch", "核对数“\(label)”写为 \(show(value.value))，由明细算得 \(show(derived))", at: value.location)
            if let decimals, comparable != derived {
                let precision = decimals == 0 ? "写到整\(unit.rawValue)" : "写到 \(decimals) 位小数"
                diagnostic = diagnostic.noting("核对数\(precision)，按此精度比较：明细算得的数舍入后为 \(comparable.formatted(in: unit, decimals: decimals))\(unit.rawValue)", at: nil)
            }
            diagnostics.append(diagnostic.withDifference(value.value - derived))
        }
        compare(stated.total, budget.total, "合计")
        compare(stated.basic, budget.totals.basic, "基本支出")
        if !splitUnknown {
            compare(stated.personnel, budget.totals.personnel, "人员经费")
            compare(stated.publicUse, budget.totals.publicUse, "公用经费")
        }
        compare(stated.project, budget.totals.project, "项目支出")
        compare(stated.officeOperation, budget.officeOperation, "机关运行经费")
        compare(stated.procurement, budget.procurement?.total ?? .zero, "政府采购")
        for (source, value) in stated.income {
            compare(value, budget.income.bySource[source.rawValue] ?? .zero, "收入·\(source.rawValue)")
        }
        let functional = Dictionary(budget.functional.map { ($0.code, $0.columns.total) }, uniquingKeysWith: +)
        for (code, value) in stated.functional.sorted(by: { $0.key < $1.key }) {
            let count = diagnostics.count
            compare(value, functional[code] ?? .zero, "科目 \(code)")
            guard diagnostics.count > count else { continue }
            // The typed lines the derived figure adds up.
            let rows = input.expenditures.filter { $0.subject.value.hasPrefix(code) }
            var notes = rows.prefix(8).map { Diagnostic.Note("支出中科目 \($0.subject.value)", at: $0.location) }
            notes += input.projects.filter { $0.subject.value.hasPrefix(code) }.prefix(8).map {
                Diagnostic.Note("项目“\($0.name.value)” \(show(LeafAssembly.amount(of: $0)))", at: $0.location)
            }
            diagnostics[count] = diagnostics[count].noting(notes)
        }
        let economic = Dictionary(budget.basicEconomic.map { ($0.code, $0.personnel + $0.publicUse) }, uniquingKeysWith: +)
        for (code, value) in stated.economic.sorted(by: { $0.key < $1.key }) {
            let count = diagnostics.count
            compare(value, economic[code] ?? .zero, "经济科目 \(code)")
            guard diagnostics.count > count else { continue }
            let lines = (input.basicEconomic.personnel + input.basicEconomic.publicUse).filter { $0.code.value.hasPrefix(code) }
            diagnostics[count] = diagnostics[count].noting(lines.prefix(8).map {
                Diagnostic.Note("基本支出经济分类 \($0.code.value) 写为 \(show($0.amount.value))", at: $0.code.location)
            })
        }
        let government = Dictionary(budget.governmentEconomic.map { ($0.code, $0.total) }, uniquingKeysWith: +)
        for (code, value) in stated.governmentEconomic { compare(value, government[code] ?? .zero, "政府经济科目 \(code)") }
        compare(stated.threePublicTotal, budget.threePublic.subtotal, "三公经费")
        for item in ThreePublicItem.allCases {
            let count = diagnostics.count
            compare(stated.threePublic[item], budget.threePublic.items[item.rawValue] ?? .zero, "三公经费·\(item.rawValue)")
            if diagnostics.count > count, let typed = input.threePublic[item] {
                diagnostics[count] = diagnostics[count].noting("“三公经费”中\(item.rawValue)写为 \(show(typed.value))", at: typed.location)
            }
        }
    }

    /// Each project's spending plan adds up to its amount; a project says what it will achieve.
    mutating func projects(_ input: BudgetInput, budget: Budget) {
        for (project, derived) in zip(input.projects, budget.projects) {
            let hasAmount = project.amount != nil || !project.economic.isEmpty
            if hasAmount, let plan = derived.cumulativePlan, let planned = plan.last, planned != derived.amount {
                diagnostics.append(Diagnostic.error("project.plan-total",
                                                    "项目“\(project.name.value)”资金支出计划累计 \(show(planned))，不等于项目金额 \(show(derived.amount))",
                                                    at: project.planLocation ?? project.location)
                    .noting("项目金额", at: project.amount?.location ?? project.location))
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

private extension ExpenditureRow {
    /// The row's 基本支出, typed or as 人员经费 + 公用经费.
    var basicAmount: Money { basic?.value ?? ((personnel?.value ?? .zero) + (publicUse?.value ?? .zero)) }

    var basicLocation: SourceLocation { basic?.location ?? personnel?.location ?? publicUse?.location ?? location }
}

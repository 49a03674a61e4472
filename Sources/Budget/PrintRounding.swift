import BudgetCore
import BudgetInput

/// 受控舍入: the typed amounts rounded to the printed precision so that every table foots.
///
/// Deriving the printed Budget from rounded leaves (instead of rounding each derived figure on its
/// own) makes every printed total the exact sum of its printed parts, and every figure print one
/// way in all tables. Which leaves round up is chosen top-down, by largest remainder: the grand
/// total first, then each 类, 款 and 项 of the functional tree, then the amounts of one 项 (its
/// columns, fund sources and projects); a project's economic lines share the project's rounded
/// amount, the basic economic lines share the rounded 一般公共预算 人员经费/公用经费. So the
/// functional rows print their own rounding; the figures that do not are listed by `check`.
public struct PrintRounding: Sendable {
    /// The printed precision in 分 (100 元 for 万元 with two decimals; 1 分 for 元: nothing to do).
    public let step: Int64

    public init(unit: AmountUnit, decimals: Int = 2) {
        var step = unit.fenPerUnit
        for _ in 0..<decimals { step /= 10 }
        self.step = max(1, step)
    }

    public var isIdentity: Bool { step <= 1 }

    /// `input` with every amount rounded; nil-ness and positions kept.
    public func rounded(_ input: BudgetInput) -> BudgetInput {
        guard !isIdentity else { return input }
        var result = input
        roundFunctional(&result)
        roundBasicEconomic(&result, original: input)
        roundIndependent(&result)
        if let prior = input.prior?.input {
            result.prior?.input = BudgetInputBox(rounded(prior.value))
        }
        return result
    }

    // MARK: Functional leaves and projects

    /// Where an amount of the functional tree lives in the input.
    private enum Slot {
        case row(Int, WritableKeyPath<ExpenditureRow, Located<Money>?>)
        case project(Int)
    }

    private func roundFunctional(_ input: inout BudgetInput) {
        let keysWithProjects = Set(input.projects.map { "\($0.subject.value)|\($0.source.value.rawValue)" })
        var slots: [Slot] = []
        var leaves: [ApportionmentTree.Leaf] = []
        func add(_ slot: Slot, subject: String, _ amount: Money) {
            slots.append(slot)
            leaves.append(.init(path: [String(subject.prefix(3)), String(subject.prefix(5)), subject], amount: amount))
        }
        for (index, row) in input.expenditures.enumerated() {
            let subject = row.subject.value
            for column in Self.rowColumns(row) {
                if column == \ExpenditureRow.project && keysWithProjects.contains("\(subject)|\(row.source.value.rawValue)") { continue }
                if let amount = row[keyPath: column]?.value { add(.row(index, column), subject: subject, amount) }
            }
        }
        for (index, project) in input.projects.enumerated() {
            add(.project(index), subject: project.subject.value, LeafAssembly.amount(of: project))
        }
        let rounded = ApportionmentTree(step: step).round(leaves)
        for (slot, amount) in zip(slots, rounded) {
            switch slot {
            case let .row(index, column):
                input.expenditures[index][keyPath: column] = input.expenditures[index][keyPath: column].map { Located(amount, at: $0.location) }
            case .project(let index):
                roundProject(&input.projects[index], to: amount)
            }
        }
        for index in input.expenditures.indices { keepRowConsistent(&input.expenditures[index], projects: input.projects) }
    }

    /// The typed columns of a row that hold their own amount: 基本支出 only when typed without its split.
    private static func rowColumns(_ row: ExpenditureRow) -> [WritableKeyPath<ExpenditureRow, Located<Money>?>] {
        var columns: [WritableKeyPath<ExpenditureRow, Located<Money>?>] = [\.personnel, \.publicUse]
        if row.personnel == nil && row.publicUse == nil { columns.append(\.basic) }
        return columns + [\.project, \.operating, \.remittedUpward, \.subsidiesToAffiliates]
    }

    /// A typed 基本支出 beside its split is their sum; a typed 项目支出 the sum of its projects.
    private func keepRowConsistent(_ row: inout ExpenditureRow, projects: [Project]) {
        if let basic = row.basic, row.personnel != nil || row.publicUse != nil {
            row.basic = Located((row.personnel?.value ?? .zero) + (row.publicUse?.value ?? .zero), at: basic.location)
        }
        let own = projects.filter { $0.subject.value == row.subject.value && $0.source.value == row.source.value }
        if let project = row.project, !own.isEmpty {
            row.project = Located(own.map(LeafAssembly.amount(of:)).sum(), at: project.location)
        }
    }

    /// A project's amount and its economic lines, which share it.
    private func roundProject(_ project: inout Project, to amount: Money) {
        let exact = LeafAssembly.amount(of: project)
        if let typed = project.amount { project.amount = Located(amount, at: typed.location) }
        project.economic = roundLines(project.economic, whole: amount, exactWhole: exact)
        if let plan = project.quarterlyPlan {
            let planned = plan.map { $0?.value ?? .zero }
            // A plan that does not add up is refused by the checks; only a consistent one is shared out.
            let whole = planned.sum() == exact ? amount : Apportionment.nearest(planned.sum(), step: step)
            let rounded = Apportionment.split(whole, among: planned, step: step)
            project.quarterlyPlan = zip(plan, rounded).map { quarter, amount in quarter.map { Located(amount, at: $0.location) } }
        }
    }

    /// Economic lines sharing a rounded whole (when they add up to its exact value): by 类 first, then by line.
    private func roundLines(_ lines: [EconomicLine], whole: Money, exactWhole: Money, pinned: [Int: Money] = [:]) -> [EconomicLine] {
        guard !lines.isEmpty else { return lines }
        let free = lines.indices.filter { pinned[$0] == nil }
        let leaves = free.map { ApportionmentTree.Leaf(path: [String(lines[$0].code.value.prefix(3))], amount: lines[$0].amount.value) }
        // Lines that do not add up to the whole are an error elsewhere; they round on their own then.
        let consistent = lines.map(\.amount.value).sum() == exactWhole
        let rest = ApportionmentTree(step: step).round(leaves, whole: consistent ? whole - pinned.values.sum() : nil)
        var amounts = pinned
        for (index, amount) in zip(free, rest) { amounts[index] = amount }
        return lines.indices.map { index in
            var line = lines[index]
            line.amount = Located(amounts[index]!, at: line.amount.location)
            return line
        }
    }

    // MARK: Basic spending by economic subject

    /// The 基本支出经济分类 lines share the printed 一般公共预算 人员经费 and 公用经费, so the
    /// economic table's 合计 prints what the functional tables print.
    private func roundBasicEconomic(_ input: inout BudgetInput, original: BudgetInput) {
        let printed = BasicSplit(input.expenditures), exact = BasicSplit(original.expenditures)
        let economic = original.basicEconomic
        let economicPersonnel = economic.personnel.map(\.amount.value).sum()
        let economicPublic = economic.publicUse.map(\.amount.value).sum()
        var wholes = [printed.personnel, printed.publicUse], exactWholes = [exact.personnel, exact.publicUse]
        if !exact.unsplit.isZero {
            // Rows typed without the split take it from the economic table: share the rounded basic total.
            wholes = Apportionment.split(printed.total, among: [economicPersonnel, economicPublic], step: step)
            exactWholes = exact.total == economicPersonnel + economicPublic ? [economicPersonnel, economicPublic] : [.zero, .zero]
        }
        input.basicEconomic.personnel = roundLines(economic.personnel, whole: wholes[0], exactWhole: exactWholes[0],
                                                   pinned: pairedLines(economic.personnel, printed: input.expenditures, exact: original.expenditures))
        input.basicEconomic.publicUse = roundLines(economic.publicUse, whole: wholes[1], exactWhole: exactWholes[1],
                                                   pinned: pairedLines(economic.publicUse, printed: input.expenditures, exact: original.expenditures))
        roundUnits(&input, publicUse: wholes[1], exactPublicUse: exactWholes[1])
    }

    /// Economic lines that pay exactly what functional 项 record (30108 ↔ 2080505, `CorrespondingSubjects`)
    /// print what those 项 print, so one payment reads the same in both tables.
    private func pairedLines(_ lines: [EconomicLine], printed: [ExpenditureRow], exact: [ExpenditureRow]) -> [Int: Money] {
        func basic(_ rows: [ExpenditureRow], _ codes: [String]) -> Money {
            rows.filter { $0.source.value.group == .general && codes.contains($0.subject.value) }.map { row in
                row.personnel == nil && row.publicUse == nil ? row.basic?.value ?? .zero
                    : (row.personnel?.value ?? .zero) + (row.publicUse?.value ?? .zero)
            }.sum()
        }
        var pinned: [Int: Money] = [:]
        for pair in CorrespondingSubjects.pairs {
            let matching = lines.indices.filter { lines[$0].code.value == pair.economic }
            guard matching.count == 1, let index = matching.first,
                  lines[index].amount.value == basic(exact, pair.functional) else { continue }
            pinned[index] = basic(printed, pair.functional)
        }
        return pinned
    }

    /// 所属单位 公用经费 share the printed 公用经费 when they add up to it (机关运行经费 is their part).
    private func roundUnits(_ input: inout BudgetInput, publicUse: Money, exactPublicUse: Money) {
        let amounts = input.units.map { $0.publicUse?.value ?? .zero }
        let rounded = amounts.sum() == exactPublicUse
            ? Apportionment.split(publicUse, among: amounts, step: step)
            : amounts.map { Apportionment.nearest($0, step: step) }
        for index in input.units.indices {
            input.units[index].publicUse = input.units[index].publicUse.map { Located(rounded[index], at: $0.location) }
        }
    }

    /// 一般公共预算基本支出 of the rows: 人员经费, 公用经费, and 基本支出 typed without the split.
    private struct BasicSplit {
        let personnel: Money, publicUse: Money, unsplit: Money
        var total: Money { personnel + publicUse + unsplit }

        init(_ rows: [ExpenditureRow]) {
            let general = rows.filter { $0.source.value.group == .general }
            personnel = general.compactMap { $0.personnel?.value }.sum()
            publicUse = general.compactMap { $0.publicUse?.value }.sum()
            unsplit = general.filter { $0.personnel == nil && $0.publicUse == nil }.compactMap { $0.basic?.value }.sum()
        }
    }

    // MARK: Figures outside the trees

    /// “三公”, procurement, assets and performance tasks: each rounded on its own; their totals are
    /// derived from the rounded parts, so they foot too.
    private func roundIndependent(_ input: inout BudgetInput) {
        input.threePublic = input.threePublic.mapValues(nearest)
        if var procurement = input.procurement {
            procurement.items = procurement.items.map { item in
                var item = item
                item.amount = nearest(item.amount)
                item.unitPrice = item.unitPrice.map(nearest)
                item.reservedForSmallBusiness = item.reservedForSmallBusiness.map(nearest)
                return item
            }
            func kindTotal(_ kind: String, _ typed: Located<Money>?) -> Located<Money>? {
                let items = procurement.items.filter { $0.kind.value == kind }
                guard let typed else { return nil }
                return items.isEmpty ? nearest(typed) : Located(items.map(\.amount.value).sum(), at: typed.location)
            }
            procurement.goods = kindTotal("货物", procurement.goods)
            procurement.works = kindTotal("工程", procurement.works)
            procurement.services = kindTotal("服务", procurement.services)
            procurement.smallBusinessReserve = procurement.smallBusinessReserve.map(nearest)
            procurement.microBusinessReserve = procurement.microBusinessReserve.map(nearest)
            input.procurement = procurement
        }
        if var assets = input.assets {
            func holding(_ h: Assets.Holding?) -> Assets.Holding? {
                h.map { var h = $0; h.value = h.value.map(nearest); return h }
            }
            assets.buildings = holding(assets.buildings)
            assets.offices = holding(assets.offices)
            assets.furniture = holding(assets.furniture)
            assets.other = holding(assets.other)
            assets.statedTotal = nil
            assets.vehicles = assets.vehicles.map { var v = $0; v.value = v.value.map(nearest); return v }
            assets.equipment = assets.equipment.map { var e = $0; e.value = e.value.map(nearest); return e }
            assets.plannedPurchase = assets.plannedPurchase.map(nearest)
            input.assets = assets
        }
        if var performance = input.performance {
            performance.tasks = performance.tasks.map { task in
                var task = task
                task.amount = task.amount.map(nearest)
                task.otherFunds = task.otherFunds.map(nearest)
                return task
            }
            input.performance = performance
        }
        if var prior = input.prior {
            prior.stated = prior.stated.mapValues(nearest)
            input.prior = prior
        }
        if var office = input.officeOperation {
            office.stated = office.stated.map(nearest)
            input.officeOperation = office
        }
    }

    private func nearest(_ value: Located<Money>) -> Located<Money> {
        Located(Apportionment.nearest(value.value, step: step), at: value.location)
    }
}

extension FigureSet where Value == Located<Money> {
    /// Every figure of the set transformed, its key kept.
    func mapValues(_ transform: (Located<Money>) -> Located<Money>) -> FigureSet<Located<Money>> {
        var set = FigureSet<Located<Money>>()
        set.total = total.map(transform)
        set.basic = basic.map(transform)
        set.personnel = personnel.map(transform)
        set.publicUse = publicUse.map(transform)
        set.project = project.map(transform)
        set.income = income.mapValues(transform)
        set.functional = functional.mapValues(transform)
        set.economic = economic.mapValues(transform)
        set.governmentEconomic = governmentEconomic.mapValues(transform)
        set.threePublicTotal = threePublicTotal.map(transform)
        set.threePublic = threePublic.mapValues(transform)
        set.officeOperation = officeOperation.map(transform)
        set.procurement = procurement.map(transform)
        return set
    }
}

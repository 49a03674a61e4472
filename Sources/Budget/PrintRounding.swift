import BudgetCore
import BudgetInput

/// 受控舍入: the typed amounts rounded to the printed precision so that every table foots.
///
/// Deriving the printed Budget from rounded leaves (instead of rounding each derived figure on its
/// own) makes every printed total the exact sum of its printed parts, and every figure print one
/// way in all tables. Which leaves round up is chosen top-down (`ControlledRounding`): the grand
/// total, its columns and fund sources first, then each 类, 款 and 项 of the functional tree with
/// its columns and sources, then the amounts of one 项 (rows and projects); a project's economic lines share the project's rounded
/// amount, the basic economic lines share the rounded 一般公共预算 人员经费/公用经费. The grand
/// total prints its own rounding; a part may print one unit off its own (largest remainder gives
/// the units the total needs to the parts closest to rounding up), and `check` lists those.
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
        roundOutsideTheTrees(&result, original: input)
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
        var atoms: [ControlledRounding.Atom] = []
        func add(_ slot: Slot, subject: String, column: Int, source: FundSource, _ amount: Money) {
            slots.append(slot)
            atoms.append(.init(path: [String(subject.prefix(3)), String(subject.prefix(5)), subject], column: column,
                               source: FundSource.allCases.firstIndex(of: source)!, amount: amount))
        }
        for (index, row) in input.expenditures.enumerated() {
            let subject = row.subject.value
            for (column, keyPath) in Self.rowColumns(row) {
                if keyPath == \ExpenditureRow.project && keysWithProjects.contains("\(subject)|\(row.source.value.rawValue)") { continue }
                if let amount = row[keyPath: keyPath]?.value { add(.row(index, keyPath), subject: subject, column: column, source: row.source.value, amount) }
            }
        }
        for (index, project) in input.projects.enumerated() {
            add(.project(index), subject: project.subject.value, column: Self.projectColumn, source: project.source.value, LeafAssembly.amount(of: project))
        }
        let rounded = ControlledRounding(step: step, columnGroups: Self.columnGroups).round(atoms)
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

    /// The columns of the functional tables, numbered: 人员经费, 公用经费, 基本支出 typed without its
    /// split, 项目支出, 经营支出, 上缴上级支出, 对附属单位补助支出; grouped as 合计 adds them up.
    static let columnGroups = [[0, 1, 2], [3], [4], [5], [6]]
    static let projectColumn = 3

    /// The typed columns of a row that hold their own amount: 基本支出 only when typed without its split.
    private static func rowColumns(_ row: ExpenditureRow) -> [(Int, WritableKeyPath<ExpenditureRow, Located<Money>?>)] {
        var columns: [(Int, WritableKeyPath<ExpenditureRow, Located<Money>?>)] = [(0, \.personnel), (1, \.publicUse)]
        if row.personnel == nil && row.publicUse == nil { columns.append((2, \.basic)) }
        return columns + [(3, \.project), (4, \.operating), (5, \.remittedUpward), (6, \.subsidiesToAffiliates)]
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
    /// `exactWhole` nil: the lines have no whole to share and round on their own.
    private func roundLines(_ lines: [EconomicLine], whole: Money, exactWhole: Money?, pinned: [Int: Money] = [:]) -> [EconomicLine] {
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
        var wholes = [printed.personnel, printed.publicUse], exactWholes: [Money?] = [exact.personnel, exact.publicUse]
        if !exact.unsplit.isZero {
            // Rows typed without the split take it from the economic table: share the rounded basic total
            // (a table that does not cover it is an error of the data; its lines then round on their own).
            let covers = exact.total == economicPersonnel + economicPublic
            wholes = covers ? Apportionment.split(printed.total, among: [economicPersonnel, economicPublic], step: step) : [.zero, .zero]
            exactWholes = covers ? [economicPersonnel, economicPublic] : [nil, nil]
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
    private func roundUnits(_ input: inout BudgetInput, publicUse: Money, exactPublicUse: Money?) {
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

    /// “三公”, procurement, assets, performance tasks, 机关运行经费 and the prior year. A figure that
    /// is an economic line's (公务用车运行维护 is 30231) prints as that line prints; parts of one
    /// total share its rounding, so the totals derived from them foot and keep their own rounding.
    private func roundOutsideTheTrees(_ input: inout BudgetInput, original: BudgetInput) {
        roundThreePublic(&input, original: original)
        if let procurement = input.procurement { input.procurement = rounded(procurement) }
        if let assets = input.assets { input.assets = rounded(assets) }
        if var performance = input.performance {
            let amounts = shared(performance.tasks.map { $0.amount })
            let others = shared(performance.tasks.map { $0.otherFunds })
            for index in performance.tasks.indices {
                performance.tasks[index].amount = amounts[index]
                performance.tasks[index].otherFunds = others[index]
            }
            input.performance = performance
        }
        if var prior = input.prior {
            prior.stated = prior.stated.mapValues(nearest)
            input.prior = prior
        }
        roundOfficeOperation(&input, original: original)
    }

    /// 公务用车运行维护 and 公务用车购置 print as the economic lines 30231 and 31013 they equal.
    private func roundThreePublic(_ input: inout BudgetInput, original: BudgetInput) {
        input.threePublic = input.threePublic.mapValues(nearest)
        for (item, code) in [(ThreePublicItem.vehicleOperation, "30231"), (.vehiclePurchase, "31013")] {
            guard let typed = original.threePublic[item],
                  typed.value == Self.generalEconomic(code, in: original), !typed.value.isZero else { continue }
            input.threePublic[item] = Located(Self.generalEconomic(code, in: input), at: typed.location)
        }
    }

    /// The 一般公共预算 amount of an economic 款: basic lines and projects' lines.
    static func generalEconomic(_ code: String, in input: BudgetInput) -> Money {
        let basic = (input.basicEconomic.personnel + input.basicEconomic.publicUse).filter { $0.code.value == code }
        let projects = input.projects.filter { $0.source.value.group == .general }.flatMap(\.economic).filter { $0.code.value == code }
        return (basic + projects).map(\.amount.value).sum()
    }

    /// 明细 share the rounded sum of their amounts (and of their reserves); a typed kind total or
    /// reserve that equals its 明细 prints as their sum.
    private func rounded(_ procurement: Procurement) -> Procurement {
        var result = procurement
        let amounts = shared(procurement.items.map { $0.amount })
        let reserves = shared(procurement.items.map { $0.reservedForSmallBusiness })
        for index in result.items.indices {
            result.items[index].amount = amounts[index]!
            result.items[index].reservedForSmallBusiness = reserves[index]
            result.items[index].unitPrice = result.items[index].unitPrice.map(nearest)
        }
        func total(_ typed: Located<Money>?, exact: [Money], printed: [Money]) -> Located<Money>? {
            guard let typed else { return nil }
            return !exact.isEmpty && typed.value == exact.sum() ? Located(printed.sum(), at: typed.location) : nearest(typed)
        }
        for (kind, path) in [("货物", \Procurement.goods), ("工程", \Procurement.works), ("服务", \Procurement.services)] {
            let indices = procurement.items.indices.filter { procurement.items[$0].kind.value == kind }
            result[keyPath: path] = total(procurement[keyPath: path], exact: indices.map { procurement.items[$0].amount.value },
                                          printed: indices.map { result.items[$0].amount.value })
        }
        let reserved = procurement.items.indices.filter { procurement.items[$0].reservedForSmallBusiness != nil }
        result.smallBusinessReserve = total(procurement.smallBusinessReserve,
                                            exact: reserved.compactMap { procurement.items[$0].reservedForSmallBusiness?.value },
                                            printed: reserved.compactMap { result.items[$0].reservedForSmallBusiness?.value })
        if let micro = procurement.microBusinessReserve, let small = procurement.smallBusinessReserve, micro.value == small.value {
            result.microBusinessReserve = result.smallBusinessReserve.map { Located($0.value, at: micro.location) }
        } else {
            result.microBusinessReserve = procurement.microBusinessReserve.map(nearest)
        }
        return result
    }

    /// The parts of the asset total share its rounding; 办公用房 (part of 房屋) never prints above it.
    private func rounded(_ assets: Assets) -> Assets {
        var result = assets
        let parts: [Located<Money>?] = [assets.buildings?.value, assets.furniture?.value, assets.other?.value]
            + assets.vehicles.map(\.value) + assets.equipment.map(\.value)
        let values = shared(parts)
        result.buildings?.value = values[0]
        result.furniture?.value = values[1]
        result.other?.value = values[2]
        for index in assets.vehicles.indices { result.vehicles[index].value = values[3 + index] }
        for index in assets.equipment.indices { result.equipment[index].value = values[3 + assets.vehicles.count + index] }
        if let offices = assets.offices?.value {
            let own = nearest(offices)
            let cap = result.buildings?.value?.value ?? own.value
            result.offices?.value = cap < own.value ? Located(cap, at: own.location) : own
        }
        result.statedTotal = nil
        result.plannedPurchase = assets.plannedPurchase.map(nearest)
        return result
    }

    /// A typed 机关运行经费 equal to the 公用经费 prints as the 公用经费; another never prints above it.
    private func roundOfficeOperation(_ input: inout BudgetInput, original: BudgetInput) {
        guard var office = input.officeOperation, let stated = office.stated else { return }
        let exactPublicUse = Self.generalPublicUse(original), printedPublicUse = Self.generalPublicUse(input)
        let own = nearest(stated)
        if stated.value == exactPublicUse || own.value > printedPublicUse && !(exactPublicUse < stated.value) {
            office.stated = Located(printedPublicUse, at: stated.location)
        } else {
            office.stated = own
        }
        input.officeOperation = office
    }

    /// 一般公共预算 公用经费 as 机关运行经费 is derived from: the economic table's, else the rows'.
    static func generalPublicUse(_ input: BudgetInput) -> Money {
        input.basicEconomic.location == nil ? BasicSplit(input.expenditures).publicUse : input.basicEconomic.publicUse.map(\.amount.value).sum()
    }

    /// Amounts that are parts of one total: the present ones share the total's own rounding.
    private func shared(_ amounts: [Located<Money>?]) -> [Located<Money>?] {
        let present = amounts.compactMap { $0 }
        let rounded = Apportionment.split(Apportionment.nearest(present.map(\.value).sum(), step: step), among: present.map(\.value), step: step)
        var next = rounded.makeIterator()
        return amounts.map { amount in amount.map { Located(next.next()!, at: $0.location) } }
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

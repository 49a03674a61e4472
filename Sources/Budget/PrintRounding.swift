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

    /// Economic lines that pay exactly what functional 项 record (30108 ↔ 2080505, `CrossCheckTable`)
    /// print what those 项 print, so one payment reads the same in both tables.
    private func pairedLines(_ lines: [EconomicLine], printed: [ExpenditureRow], exact: [ExpenditureRow]) -> [Int: Money] {
        func basic(_ rows: [ExpenditureRow], _ codes: [String]) -> Money {
            rows.filter { $0.source.value.group == .general && codes.contains($0.subject.value) }.map { row in
                row.personnel == nil && row.publicUse == nil ? row.basic?.value ?? .zero
                    : (row.personnel?.value ?? .zero) + (row.publicUse?.value ?? .zero)
            }.sum()
        }
        var pinned: [Int: Money] = [:]
        for pair in CrossCheckTable.economicPairs where pair.relation == .equal && pair.economic.count == 1 {
            let matching = lines.indices.filter { lines[$0].code.value == pair.economic[0] }
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
    struct BasicSplit {
        let personnel: Money, publicUse: Money, unsplit: Money
        var total: Money { personnel + publicUse + unsplit }

        init(_ rows: [ExpenditureRow]) {
            let general = rows.filter { $0.source.value.group == .general }
            personnel = general.compactMap { $0.personnel?.value }.sum()
            publicUse = general.compactMap { $0.publicUse?.value }.sum()
            unsplit = general.filter { $0.personnel == nil && $0.publicUse == nil }.compactMap { $0.basic?.value }.sum()
        }
    }

    func nearest(_ value: Located<Money>) -> Located<Money> {
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

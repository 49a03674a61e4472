import BudgetCore
import BudgetInput
import Catalog

/// Stage 2's entry: derives every figure of a department's budget and checks it against itself.
public enum BudgetDeriver {
    public struct Outcome: Sendable {
        /// The figures as printed (controlled rounding, `PrintRounding`); nil when errors make them meaningless.
        public let budget: Budget?
        public let diagnostics: [Diagnostic]
    }

    /// `localChecksOnly` keeps the checks of single rows and projects and skips those over sums
    /// (used when part of the file could not be read). The Budget holds the figures as printed:
    /// derived from the leaves rounded by `PrintRounding` (`.controlled`), or exact, each figure then
    /// rounded on its own when printed (`.independent`). `precision` is the format's (金额), by
    /// default the data's unit with two decimals; the Budget records it as `printRounding`.
    public static func derive(_ input: BudgetInput, catalog: SubjectCatalog = .standard, localChecksOnly: Bool = false,
                              rounding: RoundingMode = .controlled, precision: PrintPrecision? = nil) -> Outcome {
        let exact = figures(input, catalog: catalog, localChecksOnly: localChecksOnly, checking: true)
        let precision = precision ?? PrintPrecision(unit: input.unit)
        let rounder = PrintRounding(unit: precision.unit, decimals: precision.decimals)
        // A file with errors prints nothing: no rounding notes for it either.
        guard rounding == .controlled, !localChecksOnly, var exactBudget = exact.budget else { return exact }
        if rounder.isIdentity {
            // The exact figures are already at the printed precision: they foot as they are.
            exactBudget.printRounding = precision
            return Outcome(budget: exactBudget, diagnostics: exact.diagnostics)
        }
        let printed = figures(rounder.rounded(input), catalog: catalog, localChecksOnly: false, checking: false)
        guard var printedBudget = printed.budget else { return exact }
        printedBudget.printRounding = precision
        let notes = PrintedFigureNotes(input: input).differences(exact: exactBudget, printed: printedBudget, step: rounder.step,
                                                                 unit: precision.unit)
        return Outcome(budget: printedBudget, diagnostics: exact.diagnostics + notes)
    }

    /// The figures of `input`; with `checking` false, no checks run and the figures come back whatever
    /// they are (the rounded copy of an input that passed its checks).
    private static func figures(_ input: BudgetInput, catalog: SubjectCatalog, localChecksOnly: Bool, checking: Bool) -> Outcome {
        var namer = SubjectNamer(catalog: catalog, input: input)
        let assembly = LeafAssembly(input, unit: input.unit)
        var diagnostics = assembly.diagnostics

        var names: [String: String] = [:]
        let typedNames = Dictionary(input.expenditures.compactMap { row in row.name.map { (row.subject.value, $0) } },
                                    uniquingKeysWith: { first, _ in first })
        let firstUse = Dictionary(input.expenditures.map { ($0.subject.value, $0.subject.location) } + input.projects.map { ($0.subject.value, $0.subject.location) },
                                  uniquingKeysWith: { first, _ in first })
        for key in assembly.order {
            let location = firstUse[key.subject] ?? SourceLocation(file: input.file, line: 1, column: 1)
            namer.checkFunctionalParents(Located(key.subject, at: location))
            for code in [String(key.subject.prefix(3)), String(key.subject.prefix(5)), key.subject] where names[code] == nil {
                names[code] = namer.name(code, .functional, typed: code == key.subject ? typedNames[code] : nil, usedAt: location)
            }
        }

        let leaves = assembly.order.map { SubjectTree.Leaf(code: $0.subject, source: $0.source, columns: assembly.leaves[$0]!) }
        let functional = SubjectTree.rows(leaves, names: names)
        var byGroup: [String: [SubjectRow]] = [:]
        for group in FundSource.Group.allCases {
            let groupLeaves = leaves.filter { $0.source.group == group }
            if !groupLeaves.isEmpty { byGroup[group.rawValue] = SubjectTree.rows(groupLeaves, names: names) }
        }

        let economic = EconomicTables(input, namer: &namer, catalog: catalog)
        diagnostics += namer.diagnostics

        let totals = Totals.split(leaves: leaves, basicEconomic: economic.basic)
        let income = Totals.income(leaves, total: totals.total)
        let threePublic = ThreePublicFigures.derive(input.threePublic)
        let projects = input.projects.enumerated().map { index, project in
            DerivedProjects.derive(project, amount: assembly.projectAmounts[index], subjectName: names[project.subject.value] ?? "")
        }
        let generalColumns = leaves.filter { $0.source.group == .general }.map(\.columns).reduce(ExpenditureColumns(), +)
        let generalPublicUse = economic.basic.isEmpty ? generalColumns.publicUse
            : economic.basic.filter { $0.depth == 1 }.map(\.publicUse).sum()
        let officeOperation = OfficeOperationFigures.derive(input, publicUse: generalPublicUse)
        diagnostics += economic.diagnostics + officeOperation.diagnostics

        let functionalWithProjects = SubjectTree.withProjectEconomics(functional, projects: projects, group: nil)
        for group in FundSource.Group.allCases {
            if let rows = byGroup[group.rawValue] { byGroup[group.rawValue] = SubjectTree.withProjectEconomics(rows, projects: projects, group: group) }
        }

        var budget = Budget(
            department: Budget.Department(
                name: input.name.value, code: input.code?.value, year: input.year.value, format: input.format.value,
                unit: input.unit, level: input.level.rawValue, nature: input.nature.rawValue,
                signOffDate: input.signOffDate?.value),
            total: totals.total,
            functional: functionalWithProjects,
            functionalByGroup: byGroup,
            income: income,
            groupTotals: Totals.groups(leaves: leaves, basicEconomic: economic.basic),
            formerSubjects: [],
            catalogNames: Self.classNames(catalog, year: input.year.value),
            basicEconomic: economic.basic,
            generalEconomic: economic.general,
            governmentEconomic: economic.government,
            totals: totals,
            projects: projects,
            threePublic: threePublic,
            officeOperation: officeOperation.amount,
            procurement: input.procurement.map(ProcurementFigures.summary),
            assets: input.assets.map(AssetFigures.summary),
            shares: [],
            changes: [],
            text: BudgetText(input))
        budget = Budget.withShares(budget)

        if checking {
            diagnostics += CrossChecks.run(input: input, budget: budget, generalBasic: generalColumns,
                                           localOnly: localChecksOnly)
            if !localChecksOnly { diagnostics += RecordChecks.run(input: input, budget: budget) }
        }

        if let prior = input.prior, !localChecksOnly {
            let comparison = Comparisons.build(budget: budget, input: input, prior: prior, catalog: catalog)
            if checking { diagnostics += comparison.diagnostics }
            budget = Budget.with(budget, changes: comparison.changes, formerSubjects: comparison.formerSubjects)
        }
        if !checking { return Outcome(budget: budget, diagnostics: []) }
        diagnostics = RootCauses.fold(diagnostics)
        return Outcome(budget: diagnostics.hasErrors ? nil : budget, diagnostics: diagnostics)
    }
}

extension BudgetDeriver {
    /// Every 类 (three-digit code) the catalog names for `year`, in all three classifications.
    static func classNames(_ catalog: SubjectCatalog, year: Int) -> [String: String] {
        var names: [String: String] = [:]
        for scheme in [SubjectScheme.functional, .departmentEconomic, .governmentEconomic] {
            for code in catalog.codes(in: scheme) where code.count == 3 {
                if let name = catalog.name(of: code, in: scheme, year: year) { names[code] = name }
            }
        }
        return names
    }
}

extension Budget {
    static func withShares(_ budget: Budget) -> Budget {
        var shares: [Share] = []
        for source in FundSource.allCases {
            if let amount = budget.income.bySource[source.rawValue], !amount.isZero {
                shares.append(Share(key: "收入/\(source.rawValue)", label: source.rawValue, amount: amount, percent: .ratio(amount, of: budget.total)))
            }
        }
        shares.append(Share(key: "基本支出", label: "基本支出", amount: budget.totals.basic, percent: .ratio(budget.totals.basic, of: budget.total)))
        shares.append(Share(key: "项目支出", label: "项目支出", amount: budget.totals.project, percent: .ratio(budget.totals.project, of: budget.total)))
        for (group, rows) in budget.functionalByGroup.sorted(by: { $0.key < $1.key }) {
            let groupTotal = rows.filter { $0.depth == 1 }.map(\.columns.total).sum()
            for row in rows where row.depth == 1 {
                shares.append(Share(key: "\(group)/\(row.code)", label: "\(row.name)（类）", amount: row.columns.total, percent: .ratio(row.columns.total, of: groupTotal)))
            }
        }
        return with(budget, shares: shares)
    }

    static func with(_ b: Budget, shares: [Share]? = nil, changes: [Comparison]? = nil, formerSubjects: [SubjectRow]? = nil) -> Budget {
        Budget(department: b.department, total: b.total, functional: b.functional, functionalByGroup: b.functionalByGroup,
               income: b.income, groupTotals: b.groupTotals, formerSubjects: formerSubjects ?? b.formerSubjects,
               catalogNames: b.catalogNames, basicEconomic: b.basicEconomic, generalEconomic: b.generalEconomic,
               governmentEconomic: b.governmentEconomic, totals: b.totals, projects: b.projects, threePublic: b.threePublic,
               officeOperation: b.officeOperation, procurement: b.procurement, assets: b.assets,
               shares: shares ?? b.shares, changes: changes ?? b.changes, text: b.text)
    }
}

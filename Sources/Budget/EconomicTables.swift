import BudgetCore
import BudgetInput
import Catalog

/// Builds the 部门经济分类 tables (基本支出; 基本 + 项目) and their 政府经济分类 counterpart.
struct EconomicTables {
    private(set) var basic: [EconomicRow] = []
    private(set) var general: [EconomicRow] = []
    private(set) var government: [EconomicRow] = []
    private(set) var diagnostics: [Diagnostic] = []

    private struct Amounts { var personnel = Money.zero; var publicUse = Money.zero; var project = Money.zero }

    init(_ input: BudgetInput, namer: inout SubjectNamer, catalog: SubjectCatalog) {
        var basicAmounts: [String: Amounts] = [:]
        var names: [String: String] = [:]
        func note(_ line: EconomicLine) {
            namer.checkEconomicParent(line.code)
            names[line.code.value] = namer.name(line.code.value, .departmentEconomic, typed: line.name, usedAt: line.code.location)
        }
        for line in input.basicEconomic.personnel {
            note(line)
            basicAmounts[line.code.value, default: Amounts()].personnel += line.amount.value
        }
        for line in input.basicEconomic.publicUse {
            note(line)
            basicAmounts[line.code.value, default: Amounts()].publicUse += line.amount.value
        }
        var generalAmounts = basicAmounts
        let projectLines = input.projects.filter { $0.source.value.group == .general }.flatMap(\.economic)
        for line in projectLines {
            note(line)
            generalAmounts[line.code.value, default: Amounts()].project += line.amount.value
        }
        let allCodes = Set(generalAmounts.keys).union(generalAmounts.keys.map { String($0.prefix(3)) })
        for code in allCodes where names[code] == nil {
            names[code] = namer.name(code, .departmentEconomic, usedAt: input.basicEconomic.location ?? SourceLocation(file: input.file, line: 1, column: 1))
        }
        let correspondence = GovernmentCorrespondence(input: input, catalog: catalog)
        basic = Self.rows(basicAmounts, names: names, governmentCode: correspondence.code(for:))
        general = Self.rows(generalAmounts, names: names, governmentCode: correspondence.code(for:))

        let lines = input.basicEconomic.personnel + input.basicEconomic.publicUse + projectLines
        diagnostics = correspondence.missing(in: lines, names: names) + correspondence.unused(by: lines)
        government = Self.governmentRows(generalAmounts, correspondence: correspondence, lines: lines, namer: &namer,
                                         fallback: input.basicEconomic.location ?? SourceLocation(file: input.file, line: 1, column: 1))
    }

    /// The 政府经济分类 table: each typed 部门 code's amounts moved to its 政府 code. A code without
    /// one is left out (and reported by `GovernmentCorrespondence.missing`). A 政府 code the catalog
    /// cannot name is reported where the data maps to it, else at the first line that uses it.
    private static func governmentRows(_ amounts: [String: Amounts], correspondence: GovernmentCorrespondence,
                                       lines: [EconomicLine], namer: inout SubjectNamer, fallback: SourceLocation) -> [EconomicRow] {
        var governmentAmounts: [String: Amounts] = [:]
        var firstUse: [String: SourceLocation] = [:]
        for line in lines where firstUse[line.code.value] == nil { firstUse[line.code.value] = line.code.location }
        var usedAt: [String: SourceLocation] = [:]
        for (code, amount) in amounts.sorted(by: { $0.key < $1.key }) {
            guard let target = correspondence.code(for: code) else { continue }
            governmentAmounts[target, default: Amounts()].personnel += amount.personnel
            governmentAmounts[target, default: Amounts()].publicUse += amount.publicUse
            governmentAmounts[target, default: Amounts()].project += amount.project
            let place = correspondence.typedLocation(of: code) ?? firstUse[code] ?? fallback
            for key in [String(target.prefix(3)), target] where usedAt[key] == nil { usedAt[key] = place }
        }
        var governmentNames: [String: String] = [:]
        for (code, place) in usedAt.sorted(by: { $0.key < $1.key }) {
            governmentNames[code] = namer.name(code, .governmentEconomic, usedAt: place)
        }
        return rows(governmentAmounts, names: governmentNames, governmentCode: { _ in nil })
    }

    /// Rows for 类 and 款; amounts typed at 类 level (a project's 302) stay on the 类 row.
    private static func rows(_ amounts: [String: Amounts], names: [String: String], governmentCode: (String) -> String?) -> [EconomicRow] {
        var rolled: [String: Amounts] = [:]
        for (code, amount) in amounts {
            for key in Set([String(code.prefix(3)), code]) {
                rolled[key, default: Amounts()].personnel += amount.personnel
                rolled[key, default: Amounts()].publicUse += amount.publicUse
                rolled[key, default: Amounts()].project += amount.project
            }
        }
        return rolled.keys.sorted().map { code in
            let amount = rolled[code]!
            return EconomicRow(code: code, name: names[code] ?? "", depth: code.count == 3 ? 1 : 2,
                               personnel: amount.personnel, publicUse: amount.publicUse, project: amount.project,
                               governmentCode: code.count == 5 ? governmentCode(code) : nil)
        }
    }
}

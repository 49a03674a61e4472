import BudgetCore
import BudgetInput
import Catalog

/// Builds the 部门经济分类 tables (基本支出; 基本 + 项目) and their 政府经济分类 counterpart.
struct EconomicTables {
    private(set) var basic: [EconomicRow] = []
    private(set) var general: [EconomicRow] = []
    private(set) var government: [EconomicRow] = []

    private struct Amounts { var personnel = Money.zero; var publicUse = Money.zero; var project = Money.zero }

    init(_ input: BudgetInput, namer: inout SubjectNamer, catalog: SubjectCatalog) {
        var basicAmounts: [String: Amounts] = [:]
        var names: [String: String] = [:]
        for line in input.basicEconomic.personnel {
            namer.checkEconomicParent(line.code)
            names[line.code.value] = namer.name(line.code.value, .departmentEconomic, typed: line.name, usedAt: line.code.location)
            basicAmounts[line.code.value, default: Amounts()].personnel += line.amount.value
        }
        for line in input.basicEconomic.publicUse {
            namer.checkEconomicParent(line.code)
            names[line.code.value] = namer.name(line.code.value, .departmentEconomic, typed: line.name, usedAt: line.code.location)
            basicAmounts[line.code.value, default: Amounts()].publicUse += line.amount.value
        }
        var generalAmounts = basicAmounts
        for project in input.projects where project.source.value.group == .general {
            for line in project.economic {
                namer.checkEconomicParent(line.code)
                names[line.code.value] = namer.name(line.code.value, .departmentEconomic, typed: line.name, usedAt: line.code.location)
                generalAmounts[line.code.value, default: Amounts()].project += line.amount.value
            }
        }
        let allCodes = Set(generalAmounts.keys).union(generalAmounts.keys.map { String($0.prefix(3)) })
        for code in allCodes where names[code] == nil {
            names[code] = namer.name(code, .departmentEconomic, usedAt: input.basicEconomic.location ?? SourceLocation(file: input.file, line: 1, column: 1))
        }
        let nature = input.nature.rawValue
        basic = Self.rows(basicAmounts, names: names, governmentCode: { catalog.governmentCode(forDepartmentCode: $0, nature: nature) })
        general = Self.rows(generalAmounts, names: names, governmentCode: { catalog.governmentCode(forDepartmentCode: $0, nature: nature) })

        var governmentAmounts: [String: Amounts] = [:]
        var governmentNames: [String: String] = [:]
        for row in general where row.depth == 2 {
            guard let code = row.governmentCode else { continue }
            governmentAmounts[code, default: Amounts()].personnel += row.personnel
            governmentAmounts[code, default: Amounts()].publicUse += row.publicUse
            governmentAmounts[code, default: Amounts()].project += row.project
        }
        for code in Set(governmentAmounts.keys).union(governmentAmounts.keys.map { String($0.prefix(3)) }) {
            governmentNames[code] = catalog.name(of: code, in: .governmentEconomic, year: input.year.value) ?? ""
        }
        government = Self.rows(governmentAmounts, names: governmentNames, governmentCode: { _ in nil })
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

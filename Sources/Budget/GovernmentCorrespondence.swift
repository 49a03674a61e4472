import BudgetCore
import BudgetInput
import Catalog

/// Which 政府经济分类 code a 部门经济分类 code is reported under: the data's 政府经济科目对应 first,
/// then the catalog's correspondence for the unit's kind. A code with neither would silently drop
/// out of the 政府经济分类 table, so it is an error that asks for the mapping.
struct GovernmentCorrespondence {
    let typed: [String: Located<String>]
    let catalog: SubjectCatalog
    let kind: BudgetInput.Nature

    init(input: BudgetInput, catalog: SubjectCatalog) {
        self.typed = input.governmentCodes
        self.catalog = catalog
        self.kind = input.nature
    }

    func code(for departmentCode: String) -> String? {
        if let typed = typed[departmentCode] { return typed.value }
        // The catalog maps 款 only: a 类 covers 款 with different government counterparts.
        guard departmentCode.count == 5 else { return nil }
        return catalog.governmentCode(forDepartmentCode: departmentCode, nature: kind.correspondenceKind)
    }

    func typedLocation(of departmentCode: String) -> SourceLocation? { typed[departmentCode]?.location }

    /// One error per code without a counterpart, at the first line that uses it.
    func missing(in lines: [EconomicLine], names: [String: String]) -> [Diagnostic] {
        var reported: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for line in lines where code(for: line.code.value) == nil && reported.insert(line.code.value).inserted {
            let code = line.code.value
            let name = names[code].map { $0.isEmpty ? "" : " \($0)" } ?? ""
            let level = code.count == 3 ? "（类级金额没有唯一的对应）" : "（科目库未收录\(kind.rawValue)单位的这一对应）"
            diagnostics.append(.error("economic.government-code",
                "经济科目 \(code)\(name) 没有对应的政府经济分类科目\(level)，政府经济分类表将缺少这笔金额：请在“政府经济科目对应”中写出，如“政府经济科目对应: {\(code): …}”（… 为政府经济分类科目编码）",
                at: line.code.location))
        }
        return diagnostics
    }

    /// A mapping no economic line uses is a warning at its key: most likely a mistyped code.
    func unused(by lines: [EconomicLine]) -> [Diagnostic] {
        let used = Set(lines.map(\.code.value))
        return typed.keys.sorted().filter { !used.contains($0) }.map { code in
            .warning("economic.government-code-unused",
                     "“政府经济科目对应”中的 \(code) 没有用到：数据中没有这个经济科目（是否写错了编码？）",
                     at: typed[code]?.location)
        }
    }
}

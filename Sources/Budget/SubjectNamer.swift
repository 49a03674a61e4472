import BudgetCore
import BudgetInput
import Catalog

/// Names subjects from the catalog, or from the input where the catalog lacks them; reports
/// each code that has neither once, at its first use.
struct SubjectNamer {
    let catalog: SubjectCatalog
    let year: Int
    let overrides: [String: Located<String>]
    private(set) var diagnostics: [Diagnostic] = []
    private var reported: Set<String> = []

    init(catalog: SubjectCatalog, input: BudgetInput) {
        self.catalog = catalog
        self.year = input.year.value
        self.overrides = input.subjectNames
    }

    /// The name of `code`; `typed` is a name the user wrote beside this use of the code.
    mutating func name(_ code: String, _ scheme: SubjectScheme, typed: Located<String>? = nil, usedAt location: SourceLocation) -> String {
        if let typed {
            noteCatalogDifference(code, scheme, typed)
            return typed.value
        }
        if let override = overrides[code] {
            noteCountyConflict(code, scheme, override)
            noteCatalogDifference(code, scheme, override)
            return override.value
        }
        if let name = catalog.name(of: code, in: scheme, year: year) { return name }
        // A code under a 类 that does not exist is reported once, as such (subject.parent).
        let category = String(code.prefix(3))
        let orphan = code.count >= 3 && scheme != .governmentEconomic && catalog.name(of: category, in: scheme, year: year) == nil
            && overrides[category] == nil
        if !orphan, reported.insert("\(scheme.rawValue)\(code)").inserted {
            var diagnostic = Diagnostic.error("subject.unknown",
                "\(scheme.rawValue)科目 \(code) 不在科目库（\(year) 年）中：请在“科目名称”中写出它的名称，如“科目名称: {\(code): …}”",
                at: location)
            if let near = nearestCode(to: code, scheme), let nearName = catalog.name(of: near, in: scheme, year: year) {
                diagnostic = diagnostic.hinting("若是编码写错了：科目库中相近的是 \(near) \(nearName)")
            }
            diagnostics.append(diagnostic)
        }
        return ""
    }

    /// A name typed in the department's file wins there, but differing from the county's catalog is
    /// worth a look: one of the two is probably misspelt.
    private mutating func noteCountyConflict(_ code: String, _ scheme: SubjectScheme, _ typed: Located<String>) {
        guard let county = catalog.countyName(of: code, in: scheme), county != typed.value,
              reported.insert("county\(scheme.rawValue)\(code)").inserted else { return }
        diagnostics.append(.warning("subject.county-conflict",
            "科目 \(code) 在本文件中写作“\(typed.value)”，县科目库中为“\(county)”：本文件以自己写的为准，请核对哪一个对",
            at: typed.location))
    }

    /// The catalog's code of the same length under the same 款 (else 类) that differs from `code` in
    /// the fewest digits, at most two: 2101198 → 2101199.
    private func nearestCode(to code: String, _ scheme: SubjectScheme) -> String? {
        let typed = Array(code)
        var best: (code: String, distance: Int)?
        for candidate in catalog.codes(in: scheme) where candidate.count == code.count && candidate.prefix(3) == code.prefix(3) {
            let distance = zip(typed, candidate).filter { $0 != $1 }.count
            let limit = candidate.prefix(5) == code.prefix(5) ? 2 : 1
            guard distance <= limit, distance < (best?.distance ?? .max), catalog.name(of: candidate, in: scheme, year: year) != nil else { continue }
            best = (candidate, distance)
        }
        return best?.code
    }

    /// A typed name the catalog words otherwise is printed as typed, but is most often a slip
    /// (行政运行费 for 行政运行) or last year's name: worth a look, once per code.
    private mutating func noteCatalogDifference(_ code: String, _ scheme: SubjectScheme, _ typed: Located<String>) {
        guard let standard = catalog.name(of: code, in: scheme, year: year), standard != typed.value,
              catalog.countyName(of: code, in: scheme) == nil,
              reported.insert("differs\(scheme.rawValue)\(code)").inserted else { return }
        diagnostics.append(Diagnostic.warning("subject.name-differs",
            "\(scheme.rawValue)科目 \(code) 写作“\(typed.value)”，科目库（\(year) 年）中为“\(standard)”：印出的是本文件写的名称",
            at: typed.location).hinting("若没有特别的理由，删去这个名称，由科目库填写"))
    }

    /// Checks a functional leaf (项) sits under a 类 the classification has.
    mutating func checkFunctionalParents(_ code: Located<String>) {
        let category = String(code.value.prefix(3))
        guard catalog.name(of: category, in: .functional, year: year) == nil, overrides[category] == nil else { return }
        if reported.insert("parent\(category)").inserted {
            diagnostics.append(.error("subject.parent",
                "科目 \(code.value) 不在任何功能分类的类之下：类 \(category) 不存在（支出功能分类的类为 201–234）",
                at: code.location))
        }
    }

    /// Checks an economic code sits under a 类 of 部门经济分类 (301, 302, 303, 307, 309–313, 399).
    mutating func checkEconomicParent(_ code: Located<String>) {
        let category = String(code.value.prefix(3))
        guard catalog.name(of: category, in: .departmentEconomic, year: year) == nil, overrides[category] == nil else { return }
        if reported.insert("parent\(category)").inserted {
            diagnostics.append(.error("subject.parent",
                "经济科目 \(code.value) 不在任何部门经济分类的类之下：类 \(category) 不存在",
                at: code.location))
        }
    }
}

import Foundation

/// The classification schemes of 政府收支分类科目 that budget tables print.
public enum SubjectScheme: String, Sendable, Codable, CaseIterable {
    /// 支出功能分类科目: 类 (3 digits), 款 (5), 项 (7).
    case functional = "功能分类"
    /// 部门预算支出经济分类科目: 类 (3), 款 (5).
    case departmentEconomic = "部门经济分类"
    /// 政府预算支出经济分类科目: 类 (3), 款 (5).
    case governmentEconomic = "政府经济分类"

    var fileName: String {
        switch self {
        case .functional: return "functional"
        case .departmentEconomic: return "department-economic"
        case .governmentEconomic: return "government-economic"
        }
    }
}

/// Subject names by code, as data (Sources/Catalog/Resources/*.tsv, each naming its sources).
/// A code the catalog lacks has no name here: the input must then supply one.
public struct SubjectCatalog: Sendable {
    struct Entry: Sendable {
        let name: String
        let years: ClosedRange<Int>
    }

    private let entries: [SubjectScheme: [String: [Entry]]]
    /// Names a county supplied (its settings file), which fill the bundled catalog's gaps and win over it.
    private var county: [SubjectScheme: [String: String]] = [:]
    /// Where the county's names come from (科目来源), for `gongkai 科目` and messages.
    public private(set) var countySource: String?
    /// 部门经济分类款 → 政府经济分类款, by unit nature (行政, 事业; * for both).
    private let correspondence: [String: [String: String]]

    init(entries: [SubjectScheme: [String: [Entry]]], correspondence: [String: [String: String]]) {
        self.entries = entries
        self.correspondence = correspondence
    }

    /// The catalog bundled with gongkai.
    public static let standard: SubjectCatalog = {
        var entries: [SubjectScheme: [String: [Entry]]] = [:]
        for scheme in SubjectScheme.allCases {
            entries[scheme] = CatalogFile.entries(CatalogFile.text(named: scheme.fileName))
        }
        let correspondence = CatalogFile.correspondence(CatalogFile.text(named: "department-to-government"))
        return SubjectCatalog(entries: entries, correspondence: correspondence)
    }()

    /// The name of `code` in the classification of `year`, or nil when the catalog lacks it.
    public func name(of code: String, in scheme: SubjectScheme, year: Int) -> String? {
        county[scheme]?[code] ?? entries[scheme]?[code]?.first { $0.years.contains(year) }?.name
    }

    /// The catalog with a county's names added (`县设置.yaml`: codes the bundled catalog lacks, and
    /// the county's wording where it differs), from `source`.
    public func adding(county names: [SubjectScheme: [String: String]], source: String) -> SubjectCatalog {
        var catalog = self
        catalog.county.merge(names) { old, new in old.merging(new) { _, newer in newer } }
        catalog.countySource = source
        return catalog
    }

    /// The county's name of `code`, when the county supplied one.
    public func countyName(of code: String, in scheme: SubjectScheme) -> String? {
        county[scheme]?[code]
    }

    /// The government economic 款 a department economic 款 is reported under (e.g. 30101 → 50501 for 事业).
    public func governmentCode(forDepartmentCode code: String, nature: String) -> String? {
        correspondence[code]?[nature] ?? correspondence[code]?["*"]
    }

    public func codes(in scheme: SubjectScheme) -> [String] {
        Set((entries[scheme] ?? [:]).keys).union((county[scheme] ?? [:]).keys).sorted()
    }

    /// One subject found by `lookup`.
    public struct Match: Sendable, Equatable {
        public let scheme: SubjectScheme
        public let code: String
        public let name: String
        /// The years of the classification that use this name (a subject may be renamed).
        public let years: ClosedRange<Int>
        /// From the county's catalog (县设置.yaml) rather than the bundled one.
        public var fromCounty = false

        /// 类, 款 or 项, by the code's length.
        public var level: String {
            switch code.count {
            case 3: return "类"
            case 5: return "款"
            default: return "项"
            }
        }
    }

    /// Subjects whose code is `query` or starts with it (digits), or whose name contains it, in
    /// scheme and code order (`gongkai 科目`).
    public func lookup(_ query: String) -> [Match] {
        let byCode = !query.isEmpty && query.allSatisfy(\.isASCII) && query.allSatisfy(\.isNumber)
        var matches: [Match] = []
        for scheme in SubjectScheme.allCases {
            let countyNames = county[scheme] ?? [:]
            for (code, list) in entries[scheme] ?? [:] where countyNames[code] == nil {
                for entry in list where byCode ? code.hasPrefix(query) : entry.name.contains(query) {
                    matches.append(Match(scheme: scheme, code: code, name: entry.name, years: entry.years))
                }
            }
            for (code, name) in countyNames where byCode ? code.hasPrefix(query) : name.contains(query) {
                matches.append(Match(scheme: scheme, code: code, name: name, years: 1900...9999, fromCounty: true))
            }
        }
        let order = SubjectScheme.allCases
        return matches.sorted {
            ($0.scheme == $1.scheme) ? ($0.code, $0.years.lowerBound) < ($1.code, $1.years.lowerBound)
                : order.firstIndex(of: $0.scheme)! < order.firstIndex(of: $1.scheme)!
        }
    }
}

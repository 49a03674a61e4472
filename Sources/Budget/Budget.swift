import BudgetCore
import BudgetInput

/// Stage 2's value: one department's budget with every figure the documents print, derived exactly.
public struct Budget: Sendable, Codable {
    public struct Department: Sendable, Codable {
        public let name: String
        public let code: String?
        public let year: Int
        public let format: String
        public let unit: AmountUnit
        public let level: String
        public let nature: String
        /// 落款日期, when the data gives one (also the PDF's creation date).
        public let signOffDate: String?
    }

    public let department: Department
    /// 收支总计 (income total equals expenditure total by construction).
    public let total: Money
    /// 支出 by 功能分类, all fund sources (收入总表 and 支出总表).
    public let functional: [SubjectRow]
    /// 支出 by 功能分类 per income group (一般公共预算, 政府性基金, …).
    public let functionalByGroup: [String: [SubjectRow]]
    /// 支出 by 功能分类 类 for the 收支总表 columns.
    public let income: Income
    /// Each income group's totals (分组合计); 一般公共预算 rows typed as 基本支出 alone take their
    /// 人员/公用 split from the 基本支出经济分类 table, by the same rule as `totals`.
    public let groupTotals: [String: ExpenditureColumns]
    /// 项 that only last year had (预算数 0 this year), named: narratives list their changes too.
    public let formerSubjects: [SubjectRow]
    /// The catalog's names of every 类 of the year (功能分类, 部门经济分类, 政府经济分类), so a table
    /// that lists every category names those the budget does not spend on too.
    public let catalogNames: [String: String]
    /// 一般公共预算基本支出 by 部门经济分类 (人员经费, 公用经费).
    public let basicEconomic: [EconomicRow]
    /// 一般公共预算支出 by 部门经济分类 with projects (基本 + 项目).
    public let generalEconomic: [EconomicRow]
    /// The same by 政府经济分类 (through the 部门→政府 correspondence).
    public let governmentEconomic: [EconomicRow]
    public let totals: ExpenditureColumns
    public let projects: [DerivedProject]
    public let threePublic: ThreePublic
    /// 机关运行经费: the 一般公共预算 公用经费 of the 行政 and 参公事业 units (OfficeOperationFigures).
    public let officeOperation: Money
    public let procurement: ProcurementSummary?
    public let assets: AssetSummary?
    public let shares: [Share]
    public let changes: [Comparison]
    /// The words printed beside the figures.
    public let text: BudgetText
    /// The precision controlled rounding rounded the figures to (every printed table foots at
    /// it); nil for exact figures (independent rounding), which are rounded one by one as printed.
    public internal(set) var printRounding: PrintPrecision? = nil
}

/// One row of a subject table: 类, 款 or 项 with its columns.
public struct SubjectRow: Sendable, Codable {
    public let code: String
    public let name: String
    /// 1 类, 2 款, 3 项.
    public let depth: Int
    public let columns: ExpenditureColumns
    /// 合计 by fund source (收入总表 columns).
    public let bySource: [String: Money]
    /// 项目支出 by 部门经济分类 类 (301, 302 …): the economic lines of the projects under this row
    /// (within the row's income group for grouped rows), rolled up (新疆 表7).
    public var projectEconomicClasses: [String: Money]

    public init(code: String, name: String, depth: Int, columns: ExpenditureColumns, bySource: [String: Money],
                projectEconomicClasses: [String: Money] = [:]) {
        self.code = code
        self.name = name
        self.depth = depth
        self.columns = columns
        self.bySource = bySource
        self.projectEconomicClasses = projectEconomicClasses
    }
}

/// One row of an economic table.
public struct EconomicRow: Sendable, Codable {
    public let code: String
    public let name: String
    public let depth: Int
    public let personnel: Money
    public let publicUse: Money
    public let project: Money
    public var total: Money { personnel + publicUse + project }
    /// The matching 政府经济分类 code, where the catalog knows it.
    public let governmentCode: String?

    public init(code: String, name: String, depth: Int, personnel: Money, publicUse: Money, project: Money, governmentCode: String?) {
        self.code = code
        self.name = name
        self.depth = depth
        self.personnel = personnel
        self.publicUse = publicUse
        self.project = project
        self.governmentCode = governmentCode
    }
}

/// Income by source (收入): derived from the expenditure rows' 资金来源.
public struct Income: Sendable, Codable {
    public let bySource: [String: Money]
    public let byGroup: [String: Money]
    /// 财政拨款 (一般公共预算 + 政府性基金 + 国有资本经营).
    public let appropriations: Money
    /// 本年收入: all but 上年结转结余.
    public let thisYear: Money
    /// 财政拨款结转: last year's appropriations carried over.
    public let appropriationCarryOver: Money
    /// 财政拨款总计 (含结转): this year's appropriations and those carried over.
    public let appropriationsWithCarryOver: Money
    /// 非财政拨款结转结余: last year's 财政专户 and 单位资金 carried over.
    public let otherCarryOver: Money
    /// 上级安排: appropriations transferred from the level above.
    public let upperTransfers: Money
    /// 本级安排: 财政拨款总计 less 上级安排.
    public let ownArrangement: Money
}

extension SubjectRow {
    /// 合计 by income group.
    public var byGroup: [String: Money] {
        var groups: [String: Money] = [:]
        for (source, amount) in bySource {
            groups[(FundSource(rawValue: source)?.group ?? .carryOver).rawValue, default: .zero] += amount
        }
        return groups
    }

    /// 财政拨款: the three appropriation groups.
    public var appropriations: Money { sum(bySource) { $0.isAppropriation } }
    /// 上年结转结余.
    public var carryOver: Money { sum(bySource) { $0.group == .carryOver } }
    /// 本年: all but 上年结转结余.
    public var thisYear: Money { columns.total - carryOver }
    /// 财政拨款 of this year and of last year's appropriations carried over.
    public var appropriationsWithCarryOver: Money { sum(bySource) { $0.isAppropriation || $0.isAppropriationCarryOver } }

    private func sum(_ amounts: [String: Money], where include: (FundSource) -> Bool) -> Money {
        amounts.filter { FundSource(rawValue: $0.key).map(include) ?? false }.map(\.value).sum()
    }
}

public struct DerivedProject: Sendable, Codable {
    public let name: String
    public let code: String?
    public let subject: String
    public let subjectName: String
    public let source: String
    public let amount: Money
    /// 财政资金: the project's amount when paid from 财政拨款.
    public let appropriated: Money
    public let otherFunds: Money
    public let economic: [String: Money]
    /// 资金支出计划, cumulative to the end of each quarter (3月底, 6月底, 9月底, 12月底).
    public let cumulativePlan: [Money]?
    /// The same plan per quarter (当季), as typed: a format prints one or the other.
    public let quarterlyPlan: [Money]?
    public let text: ProjectText
}

extension DerivedProject {
    /// The project's economic lines by 类 (301, 302 …).
    public var economicClasses: [String: Money] {
        Dictionary(economic.map { (String($0.key.prefix(3)), $0.value) }, uniquingKeysWith: +)
    }
}

public struct ThreePublic: Sendable, Codable {
    /// Every item by its key in the input (因公出国, 公务用车运行维护, 会议费 …).
    public let items: [String: Money]
    /// 因公出国（境）费 (both parts).
    public let overseas: Money
    /// 公务用车购置及运维费.
    public let vehicles: Money
    /// “三公”经费小计.
    public let subtotal: Money
    /// 合计, with 会议费 and 培训费.
    public let total: Money
}

extension ProcurementSummary {
    /// The 明细 amounts by income group of their 资金来源 (the fund columns of a procurement table).
    public var itemsByGroup: [String: Money] {
        var groups: [String: Money] = [:]
        for item in items { groups[(FundSource(rawValue: item.source)?.group ?? .general).rawValue, default: .zero] += item.amount }
        return groups
    }
}

public struct ProcurementSummary: Sendable, Codable {
    /// One line of 政府采购明细, as typed.
    public struct Item: Sendable, Codable {
        public let projectName: String
        /// 品目: what is bought.
        public let item: String
        /// 货物, 工程 or 服务.
        public let kind: String
        public let catalogNumber: String?
        public let measure: String?
        public let quantity: Int?
        public let unitPrice: Money?
        public let amount: Money
        public let source: String
        /// 预留中小微企业份额.
        public let reserved: Money
    }

    public let goods: Money
    public let works: Money
    public let services: Money
    public let total: Money
    public let smallBusinessReserve: Money
    public let microBusinessReserve: Money
    /// 明细, in the order typed (empty when only the kind sums are given).
    public let items: [Item]
}

public struct AssetSummary: Sendable, Codable {
    /// A kind of asset: how many, how large, what value (any may be missing).
    public struct Holding: Sendable, Codable {
        public let count: Int?
        public let area: String?
        public let value: Money?
    }
    public struct Vehicles: Sendable, Codable { public let kind: String; public let count: Int; public let value: Money }
    public struct Equipment: Sendable, Codable { public let threshold: String; public let count: Int; public let value: Money }

    public let asOf: String
    public let buildings: Holding?
    public let offices: Holding?
    public let furniture: Holding?
    public let other: Holding?
    /// 其他固定资产 as formats that have no 办公家具 row print it: 办公家具 and 其他 together.
    public let otherWithFurniture: Holding?
    public let vehicles: [Vehicles]
    public let equipment: [Equipment]
    public let totalCount: Int
    public let totalValue: Money
    public let vehicleCount: Int
    public let vehicleValue: Money
    public let plannedPurchase: Money
}

/// 占 x%: a part of a whole.
public struct Share: Sendable, Codable {
    public let key: String
    public let label: String
    public let amount: Money
    public let percent: Percent?
}

/// A figure compared with last year's, with the reason typed for the change.
public struct Comparison: Sendable, Codable {
    public let key: String
    public let label: String
    public let change: YearOverYearChange
    public let reason: String?
    /// Whether a change here asks for a reason (项 and totals do; 款 and 类 roll those up).
    public var requiresReason = false
    /// Where the reason was typed.
    public var reasonLocation: SourceLocation?
    /// Where a missing reason goes: the 增减原因 block, else the 上年 line.
    public var fixLocation: SourceLocation?
    /// Whether the data has a 增减原因 block to add the reason to.
    public var reasonsTyped = false

    public init(key: String, label: String, change: YearOverYearChange, reason: String?) {
        self.key = key
        self.label = label
        self.change = change
        self.reason = reason
    }

    /// The key path under which the reason is typed (`增减原因.科目.2101501`).
    public var reasonPath: String { "增减原因." + key.replacingOccurrences(of: "/", with: ".") }
}

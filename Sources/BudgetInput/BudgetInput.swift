import BudgetCore

/// One department's (or unit's) budget for one year, as typed: leaves and text, each with its mark.
public struct BudgetInput: Sendable {
    public enum Level: String, Sendable, Codable { case department = "部门", unit = "单位" }
    /// 单位性质, and the kind of each 所属单位.
    public enum Nature: String, Sendable, Codable, CaseIterable {
        case administrative = "行政"
        /// 参照公务员法管理的事业单位: counted with 行政 units for 机关运行经费 and the economic correspondence.
        case civilServiceInstitution = "参公事业"
        case institution = "事业"

        /// Whether its 公用经费 is 机关运行经费 (行政单位, 含参公事业单位).
        public var runsOffice: Bool { self != .institution }
        /// The column of the 部门→政府 economic correspondence (the catalog's 行政 covers 参公).
        public var correspondenceKind: String { runsOffice ? "行政" : "事业" }
    }

    public var file: String
    public var name: Located<String>
    public var code: Located<String>?
    public var year: Located<Int>
    public var format: Located<String>
    public var unit: AmountUnit
    public var level: Level
    public var nature: Nature
    public var supervisor: Located<String>?
    public var supervisorCode: Located<String>?
    public var overview: Overview
    /// 所属单位: the units the department is made of, with their kind.
    public var units: [MemberUnit]
    public var unitsLocation: SourceLocation?
    public var expenditures: [ExpenditureRow]
    public var basicEconomic: BasicEconomic
    public var projects: [Project]
    /// 项目支出说明: what the project spending is mainly for, in the department's words.
    public var projectSummary: Located<String>?
    /// 政府经济科目对应: 部门经济分类 code → 政府经济分类 code, beside or instead of the catalog's.
    public var governmentCodes: [String: Located<String>]
    /// Names for codes the catalog lacks (科目名称).
    public var subjectNames: [String: Located<String>]
    public var threePublic: [ThreePublicItem: Located<Money>]
    public var threePublicLocation: SourceLocation?
    public var officeOperation: OfficeOperation?
    public var procurement: Procurement?
    public var assets: Assets?
    public var performance: DepartmentPerformance?
    public var prior: PriorYear?
    public var reasons: FigureSet<Located<String>>
    /// Where the 增减原因 key is, if typed.
    public var reasonsLocation: SourceLocation?
    /// Where the 上年 key is, if typed: a missing 增减原因 is asked for there.
    public var priorKeyLocation: SourceLocation?
    public var stated: FigureSet<Located<Money>>
    public var otherNotes: [Located<String>]
    /// Decimals typed in the amounts written with fewer than the unit allows (by place).
    public var typedDecimals: [SourceLocation: Int] = [:]
    /// 科目说明: what a functional subject's money is for.
    public var subjectNotes: [String: [Located<String>]]
    public var secrecyReview: Located<String>?
    public var headApproval: Located<String>?
    /// 空表理由 by table.
    public var emptyTableReasons: [(table: Located<String>, reason: Located<String>)]
    public var glossary: [(term: Located<String>, meaning: Located<String>)]
    public var contactName: Located<String>?
    public var contactPhone: Located<String>?
    public var signOffDate: Located<String>?
}

/// One row of 支出: a functional leaf (项) paid from one fund source.
public struct ExpenditureRow: Sendable {
    public var subject: Located<String>
    public var name: Located<String>?
    public var source: Located<FundSource>
    public var personnel: Located<Money>?
    public var publicUse: Located<Money>?
    public var basic: Located<Money>?
    public var project: Located<Money>?
    public var operating: Located<Money>?
    public var remittedUpward: Located<Money>?
    public var subsidiesToAffiliates: Located<Money>?
    public var location: SourceLocation
}

/// An amount under an economic subject code (类 or 款).
public struct EconomicLine: Sendable {
    public var code: Located<String>
    public var name: Located<String>?
    public var amount: Located<Money>
}

/// 一般公共预算基本支出 by 部门经济分类.
public struct BasicEconomic: Sendable {
    public var personnel: [EconomicLine]
    public var publicUse: [EconomicLine]
    public var location: SourceLocation?
}

public struct Indicator: Sendable {
    public var level1: Located<String>
    public var level2: Located<String>
    public var level3: Located<String>
    public var description: Located<String>?
    public var value: Located<String>?
    public var basis: Located<String>?
    public var weight: Located<String>?
    public var priorValue: Located<String>?
    public var scoringRule: Located<String>?
    public var evidence: Located<String>?
    public var remark: Located<String>?
}

public struct Project: Sendable {
    public var name: Located<String>
    public var code: Located<String>?
    public var subject: Located<String>
    public var source: Located<FundSource>
    public var amount: Located<Money>?
    public var economic: [EconomicLine]
    public var category: Located<String>?
    public var purpose: [Located<String>]
    public var policyBasis: Located<String>?
    public var undertaker: Located<String>?
    public var supervisor: Located<String>?
    public var allocation: [Located<String>]
    public var period: Located<String>?
    public var manager: Located<String>?
    public var extras: [(key: Located<String>, value: Located<String>)]
    /// 当季 amounts for the four quarters, nil where not typed; nil as a whole when no plan.
    public var quarterlyPlan: [Located<Money>?]?
    public var planLocation: SourceLocation?
    public var overallGoal: [Located<String>]
    public var goals: [Located<String>]
    public var indicators: [Indicator]
    public var location: SourceLocation
}

public struct Overview: Sendable {
    public struct Institution: Sendable {
        public var name: Located<String>
        public var nature: Located<String>?
        public var rank: Located<String>?
        public var funding: Located<String>?
    }
    public var duties: [Located<String>]
    public var tasks: [Located<String>]
    public var organizationText: [Located<String>]
    public var institutions: [Institution]
    /// 人员 counts by their Chinese key (编制, 实有, 在职, 在职增加 …).
    public var staff: [String: Located<Int>]
    public var staffDate: Located<String>?
}

/// One unit of the department (所属单位) and, where known, its 一般公共预算 公用经费.
public struct MemberUnit: Sendable {
    public var name: Located<String>
    public var kind: Located<BudgetInput.Nature>
    public var publicUse: Located<Money>?
    public var location: SourceLocation
}

public struct OfficeOperation: Sendable {
    public var stated: Located<Money>?
    public var uses: [Located<String>]
    public var location: SourceLocation
}

public struct Procurement: Sendable {
    public struct Item: Sendable {
        public var projectName: Located<String>
        public var item: Located<String>
        public var kind: Located<String>
        public var catalogNumber: Located<String>?
        public var measure: Located<String>?
        public var quantity: Located<Int>?
        public var unitPrice: Located<Money>?
        public var amount: Located<Money>
        public var source: Located<FundSource>
        public var reservedForSmallBusiness: Located<Money>?
    }
    public var goods: Located<Money>?
    public var works: Located<Money>?
    public var services: Located<Money>?
    public var smallBusinessReserve: Located<Money>?
    public var microBusinessReserve: Located<Money>?
    public var items: [Item]
    public var location: SourceLocation
}

public struct Assets: Sendable {
    public struct Holding: Sendable {
        public var count: Located<Int>?
        public var area: Located<String>?
        public var value: Located<Money>?
    }
    public struct Vehicles: Sendable {
        public var kind: Located<String>
        public var count: Located<Int>
        public var value: Located<Money>?
    }
    public struct Equipment: Sendable {
        public var threshold: Located<String>
        public var count: Located<Int>
        public var value: Located<Money>?
    }
    public var asOf: Located<String>
    public var statedTotal: Holding?
    public var buildings: Holding?
    public var offices: Holding?
    public var vehicles: [Vehicles]
    public var equipment: [Equipment]
    public var furniture: Holding?
    public var other: Holding?
    public var plannedPurchase: Located<Money>?
    public var plannedVehicles: Located<Int>?
    public var plannedEquipment: Located<Int>?
    public var location: SourceLocation
}

public struct DepartmentPerformance: Sendable {
    public struct Part: Sendable {
        public var name: Located<String>
        public var duty: [Located<String>]
        public var goal: [Located<String>]
    }
    public struct Task: Sendable {
        public var name: Located<String>
        public var content: Located<String>?
        public var amount: Located<Money>?
        public var otherFunds: Located<Money>?
    }
    public var overallGoal: [Located<String>]
    public var parts: [Part]
    public var measures: [Located<String>]
    public var tasks: [Task]
    public var indicators: [Indicator]
}

/// Last year's figures: from last year's file, stated inline, or both (inline then wins).
public struct PriorYear: Sendable {
    public var file: Located<String>?

    /// Where `file` is on disk, read relative to the data file that names it.
    public func path(relativeTo dataFile: String) -> String? {
        file.map { PriorYearFile.resolve($0.value, relativeTo: dataFile) }
    }

    /// Last year's whole input, when a file was named and read.
    public var input: BudgetInputBox?
    public var stated: FigureSet<Located<Money>>
    public var location: SourceLocation
}

/// Boxes a prior year's input (a struct cannot hold itself).
public final class BudgetInputBox: Sendable {
    public let value: BudgetInput
    public init(_ value: BudgetInput) { self.value = value }
}

/// Figures addressed the same way for 上年, 增减原因 and 核对数.
public struct FigureSet<Value: Sendable>: Sendable {
    public var total: Value?
    public var basic: Value?
    public var personnel: Value?
    public var publicUse: Value?
    public var project: Value?
    public var income: [FundSource: Value] = [:]
    public var functional: [String: Value] = [:]
    public var economic: [String: Value] = [:]
    public var governmentEconomic: [String: Value] = [:]
    public var threePublicTotal: Value?
    public var threePublic: [ThreePublicItem: Value] = [:]
    public var officeOperation: Value?
    public var procurement: Value?

    public init() {}
}

/// `Indicator` as seen from modules where `BudgetInput` names the struct, not the module.
public typealias InputIndicator = Indicator

import BudgetCore

/// The amount columns of an expenditure row; adds up exactly along the subject tree.
public struct ExpenditureColumns: Sendable, Codable, Equatable {
    /// 人员经费.
    public var personnel = Money.zero
    /// 公用经费.
    public var publicUse = Money.zero
    /// 基本支出 typed without the 人员/公用 split.
    public var unsplitBasic = Money.zero
    /// 项目支出.
    public var project = Money.zero
    /// 经营支出.
    public var operating = Money.zero
    /// 上缴上级支出.
    public var remittedUpward = Money.zero
    /// 对附属单位补助支出.
    public var subsidiesToAffiliates = Money.zero

    public init() {}

    /// 基本支出 = 人员经费 + 公用经费.
    public var basic: Money { personnel + publicUse + unsplitBasic }
    /// 合计.
    public var total: Money { basic + project + operating + remittedUpward + subsidiesToAffiliates }

    public static func + (a: ExpenditureColumns, b: ExpenditureColumns) -> ExpenditureColumns {
        var sum = ExpenditureColumns()
        sum.personnel = a.personnel + b.personnel
        sum.publicUse = a.publicUse + b.publicUse
        sum.unsplitBasic = a.unsplitBasic + b.unsplitBasic
        sum.project = a.project + b.project
        sum.operating = a.operating + b.operating
        sum.remittedUpward = a.remittedUpward + b.remittedUpward
        sum.subsidiesToAffiliates = a.subsidiesToAffiliates + b.subsidiesToAffiliates
        return sum
    }

    enum CodingKeys: String, CodingKey {
        case total = "合计", basic = "基本支出", personnel = "人员经费", publicUse = "公用经费"
        case project = "项目支出", operating = "经营支出", remittedUpward = "上缴上级支出"
        case subsidiesToAffiliates = "对附属单位补助支出"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(total, forKey: .total)
        try container.encode(basic, forKey: .basic)
        try container.encode(personnel, forKey: .personnel)
        try container.encode(publicUse, forKey: .publicUse)
        try container.encode(project, forKey: .project)
        try container.encode(operating, forKey: .operating)
        try container.encode(remittedUpward, forKey: .remittedUpward)
        try container.encode(subsidiesToAffiliates, forKey: .subsidiesToAffiliates)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        personnel = try container.decode(Money.self, forKey: .personnel)
        publicUse = try container.decode(Money.self, forKey: .publicUse)
        unsplitBasic = try container.decode(Money.self, forKey: .basic) - personnel - publicUse
        project = try container.decode(Money.self, forKey: .project)
        operating = try container.decode(Money.self, forKey: .operating)
        remittedUpward = try container.decode(Money.self, forKey: .remittedUpward)
        subsidiesToAffiliates = try container.decode(Money.self, forKey: .subsidiesToAffiliates)
    }
}

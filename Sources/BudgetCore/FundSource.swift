/// Where the money of an expenditure comes from (资金来源). Income by source is derived from these.
public enum FundSource: String, CaseIterable, Sendable, Codable {
    /// 一般公共预算拨款, 本级一般财力.
    case general = "一般公共预算"
    /// 上级一般公共预算安排的转移支付.
    case generalTransfer = "上级一般公共预算转移支付"
    /// 政府性基金预算拨款 (本级).
    case fund = "政府性基金"
    case fundTransfer = "上级政府性基金转移支付"
    /// 国有资本经营预算拨款 (本级).
    case stateCapital = "国有资本经营"
    case stateCapitalTransfer = "上级国有资本经营转移支付"
    /// 财政专户管理资金 (财政专户核拨).
    case specialAccount = "财政专户"
    case businessIncome = "事业收入"
    case superiorSubsidy = "上级补助收入"
    case affiliatedRemittance = "附属单位上缴收入"
    case operatingIncome = "事业单位经营收入"
    case otherIncome = "其他收入"
    /// 上年财政拨款结转 by kind, and 非财政拨款结转结余.
    case carryOverGeneral = "上年结转-一般公共预算"
    case carryOverFund = "上年结转-政府性基金"
    case carryOverStateCapital = "上年结转-国有资本经营"
    case carryOverSpecialAccount = "上年结转-财政专户"
    case carryOverUnitFunds = "上年结转-单位资金"

    /// The income groups the tables print (收入 rows).
    public enum Group: String, CaseIterable, Sendable, Codable {
        case general = "一般公共预算"
        case fund = "政府性基金"
        case stateCapital = "国有资本经营"
        case specialAccount = "财政专户"
        case unitFunds = "单位资金"
        case carryOver = "上年结转结余"
    }

    public var group: Group {
        switch self {
        case .general, .generalTransfer: return .general
        case .fund, .fundTransfer: return .fund
        case .stateCapital, .stateCapitalTransfer: return .stateCapital
        case .specialAccount: return .specialAccount
        case .businessIncome, .superiorSubsidy, .affiliatedRemittance, .operatingIncome, .otherIncome: return .unitFunds
        case .carryOverGeneral, .carryOverFund, .carryOverStateCapital, .carryOverSpecialAccount, .carryOverUnitFunds:
            return .carryOver
        }
    }

    /// 财政拨款: this year's appropriations from the three budgets.
    public var isAppropriation: Bool { [.general, .fund, .stateCapital].contains(group) }
    /// 上级转移支付: appropriations the level above arranged (上级安排, as against 本级安排).
    public var isUpperTransfer: Bool { [.generalTransfer, .fundTransfer, .stateCapitalTransfer].contains(self) }
    /// 上年结转 of 财政拨款 (一般公共预算, 政府性基金, 国有资本经营).
    public var isAppropriationCarryOver: Bool { [.carryOverGeneral, .carryOverFund, .carryOverStateCapital].contains(self) }
}

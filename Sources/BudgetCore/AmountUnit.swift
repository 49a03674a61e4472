/// The unit amounts are typed and printed in (金额单位).
public enum AmountUnit: String, Sendable, Codable, CaseIterable {
    case yuan = "元"
    case wanYuan = "万元"

    /// How many 分 one unit holds.
    public var fenPerUnit: Int64 {
        switch self {
        case .yuan: return 100
        case .wanYuan: return 1_000_000
        }
    }

    /// The most decimals a typed amount may carry: anything finer than 1 分 cannot be paid.
    public var maximumDecimals: Int {
        switch self {
        case .yuan: return 2
        case .wanYuan: return 6
        }
    }
}

/// How a figure moved against last year's (比上年增加/减少/持平).
public struct YearOverYearChange: Hashable, Sendable, Codable {
    public enum Direction: String, Sendable, Codable {
        /// 增加 … 增长 …
        case increase = "增加"
        /// 减少 … 下降 …
        case decrease = "减少"
        /// 持平
        case unchanged = "持平"
    }

    public let current: Money
    public let prior: Money
    public var delta: Money { current - prior }
    public var direction: Direction {
        if delta.isZero { return .unchanged }
        return delta.isNegative ? .decrease : .increase
    }
    /// The change as a share of last year's figure; nil when last year had none (a new item).
    public var percent: Percent? { Percent.ratio(delta.magnitude, of: prior.magnitude) }
    /// Last year had nothing, this year has something (新增).
    public var isNew: Bool { prior.isZero && !current.isZero }
    /// This year has nothing, last year had something (取消).
    public var isRemoved: Bool { current.isZero && !prior.isZero }

    public init(current: Money, prior: Money) {
        self.current = current
        self.prior = prior
    }

    /// The seeds' wording: `增加 17.50 万元，增长 7.89%` / `减少 3.00 万元，下降 100.00%` / `持平`.
    /// A new item grows by 100.00%, as the published documents print it.
    public func phrase(unit: AmountUnit, decimals: Int = 2, grouping: Bool = false, separator: String = "，") -> String {
        let amount = delta.magnitude.formatted(in: unit, decimals: decimals, grouping: grouping) + unit.rawValue
        switch direction {
        case .unchanged:
            return "持平"
        case .increase:
            let share = percent ?? .hundred
            return "增加\(amount)\(separator)增长\(share)"
        case .decrease:
            let share = percent ?? .hundred
            return "减少\(amount)\(separator)下降\(share)"
        }
    }
}

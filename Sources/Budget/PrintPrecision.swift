import BudgetCore

/// The unit and decimals a document prints amounts at. Controlled rounding rounds the leaves to
/// it, so every total printed at this precision is the sum of its printed parts; the format
/// chooses it (金额 in format.yaml), by default the data's unit with two decimals.
public struct PrintPrecision: Sendable, Codable, Hashable, CustomStringConvertible {
    public let unit: AmountUnit
    public let decimals: Int

    public init(unit: AmountUnit, decimals: Int = 2) {
        self.unit = unit
        self.decimals = decimals
    }

    /// The family the money filters record their figures under (`万元/2`, DocumentSelfCheck).
    public var description: String { "\(unit.rawValue)/\(decimals)" }
}

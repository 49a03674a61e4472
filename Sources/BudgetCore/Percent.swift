/// A percentage with two decimals (占 89.37%), exact: counted in hundredths of a percent.
public struct Percent: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Hundredths of a percent: 8937 means 89.37%.
    public let basisPoints: Int64

    public init(basisPoints: Int64) { self.basisPoints = basisPoints }

    /// `part / whole`, rounded half away from zero to 0.01%; nil when `whole` is zero.
    public static func ratio(_ part: Money, of whole: Money) -> Percent? {
        guard !whole.isZero else { return nil }
        // part and whole are bounded by input limits (< 2^50 分), so part × 10 000 fits in Int64.
        let (product, overflow) = part.fen.multipliedReportingOverflow(by: 10_000)
        guard !overflow else { return nil }
        return Percent(basisPoints: Money.roundedDivision(product, by: whole.fen))
    }

    public static let hundred = Percent(basisPoints: 10_000)
    public static func < (a: Percent, b: Percent) -> Bool { a.basisPoints < b.basisPoints }

    public var magnitude: Percent { Percent(basisPoints: abs(basisPoints)) }

    /// `89.37%`.
    public var description: String {
        let value = abs(basisPoints)
        let text = "\(value / 100)." + String(String(value % 100 + 100).dropFirst())
        return (basisPoints < 0 ? "-" : "") + text + "%"
    }
}

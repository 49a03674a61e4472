/// An exact amount of money, counted in 分 (hundredths of a 元). Never a floating-point value.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The amount in 分.
    public let fen: Int64

    public init(fen: Int64) { self.fen = fen }

    public static let zero = Money(fen: 0)

    /// The largest amount a single input figure may hold: 100 亿元. Sums of up to a million such
    /// figures stay far inside Int64, so arithmetic on parsed input can never overflow.
    public static let inputLimit = Money(fen: 1_000_000_000_000)

    public var isZero: Bool { fen == 0 }
    public var isNegative: Bool { fen < 0 }

    public static func + (a: Money, b: Money) -> Money { Money(fen: a.fen &+ b.fen) }
    public static func - (a: Money, b: Money) -> Money { Money(fen: a.fen &- b.fen) }
    public static prefix func - (a: Money) -> Money { Money(fen: 0 &- a.fen) }
    public static func += (a: inout Money, b: Money) { a = a + b }
    public static func -= (a: inout Money, b: Money) { a = a - b }
    public static func < (a: Money, b: Money) -> Bool { a.fen < b.fen }

    public var magnitude: Money { Money(fen: fen < 0 ? 0 &- fen : fen) }

    /// The amount rounded half away from zero to `decimals` places of `unit`, as an integer count
    /// of those places (e.g. 2368819 元 in 万元 with 2 decimals gives 23688).
    public func scaled(to unit: AmountUnit, decimals: Int) -> Int64 {
        var divisor = unit.fenPerUnit
        var places = decimals
        // A place finer than 1 分 is impossible; cap so the divisor stays a whole number of 分.
        while places > 0 && divisor % 10 == 0 { divisor /= 10; places -= 1 }
        var scaled = Money.roundedDivision(fen, by: divisor)
        for _ in 0..<places { scaled = scaled &* 10 }
        return scaled
    }

    /// The amount as printed: rounded half away from zero to `decimals` places of `unit`,
    /// optionally with thousands separators (1,020.11).
    public func formatted(in unit: AmountUnit, decimals: Int = 2, grouping: Bool = false) -> String {
        let scaled = scaled(to: unit, decimals: decimals)
        let negative = scaled < 0
        let digits = String(scaled.magnitude)
        let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        let integerPart = String(padded.dropLast(decimals))
        let fraction = String(padded.suffix(decimals))
        let grouped = grouping ? Money.group(integerPart) : integerPart
        return (negative ? "-" : "") + grouped + (decimals > 0 ? "." + fraction : "")
    }

    /// The same amount rounded to the precision a document prints (e.g. to 0.01 万元).
    public func rounded(to unit: AmountUnit, decimals: Int = 2) -> Money {
        var step: Int64 = unit.fenPerUnit
        for _ in 0..<decimals { step /= 10 }
        step = max(step, 1)
        return Money(fen: Money.roundedDivision(fen, by: step) &* step)
    }

    public var description: String { formatted(in: .yuan) + "元" }

    /// Integer division rounding half away from zero.
    static func roundedDivision(_ value: Int64, by divisor: Int64) -> Int64 {
        let quotient = value / divisor
        let remainder = value % divisor
        if remainder.magnitude * 2 >= divisor.magnitude {
            return value < 0 ? quotient - 1 : quotient + 1
        }
        return quotient
    }

    static func group(_ digits: String) -> String {
        var out: [Character] = []
        for (index, character) in digits.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return String(out.reversed())
    }
}

extension Sequence where Element == Money {
    /// The exact sum.
    public func sum() -> Money { reduce(.zero, +) }
}

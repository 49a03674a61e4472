import Foundation

extension CodingUserInfoKey {
    /// The `AmountUnit` money is written in; 元 when absent.
    public static let amountUnit = CodingUserInfoKey(rawValue: "gongkai.amountUnit")!
}

/// Money travels as exact decimal text in the document's unit (`"595.88"`), never as a float.
extension Money: Codable {
    public func encode(to encoder: Encoder) throws {
        let unit = encoder.userInfo[.amountUnit] as? AmountUnit ?? .yuan
        var container = encoder.singleValueContainer()
        try container.encode(exactText(in: unit))
    }

    public init(from decoder: Decoder) throws {
        let unit = decoder.userInfo[.amountUnit] as? AmountUnit ?? .yuan
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        switch MoneyParser.parse(text, unit: unit) {
        case .success(let money): self = money
        case .failure: throw DecodingError.dataCorruptedError(in: container, debugDescription: "不是金额：\(text)")
        }
    }

    /// The shortest text, with at least two decimals, that states the amount exactly in `unit`.
    public func exactText(in unit: AmountUnit) -> String {
        var decimals = 2
        while decimals < unit.maximumDecimals && rounded(to: unit, decimals: decimals) != self { decimals += 1 }
        return formatted(in: unit, decimals: decimals)
    }
}

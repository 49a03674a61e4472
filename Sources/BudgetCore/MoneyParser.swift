/// Reads an amount from the exact text a user typed (never through Double).
public enum MoneyParser {
    public enum Failure: Error, Equatable, Sendable {
        case empty
        case malformed
        case tooManyDecimals(found: Int, allowed: Int)
        case tooLarge
    }

    /// Accepts `595.88`, `-3`, `1,020.11`, `2368819.00`. Rejects `12.3.4`, `1e5`, `.5`, `1,02.0`.
    public static func parse(_ text: String, unit: AmountUnit) -> Result<Money, Failure> {
        var characters = Substring(text.trimmingSpaces())
        if characters.isEmpty { return .failure(.empty) }
        var negative = false
        if characters.first == "-" || characters.first == "+" {
            negative = characters.first == "-"
            characters = characters.dropFirst()
        }
        let parts = characters.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let integerText = parts.first, !integerText.isEmpty else {
            return .failure(.malformed)
        }
        guard let integerDigits = digitsRemovingGroupSeparators(integerText) else { return .failure(.malformed) }
        let fractionText = parts.count == 2 ? parts[1] : ""
        if parts.count == 2 && fractionText.isEmpty { return .failure(.malformed) }
        guard fractionText.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .failure(.malformed) }
        if fractionText.count > unit.maximumDecimals {
            return .failure(.tooManyDecimals(found: fractionText.count, allowed: unit.maximumDecimals))
        }
        let trimmedInteger = integerDigits.drop(while: { $0 == "0" })
        if trimmedInteger.count > 13 { return .failure(.tooLarge) }
        var fen: Int64 = 0
        for digit in trimmedInteger { fen = fen * 10 + Int64(digit.wholeNumberValue!) }
        fen *= unit.fenPerUnit
        var placeValue = unit.fenPerUnit
        for digit in fractionText {
            placeValue /= 10
            fen += Int64(digit.wholeNumberValue!) * placeValue
        }
        let money = Money(fen: negative ? -fen : fen)
        if money.magnitude > Money.inputLimit { return .failure(.tooLarge) }
        return .success(money)
    }

    /// `1,020` → `1020`; nil when the separators are not in groups of three or a non-digit appears.
    static func digitsRemovingGroupSeparators(_ text: Substring) -> Substring? {
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        for (index, group) in groups.enumerated() {
            guard !group.isEmpty, group.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            if groups.count > 1 {
                if index == 0 && group.count > 3 { return nil }
                if index > 0 && group.count != 3 { return nil }
            }
        }
        return Substring(groups.joined())
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}

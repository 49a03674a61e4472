import CICU

/// Unicode line-break opportunities (UAX #14, ICU's line iterator with the zh locale), before the
/// Chinese tailoring of LineBreakRules.
enum BreakOpportunities {
    /// Character indices where ICU lets a line start: ascending, without 0, with `characters.count`.
    static func unicode(_ characters: [Character]) -> [Int] {
        guard !characters.isEmpty else { return [] }
        var utf16: [UInt16] = []
        utf16.reserveCapacity(characters.count)
        // ICU speaks UTF-16 offsets; map each character's first code unit back to its index
        // (-1 inside a character).
        var characterAt: [Int] = []
        characterAt.reserveCapacity(characters.count + 1)
        for (index, character) in characters.enumerated() {
            let units = character.utf16
            utf16.append(contentsOf: units)
            characterAt.append(index)
            characterAt.append(contentsOf: repeatElement(-1, count: units.count - 1))
        }
        characterAt.append(characters.count)
        guard let offsets = icuBreaks(utf16) else { return everyBoundary(characters.count) }
        // An offset inside a character (ICU and Swift disagree on a grapheme) is no opportunity.
        let breaks = offsets.compactMap { offset in
            characterAt.indices.contains(Int(offset)) && characterAt[Int(offset)] > 0 ? characterAt[Int(offset)] : nil
        }
        return breaks.last == characters.count ? breaks : breaks + [characters.count]
    }

    /// ICU's boundaries as UTF-16 offsets, or nil when ICU fails.
    private static func icuBreaks(_ utf16: [UInt16]) -> [Int32]? {
        var positions = [Int32](repeating: 0, count: utf16.count + 1)
        let count = utf16.withUnsafeBufferPointer { text in
            positions.withUnsafeMutableBufferPointer { out in
                gk_line_break_positions(text.baseAddress, Int32(text.count), out.baseAddress, Int32(out.count))
            }
        }
        guard count >= 0 else { return nil }
        return Array(positions.prefix(Int(min(count, Int32(positions.count)))))
    }

    /// Without ICU, every character boundary; the tailoring still removes the forbidden ones.
    private static func everyBoundary(_ count: Int) -> [Int] { Array(1...count) }
}

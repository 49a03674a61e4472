/// Character classes the Chinese layout rules speak of: Han, figures (Latin and digits), wide, spaces.
extension Unicode.Scalar {
    /// A Han ideograph (CJK unified and compatibility ideographs, 〇).
    var isHan: Bool {
        switch value {
        case 0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: return true
        default: return false
        }
    }

    /// East Asian wide or full-width (UAX #11 W/F): Han, kana, hangul, CJK and full-width punctuation.
    var isWide: Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Punctuation that is full-width in a Chinese font but narrow in a Latin one (UAX #11 “ambiguous”):
    /// its width comes from the glyph, not the code point.
    var isAmbiguousPunctuation: Bool {
        switch value {
        case 0x2014, 0x2015, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x00B7, 0x2E3A: return true
        default: return false
        }
    }

    /// A letter or digit of a Latin word, a number or a code (not East Asian wide).
    var isWordCharacter: Bool {
        !isWide && (properties.isAlphabetic || ("0"..."9").contains(self))
    }

    /// A decimal digit, half- or full-width (numbers stay with their units).
    var isDigit: Bool {
        ("0"..."9").contains(self) || (0xFF10...0xFF19).contains(value)
    }

    /// Latin text or a figure for the Han–Latin quarter em: a word character, or % and ‰ ending a figure.
    var isFigure: Bool {
        isWordCharacter || self == "%" || self == "‰"
    }

    /// A plain space: a word separator that disappears at a line end.
    var isPlainSpace: Bool { self == " " }
}

extension Character {
    /// The character's first scalar, which decides its class (a base letter before its combining marks).
    var leadingScalar: Unicode.Scalar { unicodeScalars.first! }
    var isHan: Bool { leadingScalar.isHan }
    var isFigure: Bool { leadingScalar.isFigure }
    var isWordCharacter: Bool { leadingScalar.isWordCharacter }
    var isDigit: Bool { leadingScalar.isDigit && unicodeScalars.count == 1 }
    var isWide: Bool { leadingScalar.isWide }
}

import BudgetCore
import Render

/// Before typesetting: every character typed in the data must be printable in some configured
/// font, reported at its line and column (layout alone can only name the text it occurs in).
public enum GlyphCoverage {
    /// One error per uncovered character, at its first occurrence. `texts` are stage 1's runs,
    /// each located at its first character, so counting from there gives each one's column.
    public static func diagnostics(for texts: [Located<String>], fonts: FontLibrary) -> [Diagnostic] {
        var checked = CheckedCharacters()
        var found: [Diagnostic] = []
        for text in texts {
            // Most texts have only characters some font has: nothing to report, so no need to walk
            // them by Character (a grapheme break each).
            if text.value.unicodeScalars.allSatisfy({ Self.printable($0, fonts) }) { continue }
            var line = text.location.line, column = text.location.column
            for character in text.value {
                // A character is checked where it first occurs, so that is where it is reported.
                if checked.insert(character) {
                    let printable = character.isNewline || Self.printable(character, fonts)
                    if !printable { found.append(missing(character, at: SourceLocation(file: text.location.file, line: line, column: column))) }
                }
                // Columns count Unicode scalars, as libyaml's marks do.
                if character == "\n" { line += 1; column = 1 } else { column += character.unicodeScalars.count }
            }
        }
        return found.sortedBySource()
    }

    private static func missing(_ character: Character, at place: SourceLocation) -> Diagnostic {
        let codes = character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
        return .error("glyph.missing", "字符“\(character)”（\(codes)）没有任何已配置的字体包含，无法排印（请改用常用字，或在 Fonts/roles.tsv 中加入含有它的字体）",
                      at: place)
    }

    /// Some face of the 正文 role (its fallbacks end in faces that cover Latin and symbols) has it.
    /// Control characters are stage 1's to refuse, by code point.
    private static func printable(_ character: Character, _ fonts: FontLibrary) -> Bool {
        character.unicodeScalars.allSatisfy { printable($0, fonts) }
    }

    private static func printable(_ scalar: Unicode.Scalar, _ fonts: FontLibrary) -> Bool {
        scalar.value == 0x20 || fonts.anyFamilyCovers(scalar, role: .body) || scalar.properties.generalCategory == .control
    }
}

/// The characters already checked. Most are one scalar, kept as its value: hashing a Character
/// normalises it first, which made this set most of the check's time.
private struct CheckedCharacters {
    private var scalars: Set<UInt32> = []
    private var clusters: Set<Character> = []

    /// Adds `character`; whether it was new.
    mutating func insert(_ character: Character) -> Bool {
        let units = character.unicodeScalars
        if let first = units.first, units.index(after: units.startIndex) == units.endIndex {
            return scalars.insert(first.value).inserted
        }
        return clusters.insert(character).inserted
    }
}

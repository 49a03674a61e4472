import BudgetCore
import BudgetInput
import Document
import Foundation
import Render

/// Before typesetting: every character typed in the data must be printable in some configured
/// font, reported at its line and column (layout alone can only name the text it occurs in).
enum GlyphCoverage {
    static func diagnostics(for path: String, fonts: FontLibrary) -> [Diagnostic] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        var reported = Set<Character>()
        var checked: [Character: Bool] = [:]
        var found: [Diagnostic] = []
        for value in InputText.values(data: data, path: path) {
            var line = value.location.line, column = value.location.column
            for character in value.value {
                defer {
                    if character == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                if checked[character] == nil { checked[character] = character.isNewline || printable(character, fonts) }
                guard checked[character] == false, !reported.contains(character) else { continue }
                reported.insert(character)
                let codes = character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
                found.append(.error("glyph.missing", "字符“\(character)”（\(codes)）没有任何已配置的字体包含，无法排印（请改用常用字，或在 Fonts/roles.tsv 中加入含有它的字体）",
                                    at: SourceLocation(file: path, line: line, column: column)))
            }
        }
        return found
    }

    /// Some face of the 正文 role (its fallbacks end in faces that cover Latin and symbols) has it.
    private static func printable(_ character: Character, _ fonts: FontLibrary) -> Bool {
        character.unicodeScalars.allSatisfy { scalar in
            if scalar.properties.generalCategory == .control || scalar.value == 0x20 { return true }
            return fonts.families(of: .body).indices.contains { (try? fonts.covers(scalar, role: .body, index: $0)) == true }
        }
    }
}

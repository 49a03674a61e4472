import Document
import Layout

/// A stretch of text (a UTF-8 byte range) that one family of a role shapes: the primary family
/// where it has the glyphs, else the first fallback that does.
struct FaceRun: Equatable {
    var family: Int
    var bytes: Range<Int>

    /// Splits `text` into runs by family. Throws MissingGlyph for a character no family covers.
    static func split(_ text: String, role: FontRole, fonts: FontLibrary) throws -> [FaceRun] {
        let familyCount = fonts.families(of: role).count
        var runs: [FaceRun] = []
        var offset = 0
        for character in text {
            let length = character.utf8.count
            let family = try isInvisible(character)
                ? runs.last?.family ?? 0
                : firstFamily(covering: character, role: role, count: familyCount, fonts: fonts, text: text)
            if let last = runs.last, last.family == family {
                runs[runs.count - 1].bytes = last.bytes.lowerBound..<(offset + length)
            } else {
                runs.append(FaceRun(family: family, bytes: offset..<(offset + length)))
            }
            offset += length
        }
        return runs
    }

    private static func firstFamily(covering character: Character, role: FontRole, count: Int,
                                    fonts: FontLibrary, text: String) throws -> Int {
        for family in 0..<count where try covers(character, family: family, role: role, fonts: fonts) {
            return family
        }
        throw MissingGlyph(character: character, role: role, text: text)
    }

    /// A face covers a character when it has every visible scalar of it (a variation selector the
    /// face lacks is dropped by HarfBuzz, leaving the base character).
    private static func covers(_ character: Character, family: Int, role: FontRole, fonts: FontLibrary) throws -> Bool {
        for scalar in character.unicodeScalars where !scalar.properties.isDefaultIgnorableCodePoint {
            if try !fonts.covers(scalar, role: role, index: family) { return false }
        }
        return true
    }

    /// Default-ignorable only (a lone zero-width joiner or variation selector): nothing to draw,
    /// so it stays with the run before it.
    private static func isInvisible(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { $0.properties.isDefaultIgnorableCodePoint }
    }
}

import Document

/// Fake metrics for tests and previews: a Han character or full-width mark is 1 em wide, anything
/// else half an em; glyph ids are the Unicode scalars. Every character is covered, except those
/// listed in `missing`.
public final class FixedWidthShaper: TextShaper {
    public var missing: Set<Character>
    /// How many times `shape` ran (to test caching upstream).
    public private(set) var calls = 0

    public init(missing: Set<Character> = []) {
        self.missing = missing
    }

    public func shape(_ text: String, role: FontRole, size: Double, bold: Bool) throws -> ShapedText {
        calls += 1
        var glyphs: [ShapedGlyph] = []
        var offset = 0
        for character in text {
            if missing.contains(character) { throw MissingGlyph(character: character, role: role, text: text) }
            let scalar = character.unicodeScalars.first!.value
            let wide = FixedWidthShaper.isWide(scalar)
            glyphs.append(ShapedGlyph(id: scalar, face: FaceID(role: role, index: 0, bold: bold), cluster: offset,
                                      advance: wide ? size : size / 2))
            offset += character.utf8.count
        }
        return ShapedText(text: text, size: size, glyphs: glyphs)
    }

    public func verticalMetrics(role: FontRole, size: Double) -> (ascent: Double, descent: Double) {
        (size * 0.88, size * 0.12)
    }

    static func isWide(_ scalar: UInt32) -> Bool {
        (0x2E80...0x9FFF).contains(scalar) || (0xF900...0xFAFF).contains(scalar) || (0xFF00...0xFF60).contains(scalar)
            || (0x3000...0x303F).contains(scalar) || scalar == 0x201C || scalar == 0x201D || scalar == 0x2018 || scalar == 0x2019
            || scalar == 0x2026 || scalar == 0x2014
    }
}

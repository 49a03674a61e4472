import Document

/// One line of a paragraph or table cell: glyph runs positioned relative to the line's left edge
/// and baseline (y = 0), alignment already applied.
public struct LaidLine: Sendable {
    public var runs: [GlyphRun]
    /// Where the line's last glyph ends, from the line's left edge: indent and alignment included,
    /// so a justified line (not a paragraph's last) has exactly the width it was laid out in.
    public var width: Double
    /// Where the first glyph's pen position is: the first-line indent or the alignment offset.
    public var start: Double

    public init(runs: [GlyphRun], width: Double, start: Double = 0) {
        self.runs = runs
        self.width = width
        self.start = start
    }

    /// The characters the line shows (its runs' texts joined).
    public var text: String { runs.map(\.text).joined() }
}

/// Breaks text into lines of a width and sets them (TYPOGRAPHY.md), step by step:
/// space normalisation (HanLatinSpacing), break opportunities (BreakOpportunities, tailored by
/// LineBreakRules), shaping by segment (ShapeCache), punctuation squeezing (PunctuationSqueeze),
/// the Han–Latin quarter em, line fitting (LineFitting, then LastLineBalance against a lone
/// character on the last line), justification and alignment
/// (Justification), and glyph runs per face (LineRuns).
public final class ParagraphLayouter {
    public let shaper: TextShaper
    public let rules: LineBreakRules
    private let cache: ShapeCache
    private let lines = LineCache()

    public init(shaper: TextShaper, rules: LineBreakRules = .chinese) {
        self.shaper = shaper
        self.rules = rules
        self.cache = ShapeCache(shaper: shaper)
    }

    /// The lines of `text` in `style` within `width` points; `wraps: false` keeps it on one line
    /// (codes and numbers), however wide. A line break in the text ends a line (not justified).
    /// Throws `MissingGlyph` (naming the whole text) for a character no face covers.
    public func layout(_ text: String, style: TextStyle, width: Double, wraps: Bool = true) throws -> [LaidLine] {
        try lines.lines(text, style: style, width: width, wraps: wraps) {
            try setLines(text, style: style, width: width, wraps: wraps)
        }
    }

    private func setLines(_ text: String, style: TextStyle, width: Double, wraps: Bool) throws -> [LaidLine] {
        let indent = style.firstLineIndent * style.size
        let parts = wraps ? text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(Array.init)
                          : [text.map { $0.isNewline ? " " : $0 }]
        var lines: [LaidLine] = []
        for (index, part) in parts.enumerated() {
            do {
                lines += try layoutPart(part, style: style, width: width, wraps: wraps, indent: index == 0 ? indent : 0)
            } catch let missing as MissingGlyph {
                // The shaper saw one segment; the reader needs the sentence it is in.
                throw MissingGlyph(character: missing.character, role: missing.role, text: text)
            }
        }
        return lines
    }

    /// Lays out text without hard line breaks.
    private func layoutPart(_ part: [Character], style: TextStyle, width: Double, wraps: Bool, indent: Double) throws -> [LaidLine] {
        let characters = HanLatinSpacing.normalisingSpaces(part)
        // Text that cannot fill the line (no glyph is wider than an em, plus a quarter em of
        // Han–Latin spacing) needs no break opportunities: most table cells, saving an ICU pass.
        let surelyOneLine = !wraps || Double(characters.count) * 1.25 * style.size + indent <= width
        let breaks = surelyOneLine ? (characters.isEmpty ? [] : [characters.count])
            : rules.tailor(BreakOpportunities.unicode(characters), in: characters)
        var paragraph = try ShapedParagraph(characters, breaks: breaks, style: style, cache: cache)
        PunctuationSqueeze.squeezePairs(&paragraph.pieces, em: style.size)
        HanLatinSpacing.addSpaces(&paragraph.pieces, em: style.size)
        let fitter = LineFitter(paragraph: paragraph, rules: rules)
        let fitted = wraps ? fitter.fit(width: width, indent: indent) : fitter.single()
        let face = FaceID(role: style.role, index: 0, bold: style.bold)
        return fitted.map { line in
            let set = Justification.set(line, of: paragraph, alignment: style.alignment, width: width, indent: indent, wraps: wraps)
            return LineRuns.laidLine(set, of: paragraph, defaultFace: face)
        }
    }
}

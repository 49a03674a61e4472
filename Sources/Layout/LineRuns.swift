/// Turns a set line into glyph runs: one run per consecutive face (fallback faces), each with the
/// exact slice of text it shows and clusters covering that slice and its glyphs, so the PDF's
/// ToUnicode gives back the original characters.
enum LineRuns {
    /// The laid line, runs positioned relative to its left edge and baseline.
    static func laidLine(_ line: SetLine, of paragraph: ShapedParagraph, defaultFace: FaceID) -> LaidLine {
        var runs: [GlyphRun] = []
        var current: RunBuilder?
        var pen = line.start
        for (position, set) in line.pieces.enumerated() {
            let piece = paragraph.pieces[set.index]
            if position > 0 { pen += set.spaceBefore + set.gap }
            // A trimmed left blank moves the glyph left: its ink lands where the pen is.
            let origin = pen - set.trimLeft
            // A piece without glyphs (bytes a shaper ignored) rides with the run around it.
            let face = piece.face ?? current?.face ?? defaultFace
            if let builder = current, builder.face != face {
                runs.append(builder.run(paragraph))
                current = nil
            }
            if current == nil { current = RunBuilder(face: face, x: origin, start: piece.bytes.lowerBound) }
            current!.add(piece, at: origin)
            pen = origin + piece.advance - set.trimRight
        }
        if let builder = current { runs.append(builder.run(paragraph)) }
        // Spread gaps add up with rounding errors; a justified line must end exactly at its width.
        let width = abs(pen - line.bound) <= LineFitter.tolerance ? line.bound : pen
        return LaidLine(runs: runs, width: width, start: line.start)
    }
}

/// A glyph run being collected, piece by piece.
private struct RunBuilder {
    let face: FaceID
    /// The run's origin on the line: the first piece's glyph origin.
    let x: Double
    let start: Int
    var end: Int
    var glyphs: [(id: UInt32, x: Double, y: Double)] = []
    var clusters: [(bytes: Int, glyphs: Int)] = []

    init(face: FaceID, x: Double, start: Int) {
        self.face = face
        self.x = x
        self.start = start
        self.end = start
    }

    mutating func add(_ piece: Piece, at origin: Double) {
        var advance = 0.0
        for glyph in piece.glyphs {
            // Shapers give y offsets upwards; page coordinates grow downwards.
            glyphs.append((glyph.id, origin - x + advance + glyph.offsetX, -glyph.offsetY))
            advance += glyph.advance
        }
        clusters.append((piece.bytes.count, piece.glyphs.count))
        end = piece.bytes.upperBound
    }

    func run(_ paragraph: ShapedParagraph) -> GlyphRun {
        GlyphRun(face: face, size: paragraph.em, x: x, y: 0, glyphs: glyphs, text: paragraph.string(start..<end), clusters: clusters)
    }
}

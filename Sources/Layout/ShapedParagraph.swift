import Document

/// One cluster of shaped text: the bytes it stands for and the glyphs drawing it. Lines are cut
/// between pieces; squeezing, spacing and justification move whole pieces.
struct Piece {
    /// UTF-8 byte offsets in the paragraph's (normalised) text.
    var bytes: Range<Int>
    var glyphs: [ShapedGlyph]
    /// Sum of the glyph advances, in points.
    var advance: Double
    /// The first and last characters, which decide the piece's class.
    var first: Character
    var last: Character
    /// Amounts cut from the left and right of a full-width mark (the glyph stays, its blank goes).
    var trimLeft = 0.0
    var trimRight = 0.0
    /// Blank left on each side of a full-width mark, which squeezing may still remove.
    var blankLeft = 0.0
    var blankRight = 0.0
    /// Extra space between the previous piece and this one (the Han–Latin quarter em), dropped at a line start.
    var spaceBefore = 0.0

    /// The advance after trims: what the piece takes on the line.
    var net: Double { advance - trimLeft - trimRight }
    /// A word space, dropped at a line end.
    var isSpace: Bool { first.leadingScalar.isPlainSpace && last.leadingScalar.isPlainSpace }
    /// What squeezing may still take from it.
    var squeezable: Double { blankLeft + blankRight }
    var face: FaceID? { glyphs.first?.face }

    /// East Asian wide: set on the character grid (ambiguous marks count when their glyph is full-width).
    func isWide(em: Double) -> Bool {
        first.isWide || last.isWide || (first.leadingScalar.isAmbiguousPunctuation && advance >= 0.75 * em)
    }
}

/// A paragraph's normalised text shaped segment by segment (between break opportunities), as pieces.
struct ShapedParagraph {
    let text: String
    let utf8: [UInt8]
    /// The font size: one em in points.
    let em: Double
    var pieces: [Piece]
    /// Piece indices where a line may start: ascending, without 0, with `pieces.count`.
    let breaks: [Int]

    /// Shapes each segment of `characters` between consecutive `breaks` (character indices) through `cache`.
    init(_ characters: [Character], breaks characterBreaks: [Int], style: TextStyle, cache: ShapeCache) throws {
        text = String(characters)
        utf8 = Array(text.utf8)
        em = style.size
        var pieces: [Piece] = []
        var breaks: [Int] = []
        var start = 0, byte = 0
        for end in characterBreaks {
            let segment = String(characters[start..<end])
            let shaped = try cache.shape(segment, style: style)
            pieces += ShapedParagraph.pieces(of: shaped, at: byte, utf8: utf8)
            breaks.append(pieces.count)
            byte += segment.utf8.count
            start = end
        }
        self.pieces = pieces
        self.breaks = breaks
    }

    /// The characters `bytes` stand for.
    func string(_ bytes: Range<Int>) -> String { String(decoding: utf8[bytes], as: UTF8.self) }

    /// A shaped segment's clusters as pieces, with byte ranges offset to the paragraph; bytes a shaper
    /// left without glyphs join the cluster before them, so every byte belongs to one piece.
    private static func pieces(of shaped: ShapedText, at offset: Int, utf8: [UInt8]) -> [Piece] {
        let length = shaped.text.utf8.count
        var order: [Int] = []
        var glyphsByCluster: [Int: [ShapedGlyph]] = [:]
        for glyph in shaped.glyphs {
            let cluster = min(max(glyph.cluster, 0), length)
            if glyphsByCluster[cluster] == nil { order.append(cluster) }
            glyphsByCluster[cluster, default: []].append(glyph)
        }
        order.sort()
        guard !order.isEmpty else { return length == 0 ? [] : [piece(offset..<(offset + length), [], utf8)] }
        return order.indices.map { index in
            let start = index == 0 ? 0 : order[index]
            let end = index + 1 < order.count ? order[index + 1] : length
            return piece((offset + start)..<(offset + end), glyphsByCluster[order[index]]!, utf8)
        }
    }

    private static func piece(_ bytes: Range<Int>, _ glyphs: [ShapedGlyph], _ utf8: [UInt8]) -> Piece {
        let text = String(decoding: utf8[bytes], as: UTF8.self)
        return Piece(bytes: bytes, glyphs: glyphs, advance: glyphs.reduce(0) { $0 + $1.advance },
                     first: text.first ?? " ", last: text.last ?? " ")
    }
}

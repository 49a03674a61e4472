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
        // Where each character starts in `utf8`; then the text's end.
        var starts: [Int] = []
        starts.reserveCapacity(characters.count + 1)
        var byte = 0
        for character in characters {
            starts.append(byte)
            byte += character.utf8.count
        }
        starts.append(byte)
        var pieces: [Piece] = []
        var breaks: [Int] = []
        var start = 0
        for end in characterBreaks {
            let bytes = starts[start]..<starts[end]
            let shaped = try cache.shape(String(decoding: utf8[bytes], as: UTF8.self), style: style)
            ShapedParagraph.appendPieces(of: shaped, characters: characters[start..<end], starts: starts[start...end],
                                         to: &pieces)
            breaks.append(pieces.count)
            start = end
        }
        self.pieces = pieces
        self.breaks = breaks
    }

    /// The characters `bytes` stand for.
    func string(_ bytes: Range<Int>) -> String { String(decoding: utf8[bytes], as: UTF8.self) }

    /// Appends a shaped segment's clusters as pieces, with byte ranges in the paragraph; bytes a
    /// shaper left without glyphs join the cluster before them, so every byte belongs to one piece.
    /// `starts` are the paragraph's byte offsets of the segment's characters, then of its end.
    private static func appendPieces(of shaped: ShapedText, characters: ArraySlice<Character>, starts: ArraySlice<Int>,
                                     to pieces: inout [Piece]) {
        let offset = starts.first!, length = starts.last! - offset
        let first = characters.startIndex
        /// The character holding byte `byte` of the segment.
        func character(at byte: Int) -> Character {
            var low = starts.startIndex, high = starts.endIndex - 2
            while low < high {
                let middle = (low + high + 1) / 2
                if starts[middle] - offset <= byte { low = middle } else { high = middle - 1 }
            }
            return characters[first + (low - starts.startIndex)]
        }
        func piece(_ bytes: Range<Int>, _ glyphs: [ShapedGlyph]) -> Piece {
            Piece(bytes: (offset + bytes.lowerBound)..<(offset + bytes.upperBound), glyphs: glyphs,
                  advance: glyphs.reduce(0) { $0 + $1.advance },
                  first: bytes.isEmpty ? " " : character(at: bytes.lowerBound),
                  last: bytes.isEmpty ? " " : character(at: bytes.upperBound - 1))
        }
        // Glyphs by cluster, clusters ascending (HarfBuzz gives them so for left-to-right text).
        let ordered = shaped.glyphs.enumerated().map { (cluster: min(max($0.element.cluster, 0), length), index: $0.offset) }
            .sorted { ($0.cluster, $0.index) < ($1.cluster, $1.index) }
        guard !ordered.isEmpty else {
            if length > 0 { pieces.append(piece(0..<length, [])) }
            return
        }
        var groupStart = 0
        while groupStart < ordered.count {
            let cluster = ordered[groupStart].cluster
            var groupEnd = groupStart + 1
            while groupEnd < ordered.count, ordered[groupEnd].cluster == cluster { groupEnd += 1 }
            let lower = groupStart == 0 ? 0 : cluster
            let upper = groupEnd < ordered.count ? ordered[groupEnd].cluster : length
            pieces.append(piece(lower..<upper, ordered[groupStart..<groupEnd].map { shaped.glyphs[$0.index] }))
            groupStart = groupEnd
        }
    }
}

import Document

/// A piece as set on one line: its trims and space after squeezing, and the justification gap before it.
struct SetPiece {
    let index: Int
    var trimLeft: Double
    var trimRight: Double
    var blankLeft: Double
    var blankRight: Double
    var spaceBefore: Double
    /// Whether justification may widen the gap before this piece.
    let expandable: Bool
    /// Space justification added before this piece.
    var gap = 0.0
}

/// A line with its pieces set and where its first piece starts (indent and alignment).
struct SetLine {
    var pieces: [SetPiece]
    var start: Double
    /// The width the line was set in: a line ending within rounding of it ends exactly there.
    var bound: Double
}

/// Justification and alignment: an overfull line is squeezed; a justified line other than the
/// paragraph's last spreads its slack evenly over the gaps between characters (between words for
/// Latin text); left, centred and right lines are moved as a whole.
enum Justification {
    /// Sets `line` within `width` points; `indent` applies to the paragraph's first line.
    static func set(_ line: FittedLine, of paragraph: ShapedParagraph, alignment: Alignment, width: Double,
                    indent: Double, wraps: Bool) -> SetLine {
        let start = line.isFirst ? indent : 0
        let available = width - start
        var pieces = line.pieces.map { setPiece($0, of: paragraph, first: $0 == line.pieces.lowerBound) }
        let natural = lineWidth(pieces, paragraph)
        if wraps && natural > available + LineFitter.tolerance {
            PunctuationSqueeze.compress(&pieces, by: natural - available)
        }
        if alignment == .justified && wraps && !line.isLast {
            spread(&pieces, by: available - lineWidth(pieces, paragraph))
        }
        return SetLine(pieces: pieces, start: start + offset(alignment, slack: available - lineWidth(pieces, paragraph)), bound: width)
    }

    /// The width of set pieces: their advances less trims, plus the spaces and gaps between them.
    static func lineWidth(_ pieces: [SetPiece], _ paragraph: ShapedParagraph) -> Double {
        pieces.enumerated().reduce(0) { sum, item in
            let (position, set) = item
            let between = position == 0 ? 0 : set.spaceBefore + set.gap
            return sum + between + paragraph.pieces[set.index].advance - set.trimLeft - set.trimRight
        }
    }

    /// Where a left, centred or right line starts in its slack (none on an unbounded width).
    private static func offset(_ alignment: Alignment, slack: Double) -> Double {
        guard slack.isFinite, slack > 0 else { return 0 }
        switch alignment {
        case .center: return slack / 2
        case .right: return slack
        case .left, .justified: return 0
        }
    }

    /// Shares `extra` points equally among the line's expandable gaps.
    private static func spread(_ pieces: inout [SetPiece], by extra: Double) {
        guard extra > LineFitter.tolerance, extra.isFinite else { return }
        let gaps = pieces.indices.dropFirst().filter { pieces[$0].expandable }
        guard !gaps.isEmpty else { return }
        let share = extra / Double(gaps.count)
        for index in gaps { pieces[index].gap = share }
    }

    private static func setPiece(_ index: Int, of paragraph: ShapedParagraph, first: Bool) -> SetPiece {
        let piece = paragraph.pieces[index]
        return SetPiece(index: index, trimLeft: piece.trimLeft, trimRight: piece.trimRight, blankLeft: piece.blankLeft,
                        blankRight: piece.blankRight, spaceBefore: first ? 0 : piece.spaceBefore,
                        expandable: !first && isExpandable(after: paragraph.pieces[index - 1], piece, em: paragraph.em))
    }

    /// Gaps open between characters on the grid, after a word space, and at Han–Latin boundaries,
    /// but not inside a Latin word, number or code, nor before a space (the gap after it serves).
    private static func isExpandable(after previous: Piece, _ piece: Piece, em: Double) -> Bool {
        if piece.isSpace { return false }
        if previous.isSpace { return true }
        return previous.isWide(em: em) || piece.isWide(em: em)
    }
}

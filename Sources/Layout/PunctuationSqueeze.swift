/// Squeezing of full-width punctuation (标点挤压): a full-width mark is half ink, half blank, and the
/// blank half may go — between two adjacent marks always, elsewhere to make a line fit.
enum PunctuationSqueeze {
    /// Marks whose ink sits in the left half (the blank on the right): closing brackets and quotes,
    /// and, in Simplified Chinese fonts, ，。、；：？！.
    static let inkLeft = MarkSet("，。、；：？！）］｝》〉」』】〕”’")
    /// Marks whose ink sits in the right half: opening brackets and quotes.
    static let inkRight = MarkSet("（［｛《〈「『【〔“‘")
    /// Marks centred in their em, a quarter em blank on each side.
    static let centred = MarkSet("·・")

    /// The blank (left, right) of a piece in points, if it is one full-width mark set on a full em.
    static func blanks(of piece: Piece, em: Double) -> (left: Double, right: Double)? {
        // One mark: the piece's first and last character are the same single scalar.
        guard let scalar = piece.first.soleScalar, scalar == piece.last.soleScalar, abs(piece.advance - em) <= 0.1 * em else { return nil }
        if inkLeft.contains(piece.first) { return (0, em / 2) }
        if inkRight.contains(piece.first) { return (em / 2, 0) }
        if centred.contains(piece.first) { return (em / 4, em / 4) }
        return nil
    }

    /// Records each mark's blanks, then trims half an em between every two adjacent marks
    /// (。” ）。 ，“ take 1.5 em): from the first mark's right blank, else the second's left.
    static func squeezePairs(_ pieces: inout [Piece], em: Double) {
        let marks = pieces.map { blanks(of: $0, em: em) }
        for (index, blank) in marks.enumerated() {
            guard let blank else { continue }
            pieces[index].blankLeft = blank.left
            pieces[index].blankRight = blank.right
        }
        for index in pieces.indices.dropFirst() where marks[index - 1] != nil && marks[index] != nil {
            var need = em / 2
            need -= trimRight(&pieces[index - 1], upTo: need)
            _ = trimLeft(&pieces[index], upTo: need)
        }
    }

    /// Shrinks an overfull line by `amount`: the line-end mark goes half-width first (its blank is at
    /// the edge, so nothing visible moves), then every other mark's blank and every Han–Latin quarter em
    /// give up the same share of what they have.
    static func compress(_ line: inout [SetPiece], by amount: Double) {
        guard amount > 0, let last = line.indices.last else { return }
        var need = amount
        let edge = min(need, line[last].blankRight)
        line[last].trimRight += edge
        line[last].blankRight -= edge
        need -= edge
        let capacity = line.indices.reduce(0) { $0 + line[$1].blankLeft + line[$1].blankRight + (($1 == 0) ? 0 : line[$1].spaceBefore) }
        guard need > 0, capacity > 0 else { return }
        let share = min(1, need / capacity)
        for index in line.indices {
            let left = line[index].blankLeft * share, right = line[index].blankRight * share
            line[index].trimLeft += left
            line[index].blankLeft -= left
            line[index].trimRight += right
            line[index].blankRight -= right
            if index > 0 { line[index].spaceBefore *= 1 - share }
        }
    }

    /// Cuts up to `limit` from the piece's right blank; returns what was cut.
    private static func trimRight(_ piece: inout Piece, upTo limit: Double) -> Double {
        let cut = min(limit, piece.blankRight)
        piece.trimRight += cut
        piece.blankRight -= cut
        return cut
    }

    private static func trimLeft(_ piece: inout Piece, upTo limit: Double) -> Double {
        let cut = min(limit, piece.blankLeft)
        piece.trimLeft += cut
        piece.blankLeft -= cut
        return cut
    }
}

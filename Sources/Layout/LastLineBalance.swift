/// Keeps a lone character (孤字) off a paragraph's last line, after greedy fitting: a heading, a
/// table title or a body paragraph whose last line would hold fewer than `rules.minimumLastLine`
/// characters (closing marks not counted) is rebalanced. Only the last two lines change, and
/// never into more lines:
/// 1. the line before takes the rest up if squeezing its punctuation makes room (tighten);
/// 2. else it ends at an earlier break, so the last line gets more characters (loosen), provided
///    the line before keeps as many characters and justification spreads it no more than
///    `maximumGap` per gap between characters.
/// Where neither works (a long code, a narrow cell) the greedy lines stay.
struct LastLineBalance {
    let fitter: LineFitter
    let rules: LineBreakRules
    /// The widest gap justification may open between two characters of the loosened line, in ems:
    /// clreq sets no number; half an em still reads as one line of text, not as spaced letters.
    static let maximumGap = 0.5

    /// `ends` holds each line's end (the next line's start); the first line is `indent` shorter.
    func rebalance(_ ends: inout [Int], width: Double, indent: Double) {
        let count = fitter.pieces.count
        guard ends.count >= 2, rules.minimumLastLine > 1 else { return }
        let lastStart = ends[ends.count - 2]
        guard characters(lastStart, count) < rules.minimumLastLine else { return }
        let start = ends.count >= 3 ? ends[ends.count - 3] : 0
        let available = width - (ends.count == 2 ? indent : 0)
        if fitter.fitsSqueezed(start, count, available) {
            ends.remove(at: ends.count - 2)
        } else if let earlier = earlierBreak(from: start, before: lastStart, width: width, available: available) {
            ends[ends.count - 2] = earlier
        }
    }

    /// The latest break before `lastStart` that gives the last line enough characters while the
    /// line from `start` keeps enough and is not spread too thin.
    private func earlierBreak(from start: Int, before lastStart: Int, width: Double, available: Double) -> Int? {
        let count = fitter.pieces.count
        let candidates = fitter.paragraph.breaks.filter { $0 > start && $0 < lastStart }
        for end in candidates.reversed() {
            guard fitter.fits(end, count, width) else { return nil }
            guard characters(end, count) >= rules.minimumLastLine else { continue }
            guard characters(start, end) >= rules.minimumLastLine, loosensWithinLimit(start, end, available) else { return nil }
            return end
        }
        return nil
    }

    /// Whether pieces `start..<end`, justified in `available` points, keep their gaps within `maximumGap`.
    private func loosensWithinLimit(_ start: Int, _ end: Int, _ available: Double) -> Bool {
        let visible = fitter.visibleEnd(start, end)
        let slack = available - fitter.width(start, visible)
        let gaps = max(1, visible - start - 1)
        return slack / Double(gaps) <= LastLineBalance.maximumGap * fitter.paragraph.em + LineFitter.tolerance
    }

    /// The characters pieces `start..<end` show, not counting spaces and closing marks (a lone
    /// “字。” is still a lone character).
    private func characters(_ start: Int, _ end: Int) -> Int {
        fitter.pieces[start..<end].filter { !$0.isSpace && !rules.noLineStart.contains($0.first) }.count
    }
}

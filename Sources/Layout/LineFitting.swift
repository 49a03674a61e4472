/// A line the fitter chose: the pieces it shows (trailing spaces dropped) and its place in the paragraph.
struct FittedLine {
    var pieces: Range<Int>
    var isFirst: Bool
    var isLast: Bool
}

/// Chooses where lines end, greedily, at the tailored break opportunities. When a closing mark would
/// start a line (so it stays with the character before it), the fitter either pulls that character
/// down or pushes the mark up by squeezing the line, whichever moves things less. A segment no line
/// can hold is cut between characters as a last resort, so no text is ever lost.
struct LineFitter {
    let paragraph: ShapedParagraph
    let rules: LineBreakRules
    /// Prefix sums over pieces: Σ (net + spaceBefore) and Σ (squeezable blank + spaceBefore) before index k.
    private let widthBefore: [Double]
    private let shrinkBefore: [Double]
    /// Rounding slack when comparing widths, in points.
    static let tolerance = 1e-6

    init(paragraph: ShapedParagraph, rules: LineBreakRules) {
        self.paragraph = paragraph
        self.rules = rules
        var width = [0.0], shrink = [0.0]
        for piece in paragraph.pieces {
            width.append(width.last! + piece.net + piece.spaceBefore)
            shrink.append(shrink.last! + piece.squeezable + piece.spaceBefore)
        }
        widthBefore = width
        shrinkBefore = shrink
    }

    var pieces: [Piece] { paragraph.pieces }

    /// Lines within `width` points, the first `indent` points shorter.
    func fit(width: Double, indent: Double) -> [FittedLine] {
        var ends: [Int] = []
        var start = 0
        while start < pieces.count {
            let end = lineEnd(from: start, available: width - (ends.isEmpty ? indent : 0), lineWidth: width)
            ends.append(end)
            start = end
        }
        LastLineBalance(fitter: self, rules: rules).rebalance(&ends, width: width, indent: indent)
        var lines: [FittedLine] = []
        for (index, end) in ends.enumerated() {
            let start = index == 0 ? 0 : ends[index - 1]
            lines.append(FittedLine(pieces: start..<visibleEnd(start, end), isFirst: index == 0, isLast: end == pieces.count))
        }
        return lines.isEmpty ? [FittedLine(pieces: 0..<0, isFirst: true, isLast: true)] : lines
    }

    /// Everything on one line, however wide (`wraps: false`).
    func single() -> [FittedLine] {
        [FittedLine(pieces: 0..<visibleEnd(0, pieces.count), isFirst: true, isLast: true)]
    }

    /// The width of pieces `start..<end` set as one line: no space before its first piece.
    func width(_ start: Int, _ end: Int) -> Double {
        guard end > start else { return 0 }
        return widthBefore[end] - widthBefore[start] - pieces[start].spaceBefore
    }

    /// How much squeezing can take from pieces `start..<end` set as one line.
    func shrinkability(_ start: Int, _ end: Int) -> Double {
        guard end > start else { return 0 }
        return shrinkBefore[end] - shrinkBefore[start] - pieces[start].spaceBefore
    }

    /// `end` without the spaces before it (spaces at a line end take no room and are not drawn).
    func visibleEnd(_ start: Int, _ end: Int) -> Int {
        var end = end
        while end > start && pieces[end - 1].isSpace { end -= 1 }
        return end
    }

    /// Where the line starting at piece `start` ends (a piece index, the next line's start).
    private func lineEnd(from start: Int, available: Double, lineWidth: Double) -> Int {
        var fit: Int?
        var over: Int?
        for end in paragraph.breaks[firstBreak(after: start)...] {
            if fits(start, end, available) { fit = end } else { over = end; break }
        }
        guard let over else { return fit! }
        if let fit, !isOversized(fit, over, lineWidth) {
            return pushesMarkUp(start, fit, over, available) ? over : fit
        }
        if fit == nil && fitsSqueezed(start, over, available) { return over }
        return characterSplit(from: start, fit: fit, before: over, available: available)
    }

    func fits(_ start: Int, _ end: Int, _ available: Double) -> Bool {
        width(start, visibleEnd(start, end)) <= available + LineFitter.tolerance
    }

    func fitsSqueezed(_ start: Int, _ end: Int, _ available: Double) -> Bool {
        let visible = visibleEnd(start, end)
        return width(start, visible) - shrinkability(start, visible) <= available + LineFitter.tolerance
    }

    /// A segment that even a line of its own cannot hold.
    private func isOversized(_ start: Int, _ end: Int, _ lineWidth: Double) -> Bool {
        !fitsSqueezed(start, end, lineWidth)
    }

    /// Whether the segment `fit..<over` overflows only by the closing marks ending it, and squeezing
    /// the line to keep them disturbs less than pulling the character before them down.
    private func pushesMarkUp(_ start: Int, _ fit: Int, _ over: Int, _ available: Double) -> Bool {
        let end = visibleEnd(start, over)
        var head = end
        while head > fit && rules.noLineStart.contains(pieces[head - 1].first) { head -= 1 }
        guard head > fit, head < end, fits(start, head, available) else { return false }
        let overflow = width(start, end) - available
        let slack = available - width(start, visibleEnd(start, fit))
        return overflow <= shrinkability(start, end) + LineFitter.tolerance && overflow <= slack + LineFitter.tolerance
    }

    /// The last resort: as many pieces as fit (at least one), keeping a closing mark off the next
    /// line's start and an opening mark off this line's end where there is any choice.
    private func characterSplit(from start: Int, fit: Int?, before over: Int, available: Double) -> Int {
        var end = start + 1
        while end < over && fits(start, end + 1, available) { end += 1 }
        let floor = fit ?? start + 1
        if end < over && end - 1 >= floor && rules.noLineStart.contains(pieces[end].first) { end -= 1 }
        if end < over && end - 1 >= floor && rules.noLineEnd.contains(pieces[end - 1].last) { end -= 1 }
        return end
    }

    /// The index in `paragraph.breaks` of the first break after piece `start`.
    private func firstBreak(after start: Int) -> Int {
        var low = 0, high = paragraph.breaks.count
        while low < high {
            let middle = (low + high) / 2
            if paragraph.breaks[middle] <= start { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

import Document
import Layout

/// Places lines made by ParagraphLayouter on one page, top to bottom, and remembers the text each
/// line should give back when extracted from the PDF.
final class PageBuilder {
    let layouter: ParagraphLayouter
    let left: Double
    let width: Double
    private(set) var frame: PageFrame
    private(set) var lines: [String] = []
    /// The top of the next line.
    private(set) var cursor: Double

    init(layouter: ParagraphLayouter, width: Double, height: Double, margin: Double) {
        self.layouter = layouter
        left = margin
        self.width = width - 2 * margin
        frame = PageFrame(width: width, height: height)
        cursor = margin
    }

    /// Lays out `text` in `style` and places its lines; returns the first line's top.
    @discardableResult
    func add(_ text: String, style: TextStyle, wraps: Bool = true) throws -> Double {
        let top = cursor
        let metrics = layouter.shaper.verticalMetrics(role: style.role, size: style.size)
        for line in try layouter.layout(text, style: style, width: width, wraps: wraps) {
            let baseline = cursor + (style.lineHeight - metrics.ascent - metrics.descent) / 2 + metrics.ascent
            for var run in line.runs {
                run.x += left
                run.y += baseline
                frame.items.append(.text(run))
            }
            lines.append(line.runs.map(\.text).joined())
            cursor += style.lineHeight
        }
        return top
    }

    func rule(from x1: Double, _ y1: Double, to x2: Double, _ y2: Double, width: Double = 0.5) {
        frame.items.append(.line(x1: x1, y1: y1, x2: x2, y2: y2, width: width))
    }

    func link(top: Double, height: Double, page: Int, targetY: Double) {
        frame.items.append(.link(x: left, y: top, width: width, height: height, page: page, targetY: targetY))
    }

    func skip(_ points: Double) {
        cursor += points
    }
}

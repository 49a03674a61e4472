/// A page's rules grouped by line width, in the order each width first appears, so that each group
/// is stroked as one path. A table draws each cell's border as its own segment; segments on one
/// line that touch become one (square caps close the ends alike), which spares cairo writing
/// thousands of coordinates.
struct RuleBatch {
    struct Segment: Equatable {
        var x1, y1, x2, y2: Double
    }

    struct Group {
        let width: Double
        fileprivate var segments: [Segment]

        /// The group's segments with touching collinear rules joined: horizontal ones by row, then
        /// vertical ones by column, then any others as they came.
        var joinedSegments: [Segment] {
            let horizontal = segments.filter { $0.y1 == $0.y2 }.map { Span(line: $0.y1, from: min($0.x1, $0.x2), to: max($0.x1, $0.x2)) }
            let vertical = segments.filter { $0.x1 == $0.x2 && $0.y1 != $0.y2 }.map { Span(line: $0.x1, from: min($0.y1, $0.y2), to: max($0.y1, $0.y2)) }
            let others = segments.filter { $0.y1 != $0.y2 && $0.x1 != $0.x2 }
            return Span.joined(horizontal).map { Segment(x1: $0.from, y1: $0.line, x2: $0.to, y2: $0.line) }
                + Span.joined(vertical).map { Segment(x1: $0.line, y1: $0.from, x2: $0.line, y2: $0.to) }
                + others
        }
    }

    private(set) var groups: [Group] = []

    mutating func append(from start: (Double, Double), to end: (Double, Double), width: Double) {
        let segment = Segment(x1: start.0, y1: start.1, x2: end.0, y2: end.1)
        if let index = groups.firstIndex(where: { $0.width == width }) {
            groups[index].segments.append(segment)
        } else {
            groups.append(Group(width: width, segments: [segment]))
        }
    }
}

/// A stretch of one horizontal or vertical line.
private struct Span {
    var line: Double
    var from: Double
    var to: Double

    /// Cell borders meet where sums of column widths meet: equal to far below a printer's dot.
    static let touching = 0.001

    /// Spans on the same line that touch or overlap, joined; sorted by line, then start.
    static func joined(_ spans: [Span]) -> [Span] {
        let sorted = spans.sorted { ($0.line, $0.from, $0.to) < ($1.line, $1.from, $1.to) }
        var joined: [Span] = []
        for span in sorted {
            if let last = joined.last, last.line == span.line, span.from <= last.to + touching {
                joined[joined.count - 1].to = max(last.to, span.to)
            } else {
                joined.append(span)
            }
        }
        return joined
    }
}

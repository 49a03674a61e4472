import Document

/// Column widths of a table at a scale: fixed, fitted to content, or a share of what is left.
struct TableColumns {
    let widths: [Double]

    var total: Double { widths.reduce(0, +) }

    /// The offsets of each column's left edge, from the table's left edge.
    var offsets: [Double] {
        var x = 0.0
        return widths.map { width in defer { x += width }; return x }
    }

    func width(from column: Int, span: Int) -> Double {
        widths[column..<min(widths.count, column + span)].reduce(0, +)
    }

    /// `fitted` holds each column's widest single-line cell (content only, unscaled).
    init(_ columns: [Table.Column], available: Double, fitted: [Double], scale: Double, padding: Double, em: Double) {
        var widths = Array(repeating: 0.0, count: columns.count)
        var proportional: [(Int, Double)] = []
        var used = 0.0
        for (index, column) in columns.enumerated() {
            switch column.width {
            case .fixed(let points):
                widths[index] = points * scale
            case .fit(let maximum):
                widths[index] = min(maximum * scale, fitted[index] * scale + 2 * padding)
            case .proportional(let weight):
                proportional.append((index, weight))
            }
            used += widths[index]
        }
        let weights = proportional.reduce(0) { $0 + $1.1 }
        let left = max(0, available - used)
        for (index, weight) in proportional {
            widths[index] = max(2 * em + 2 * padding, weights > 0 ? left * weight / weights : 0)
        }
        self.widths = widths
    }

    /// The narrowest the table can be set at scale 1: fixed and fitted columns at full width,
    /// proportional ones at four characters.
    static func minimumWidth(_ columns: [Table.Column], fitted: [Double], padding: Double, em: Double) -> Double {
        columns.enumerated().reduce(0) { sum, pair in
            let (index, column) = pair
            switch column.width {
            case .fixed(let points): return sum + points
            case .fit(let maximum): return sum + min(maximum, fitted[index] + 2 * padding)
            case .proportional: return sum + 4 * em + 2 * padding
            }
        }
    }
}

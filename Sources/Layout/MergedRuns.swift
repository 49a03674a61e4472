import Document

/// A run of body rows whose cells in a merging column (`Table.Column.mergesEqualRuns`) hold the
/// same text: laid out as one cell, its text once and centred, no rules inside.
struct MergedRun: Equatable {
    let column: Int
    let rows: ClosedRange<Int>
}

extension TableGrid {
    /// The runs of two or more rows in the merging columns, left to right. Only plain cells take
    /// part (one row, one column, some text): a blank means nothing to merge, and a spanning cell
    /// already has its shape. Where a merging column's text changes, the runs of the merging
    /// columns to its right end too, so that a 二级指标 never reaches across two 一级指标.
    func mergedRuns(_ columns: [Table.Column]) -> [MergedRun] {
        let texts = plainTexts(columns: columns.count)
        var runs: [MergedRun] = []
        var cuts: Set<Int> = [0]
        for column in columns.indices where columns[column].mergesEqualRuns {
            var start = 0
            for row in 1...max(1, rows) {
                let text = row < rows ? texts[row][column] : nil
                if text != nil && text == texts[row - 1][column] && !cuts.contains(row) { continue }
                if row - start > 1 { runs.append(MergedRun(column: column, rows: start...(row - 1))) }
                start = row
            }
            for row in 1..<max(1, rows) where texts[row][column] != texts[row - 1][column] { cuts.insert(row) }
        }
        return runs
    }

    /// The text of each position's plain cell, nil where the cell is blank, spans or is covered.
    private func plainTexts(columns: Int) -> [[String?]] {
        var texts = Array(repeating: Array(repeating: String?.none, count: columns), count: rows)
        for placed in cells where placed.rowSpan == 1 && placed.columnSpan == 1 && !placed.cell.text.isEmpty {
            texts[placed.row][placed.column] = placed.cell.text
        }
        return texts
    }
}

/// A position on a table's grid.
struct GridPosition: Hashable {
    let row: Int
    let column: Int
}

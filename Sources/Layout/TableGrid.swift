import Document

/// A table's cells placed on its grid of rows and columns, spans resolved.
struct TableGrid {
    struct Placed {
        let row: Int
        let column: Int
        let rowSpan: Int
        let columnSpan: Int
        let cell: Table.Cell
    }

    let rows: Int
    let cells: [Placed]

    /// Places each row's cells left to right into the first free positions, skipping those a
    /// spanning cell above already covers.
    init(rows input: [[Table.Cell]], columns: Int) {
        var occupied = Array(repeating: Array(repeating: false, count: columns), count: input.count)
        var placed: [Placed] = []
        for (row, cells) in input.enumerated() {
            var column = 0
            for cell in cells {
                while column < columns && occupied[row][column] { column += 1 }
                guard column < columns else { break }
                let columnSpan = max(1, min(cell.columnSpan, columns - column))
                let rowSpan = max(1, min(cell.rowSpan, input.count - row))
                for r in row..<(row + rowSpan) {
                    for c in column..<(column + columnSpan) { occupied[r][c] = true }
                }
                placed.append(Placed(row: row, column: column, rowSpan: rowSpan, columnSpan: columnSpan, cell: cell))
                column += columnSpan
            }
        }
        self.rows = input.count
        self.cells = placed
    }

    /// Runs of rows that must stay on one page because a cell spans them.
    func groups() -> [ClosedRange<Int>] {
        // The last row reached by a cell starting in each row.
        var reach = Array(0..<rows)
        for cell in cells { reach[cell.row] = max(reach[cell.row], cell.row + cell.rowSpan - 1) }
        var result: [ClosedRange<Int>] = []
        var start = 0
        while start < rows {
            var end = reach[start]
            var row = start
            while row <= end { end = max(end, reach[row]); row += 1 }
            result.append(start...end)
            start = end + 1
        }
        return result
    }
}

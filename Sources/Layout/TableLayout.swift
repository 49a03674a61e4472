import Document

/// Lays a table out across pages: chooses orientation and scale, sizes columns and rows, keeps the
/// title with the head and first row, repeats the header rows on every page, never splits a row
/// (or a group of rows joined by a spanning cell) unless it is taller than a page.
struct TableLayout {
    let table: Table
    let paragraphs: ParagraphLayouter
    let flow: PageFlow

    private var scale = 1.0
    private var orientation: Orientation = .portrait
    private var columns: TableColumns?

    init(table: Table, paragraphs: ParagraphLayouter, flow: PageFlow) {
        self.table = table
        self.paragraphs = paragraphs
        self.flow = flow
    }

    /// A laid-out cell: its lines and its box on the grid.
    struct CellBox {
        let placed: TableGrid.Placed
        let lines: [LaidLine]
        let style: TextStyle
    }

    struct Section {
        let grid: TableGrid
        let boxes: [CellBox]
        let heights: [Double]
        var height: Double { heights.reduce(0, +) }
        func height(of rows: ClosedRange<Int>) -> Double { rows.reduce(0) { $0 + heights[$1] } }
    }

    var cellStyle: TextStyle {
        var style = table.cellStyle
        style.size *= scale
        style.lineHeight *= scale
        style.firstLineIndent = 0
        return style
    }

    var padding: (h: Double, v: Double) { (3 * scale, 2 * scale) }

    /// Title, caption lines, header rows and the first body row: what must share a page.
    mutating func headHeight() throws -> Double {
        try prepare(available: flow.contentWidth)
        let header = try section(table.header, header: true)
        let body = try section(table.body, header: false)
        let firstGroup = body.grid.groups().first.map { body.height(of: $0) } ?? 0
        return try titleHeight() + captionHeight() + header.height + firstGroup
    }

    /// Places the table; returns its contents/outline entry when it has an outline level.
    mutating func place() throws -> ContentsTarget? {
        try prepare(available: nil)
        if flow.pages.isEmpty { flow.startPage(orientation) }
        if flow.orientation != orientation { flow.startPageOrTurn(orientation) }
        // A landscape table right after another stays on the landscape page.
        flow.returnToPortrait = false
        let header = try section(table.header, header: true)
        let body = try section(table.body, header: false)
        let groups = body.grid.groups()
        let head = try titleHeight() + captionHeight() + header.height + (groups.first.map { body.height(of: $0) } ?? 0)
        flow.makeRoom(head)

        let titleY = flow.cursor
        try placeTitle()
        try placeCaptions()
        placeRows(header, rows: 0...(max(0, header.grid.rows - 1)), isEmpty: header.grid.rows == 0)
        for group in groups {
            let height = body.height(of: group)
            if height > flow.remaining + 0.001 {
                flow.startPage(orientation)
                try placeContinuation()
                placeRows(header, rows: 0...(max(0, header.grid.rows - 1)), isEmpty: header.grid.rows == 0)
            }
            placeRows(body, rows: group, isEmpty: false)
        }
        try placeNotes()
        if orientation == .landscape { flow.returnToPortrait = true }
        guard let level = table.outlineLevel, let title = table.title else { return nil }
        return ContentsTarget(title: title, level: level, page: pageOfTitle(titleY), y: titleY)
    }

    private func pageOfTitle(_ y: Double) -> Int {
        // The title was placed on the page current right after makeRoom; rows may have moved on since.
        flow.titlePage ?? flow.pageIndex
    }

    // MARK: Sizing

    /// Chooses orientation and scale (shrink within the template's limit, else landscape) and widths.
    private mutating func prepare(available: Double?) throws {
        let em = table.cellStyle.size
        let pad = 3.0
        let fitted = try fittedWidths()
        let needed = TableColumns.minimumWidth(table.columns, fitted: fitted, padding: pad, em: em)
        let portrait = flow.setup.width - flow.setup.marginLeft - flow.setup.marginRight
        let landscape = flow.setup.height - flow.setup.marginLeft - flow.setup.marginRight
        switch table.orientation {
        case .landscape?:
            orientation = .landscape
            scale = min(1, max(table.minimumScale, landscape / needed))
        case .portrait?:
            orientation = .portrait
            scale = min(1, max(table.minimumScale, portrait / needed))
        case nil:
            if needed <= portrait {
                orientation = .portrait; scale = 1
            } else if needed * table.minimumScale <= portrait {
                orientation = .portrait; scale = portrait / needed
            } else {
                orientation = .landscape; scale = min(1, max(table.minimumScale, landscape / needed))
            }
        }
        let width = orientation == .portrait ? portrait : landscape
        columns = TableColumns(table.columns, available: width, fitted: fitted, scale: scale, padding: padding.h, em: em * scale)
    }

    /// Each column's widest single-line cell at scale 1 (cells spanning one column only).
    private func fittedWidths() throws -> [Double] {
        var widths = Array(repeating: 0.0, count: table.columns.count)
        for rows in [table.header, table.body] {
            let grid = TableGrid(rows: rows, columns: table.columns.count)
            for placed in grid.cells where placed.columnSpan == 1 && !placed.cell.text.isEmpty {
                guard case .fit = table.columns[placed.column].width else { continue }
                var style = table.cellStyle
                style.bold = placed.cell.bold
                let line = try shape(placed.cell.text, style: style, width: .infinity, wraps: false)
                widths[placed.column] = max(widths[placed.column], line.first?.width ?? 0)
            }
        }
        return widths
    }

    private func section(_ rows: [[Table.Cell]], header: Bool) throws -> Section {
        let grid = TableGrid(rows: rows, columns: table.columns.count)
        let columns = self.columns!
        var boxes: [CellBox] = []
        var heights = Array(repeating: cellStyle.lineHeight * 0 + minimumRowHeight, count: grid.rows)
        for placed in grid.cells {
            var style = cellStyle
            style.bold = placed.cell.bold
            let column = table.columns[placed.column]
            style.alignment = placed.cell.alignment ?? (header ? .center : (column.alignment == .justified ? .left : column.alignment))
            let width = columns.width(from: placed.column, span: placed.columnSpan) - 2 * padding.h
            let wraps = header || placed.columnSpan > 1 || column.wraps
            let lines = placed.cell.text.isEmpty ? [] : try shape(placed.cell.text, style: style, width: width, wraps: wraps)
            boxes.append(CellBox(placed: placed, lines: lines, style: style))
            if placed.rowSpan == 1 {
                heights[placed.row] = max(heights[placed.row], textHeight(lines.count, style) + 2 * padding.v)
            }
        }
        for box in boxes where box.placed.rowSpan > 1 {
            let rows = box.placed.row..<(box.placed.row + box.placed.rowSpan)
            let have = rows.reduce(0) { $0 + heights[$1] }
            let need = textHeight(box.lines.count, box.style) + 2 * padding.v
            if need > have { heights[rows.upperBound - 1] += need - have }
        }
        return Section(grid: grid, boxes: boxes, heights: heights)
    }

    private var minimumRowHeight: Double { cellStyle.lineHeight + 2 * padding.v }

    private func textHeight(_ lines: Int, _ style: TextStyle) -> Double { Double(max(1, lines)) * style.lineHeight }

    private func shape(_ text: String, style: TextStyle, width: Double, wraps: Bool) throws -> [LaidLine] {
        try paragraphs.lines(text, style, width: width, wraps: wraps, context: "表格“\(table.title ?? "")”的单元格")
    }

    // MARK: Placing

    private var tableLeft: Double { max(0, (flow.contentWidth - columns!.total) / 2) }

    private func titleLines() throws -> [LaidLine] {
        guard let title = table.title else { return [] }
        return try paragraphs.lines(title, table.titleStyle, width: flow.contentWidth, context: "表格标题")
    }

    private func titleHeight() throws -> Double {
        guard table.title != nil else { return 0 }
        return table.titleStyle.spaceBefore + Double(try titleLines().count) * table.titleStyle.lineHeight + table.titleStyle.spaceAfter
    }

    /// Caption lines take one line each, two where the centre text needs a line of its own.
    private func captionHeight() -> Double { Double(table.captionLines.count) * cellStyle.lineHeight }

    private func placeTitle() throws {
        guard table.title != nil else { return }
        flow.titlePage = flow.pageIndex
        if !flow.atPageTop { flow.advance(table.titleStyle.spaceBefore) }
        place(try titleLines(), style: table.titleStyle, x: 0)
        flow.advance(table.titleStyle.spaceAfter)
    }

    /// Caption lines: left, centre and right texts on one line; where the centre text would touch
    /// the left one it moves right, and where it would then touch the right one it takes a line of its own.
    private func placeCaptions() throws {
        let style = cellStyle
        let metrics = paragraphs.shaper.verticalMetrics(role: style.role, size: style.size)
        let width = columns!.total
        for caption in table.captionLines {
            let left = try single(caption.left, style)
            let center = try single(caption.center, style)
            let right = try single(caption.right, style)
            let gap = style.size
            var centerX = (width - (center?.width ?? 0)) / 2
            if let left { centerX = max(centerX, left.width + gap) }
            let rightX = width - (right?.width ?? 0)
            let centreFits = center == nil || centerX + center!.width + gap <= rightX
            var placements: [[(LaidLine, Double)]] = [[]]
            if let left { placements[0].append((left, 0)) }
            if let center {
                if centreFits { placements[0].append((center, centerX)) } else { placements.append([(center, (width - center.width) / 2)]) }
            }
            if let right { placements[placements.count - 1].append((right, rightX)) }
            for line in placements {
                let baseline = flow.baseline(for: style, metrics)
                for (laid, x) in line { flow.place(laid, x: tableLeft + x, baseline: baseline) }
                flow.advance(style.lineHeight)
            }
        }
    }

    private func single(_ text: String, _ style: TextStyle) throws -> LaidLine? {
        guard !text.isEmpty else { return nil }
        var aligned = style
        aligned.alignment = .left
        return try shape(text, style: aligned, width: .infinity, wraps: false).first
    }

    private func placeContinuation() throws {
        guard let caption = table.continuationCaption else { return }
        var style = cellStyle
        style.alignment = .left
        place(try shape(caption, style: style, width: columns!.total, wraps: false), style: style, x: tableLeft)
    }

    private func place(_ lines: [LaidLine], style: TextStyle, x: Double) {
        flow.placeLines(lines, style: style, metrics: paragraphs.shaper.verticalMetrics(role: style.role, size: style.size), x: x)
    }

    /// Draws the cells starting in `rows` with their borders, text centred vertically.
    private func placeRows(_ section: Section, rows: ClosedRange<Int>, isEmpty: Bool) {
        guard !isEmpty else { return }
        let columns = self.columns!
        let offsets = columns.offsets
        let top = flow.cursor
        var rowTops: [Int: Double] = [:]
        var y = top
        for row in rows { rowTops[row] = y; y += section.heights[row] }
        let left = flow.left + tableLeft
        for box in section.boxes where rows.contains(box.placed.row) {
            let x = left + offsets[box.placed.column]
            let width = columns.width(from: box.placed.column, span: box.placed.columnSpan)
            let cellTop = rowTops[box.placed.row]!
            let height = section.height(of: box.placed.row...(box.placed.row + box.placed.rowSpan - 1))
            drawBorders(x: x, y: cellTop, width: width, height: height)
            let metrics = paragraphs.shaper.verticalMetrics(role: box.style.role, size: box.style.size)
            var baseline = cellTop + (height - textHeight(box.lines.count, box.style)) / 2
                + (box.style.lineHeight - metrics.ascent - metrics.descent) / 2 + metrics.ascent
            for line in box.lines {
                flow.place(line, x: x - flow.left + padding.h, baseline: baseline)
                baseline += box.style.lineHeight
            }
        }
        flow.advance(y - top)
    }

    private func drawBorders(x: Double, y: Double, width: Double, height: Double) {
        let rule = 0.5 * max(scale, 0.8)
        flow.addRule(x1: x, y1: y, x2: x + width, y2: y, width: rule)
        flow.addRule(x1: x, y1: y + height, x2: x + width, y2: y + height, width: rule)
        flow.addRule(x1: x, y1: y, x2: x, y2: y + height, width: rule)
        flow.addRule(x1: x + width, y1: y, x2: x + width, y2: y + height, width: rule)
    }

    private func placeNotes() throws {
        guard !table.notes.isEmpty else { return }
        var style = table.cellStyle
        style.alignment = .left
        style.firstLineIndent = 0
        for note in table.notes {
            place(try paragraphs.lines(note, style, width: flow.contentWidth, context: "表格注释"), style: style, x: 0)
        }
    }
}

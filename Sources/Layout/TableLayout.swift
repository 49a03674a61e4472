import Document

/// Lays a table out across pages: chooses orientation and scale, sizes columns and rows, keeps a
/// table a page can hold on one page and a longer one's title with its head and first two rows, repeats the header rows on every page, never splits a row
/// (or a group of rows joined by a spanning cell) unless it is taller than a page. Merged runs
/// (`MergedRun`) do not join rows: a page break may cut one, and each page prints its part.
struct TableLayout {
    let table: Table
    let paragraphs: ParagraphLayouter
    let flow: PageFlow

    private var scale = 1.0
    private var orientation: Orientation = .portrait
    private var columns: TableColumns?

    /// Sizing already done for this table (`SizedTables`), or nil to size it here.
    private let sized: Sized?

    init(table: Table, paragraphs: ParagraphLayouter, flow: PageFlow, sized: Sized? = nil) {
        self.table = table
        self.paragraphs = paragraphs
        self.flow = flow
        self.sized = sized
    }

    /// What sizing finds: orientation, scale, columns and the laid-out cells of header and body. It
    /// depends on the table and the page setup alone, not on where the table falls, so a pass
    /// sizes each table once although keeps ask for it before it is placed.
    struct Sized {
        let scale: Double
        let orientation: Orientation
        let columns: TableColumns
        let header: Section
        let body: Section
        let groups: [ClosedRange<Int>]
    }

    /// The table sized: as given, or worked out now.
    mutating func sizing() throws -> Sized {
        if let sized {
            (scale, orientation, columns) = (sized.scale, sized.orientation, sized.columns)
            return sized
        }
        try prepare()
        let header = try section(table.header, header: true)
        let body = try section(table.body, header: false)
        return Sized(scale: scale, orientation: orientation, columns: columns!, header: header, body: body, groups: body.grid.groups())
    }

    /// A laid-out cell: its lines and its box on the grid; `merged` when it is part of a merged run.
    struct CellBox {
        let placed: TableGrid.Placed
        let lines: [LaidLine]
        let style: TextStyle
        var merged = false
    }

    /// A merged run with the box of its first cell (whose text it prints) and the height that text needs.
    struct MergedBox {
        let run: MergedRun
        let box: CellBox
        let need: Double
    }

    struct Section {
        let grid: TableGrid
        let boxes: [CellBox]
        /// Each row's height from its own cells; merged runs are added by `heights(of:)`.
        let heights: [Double]
        var merged: [MergedBox] = []
        var height: Double { heights.reduce(0, +) }

        /// The parts of merged runs within `rows` (what one page prints of each run).
        func pieces(in rows: ClosedRange<Int>) -> [(merged: MergedBox, rows: ClosedRange<Int>)] {
            merged.compactMap { item in
                let low = max(item.run.rows.lowerBound, rows.lowerBound), high = min(item.run.rows.upperBound, rows.upperBound)
                return low <= high ? (item, low...high) : nil
            }
        }

        /// Heights of `rows` printed together on one page: where a run's part is shorter than its
        /// text, the part's last row grows (as for a cell spanning rows).
        func heights(of rows: ClosedRange<Int>) -> [Double] {
            var result = rows.map { heights[$0] }
            for (item, part) in pieces(in: rows) {
                let have = part.reduce(0) { $0 + result[$1 - rows.lowerBound] }
                if item.need > have { result[part.upperBound - rows.lowerBound] += item.need - have }
            }
            return result
        }

        func height(of rows: ClosedRange<Int>) -> Double { heights(of: rows).reduce(0, +) }
    }

    var cellStyle: TextStyle {
        var style = table.cellStyle
        style.size *= scale
        style.lineHeight *= scale
        style.firstLineIndent = 0
        return style
    }

    var padding: (h: Double, v: Double) { (3 * scale, 2 * scale) }

    /// How much of the table must share a page (TYPOGRAPHY.md, Tables): `minimum` is the title,
    /// caption lines, header rows and the first two body row groups, never fewer at a page foot;
    /// `whole` is the whole table with its notes, kept on one page when a page can hold it.
    struct Keep {
        let minimum: Double
        let whole: Double
        /// The orientation of the page the table goes on.
        let orientation: Orientation
    }

    /// The table's `Keep`, for a heading placed before it (keep-with-next).
    mutating func keep() throws -> Keep {
        let sized = try sizing()
        return try keep(header: sized.header, body: sized.body, groups: sized.groups)
    }

    private func keep(header: Section, body: Section, groups: [ClosedRange<Int>]) throws -> Keep {
        let top = try titleHeight() + captionHeight() + header.height
        let firstRows = groups.prefix(2).last.map { body.height(of: 0...$0.upperBound) } ?? 0
        let allRows = body.grid.rows > 0 ? body.height(of: 0...(body.grid.rows - 1)) : 0
        return Keep(minimum: top + firstRows, whole: top + allRows + (try notesHeight()), orientation: orientation)
    }

    /// The room to make before the title. A table a page can hold starts on a fresh page rather
    /// than run over a page break (the reader sees it whole, with one header); a longer one needs
    /// room for its `minimum`. Right after a heading, the minimum: the heading made room for the
    /// whole table where heading and table fit on one page, and moving on would leave it alone.
    private func room(for keep: Keep) -> Double {
        keep.whole <= flow.fullHeight + 0.001 && !flow.afterHeading ? keep.whole : keep.minimum
    }

    /// Places the table; returns its contents/outline entry when it has an outline level.
    mutating func place() throws -> ContentsTarget? {
        let sized = try sizing()
        let (header, body, groups) = (sized.header, sized.body, sized.groups)
        if flow.pages.isEmpty { flow.startPage(orientation) }
        if flow.orientation != orientation { flow.startPageOrTurn(orientation) }
        // A landscape table right after another stays on the landscape page.
        flow.returnToPortrait = false
        flow.makeRoom(room(for: try keep(header: header, body: body, groups: groups)))

        let titleY = flow.cursor
        try placeTitle()
        try placeCaptions()
        placeHeader(header)
        try placeBody(body, groups: groups, header: header)
        try placeNotes()
        if orientation == .landscape { flow.returnToPortrait = true }
        guard let level = table.outlineLevel, let title = table.title else { return nil }
        return ContentsTarget(title: title, level: level, page: pageOfTitle(titleY), y: titleY)
    }

    /// Fills each page with as many whole groups as fit, placed together so that a merged run
    /// is one cell per page; a group taller than a page goes on a fresh page and runs over.
    private func placeBody(_ body: Section, groups: [ClosedRange<Int>], header: Section) throws {
        var start = 0
        var freshPage = false
        while start < groups.count {
            if !freshPage && !fits(body, groups[start]) {
                try continueOnNewPage(header); freshPage = true
                continue
            }
            var end = start
            while end + 1 < groups.count && fits(body, groups[start].lowerBound...groups[end + 1].upperBound) { end += 1 }
            placeRows(body, rows: groups[start].lowerBound...groups[end].upperBound, isEmpty: false)
            start = end + 1
            if start < groups.count { try continueOnNewPage(header); freshPage = true }
        }
    }

    private func continueOnNewPage(_ header: Section) throws {
        flow.startPage(orientation)
        try placeContinuation()
        placeHeader(header)
    }

    private func placeHeader(_ header: Section) {
        placeRows(header, rows: 0...(max(0, header.grid.rows - 1)), isEmpty: header.grid.rows == 0)
    }

    private func fits(_ body: Section, _ rows: ClosedRange<Int>) -> Bool {
        body.height(of: rows) <= flow.remaining + 0.001
    }

    private func pageOfTitle(_ y: Double) -> Int {
        // The title was placed on the page current right after makeRoom; rows may have moved on since.
        flow.titlePage ?? flow.pageIndex
    }

    // MARK: Sizing

    /// Chooses orientation and scale (shrink within the template's limit, else landscape) and widths.
    private mutating func prepare() throws {
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
        let runs = header ? [] : grid.mergedRuns(table.columns)
        let merged = Set(runs.flatMap { run in run.rows.map { GridPosition(row: $0, column: run.column) } })
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
            let isMerged = merged.contains(GridPosition(row: placed.row, column: placed.column))
            boxes.append(CellBox(placed: placed, lines: lines, style: style, merged: isMerged))
            if placed.rowSpan == 1 && !isMerged {
                heights[placed.row] = max(heights[placed.row], textHeight(lines.count, style) + 2 * padding.v)
            }
        }
        for box in boxes where box.placed.rowSpan > 1 {
            let rows = box.placed.row..<(box.placed.row + box.placed.rowSpan)
            let have = rows.reduce(0) { $0 + heights[$1] }
            let need = textHeight(box.lines.count, box.style) + 2 * padding.v
            if need > have { heights[rows.upperBound - 1] += need - have }
        }
        return Section(grid: grid, boxes: boxes, heights: heights, merged: runs.map { run in
            let box = boxes.first { $0.placed.row == run.rows.lowerBound && $0.placed.column == run.column }!
            return MergedBox(run: run, box: box, need: textHeight(box.lines.count, box.style) + 2 * padding.v)
        })
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

    /// Draws the cells starting in `rows` with their borders, text centred vertically; each merged
    /// run's part within `rows` is one cell with the run's text.
    private func placeRows(_ section: Section, rows: ClosedRange<Int>, isEmpty: Bool) {
        guard !isEmpty else { return }
        let heights = section.heights(of: rows)
        var rowTops: [Double] = []
        var y = flow.cursor
        for height in heights { rowTops.append(y); y += height }
        func span(_ cells: ClosedRange<Int>) -> (top: Double, height: Double) {
            (rowTops[cells.lowerBound - rows.lowerBound], cells.reduce(0) { $0 + heights[$1 - rows.lowerBound] })
        }
        for box in section.boxes where rows.contains(box.placed.row) && !box.merged {
            let (top, height) = span(box.placed.row...(box.placed.row + box.placed.rowSpan - 1))
            placeCell(box, columnSpan: box.placed.columnSpan, top: top, height: height)
        }
        for (item, part) in section.pieces(in: rows) {
            let (top, height) = span(part)
            placeCell(item.box, columnSpan: 1, top: top, height: height)
        }
        flow.advance(y - rowTops[0])
    }

    /// One cell's borders and its lines, centred vertically in `height`.
    private func placeCell(_ box: CellBox, columnSpan: Int, top: Double, height: Double) {
        let x = flow.left + tableLeft + columns!.offsets[box.placed.column]
        drawBorders(x: x, y: top, width: columns!.width(from: box.placed.column, span: columnSpan), height: height)
        let metrics = paragraphs.shaper.verticalMetrics(role: box.style.role, size: box.style.size)
        var baseline = top + (height - textHeight(box.lines.count, box.style)) / 2
            + (box.style.lineHeight - metrics.ascent - metrics.descent) / 2 + metrics.ascent
        for line in box.lines {
            flow.place(line, x: x - flow.left + padding.h, baseline: baseline)
            baseline += box.style.lineHeight
        }
    }

    private func drawBorders(x: Double, y: Double, width: Double, height: Double) {
        let rule = 0.5 * max(scale, 0.8)
        flow.addRule(x1: x, y1: y, x2: x + width, y2: y, width: rule)
        flow.addRule(x1: x, y1: y + height, x2: x + width, y2: y + height, width: rule)
        flow.addRule(x1: x, y1: y, x2: x, y2: y + height, width: rule)
        flow.addRule(x1: x + width, y1: y, x2: x + width, y2: y + height, width: rule)
    }

    private var noteStyle: TextStyle {
        var style = table.cellStyle
        style.alignment = .left
        style.firstLineIndent = 0
        return style
    }

    private func noteLines(_ note: String) throws -> [LaidLine] {
        try paragraphs.lines(note, noteStyle, width: flow.contentWidth, context: "表格注释")
    }

    private func notesHeight() throws -> Double {
        try table.notes.reduce(0) { $0 + Double(try noteLines($1).count) * noteStyle.lineHeight }
    }

    private func placeNotes() throws {
        for note in table.notes { place(try noteLines(note), style: noteStyle, x: 0) }
    }
}

/// Each table of a document sized once per layout, by its place among the blocks.
final class SizedTables {
    private var byBlock: [Int: TableLayout.Sized] = [:]

    func keep(_ table: Table, at index: Int, paragraphs: ParagraphLayouter, flow: PageFlow) throws -> TableLayout.Keep {
        var layout = try self.layout(table, at: index, paragraphs: paragraphs, flow: flow)
        return try layout.keep()
    }

    func place(_ table: Table, at index: Int, paragraphs: ParagraphLayouter, flow: PageFlow) throws -> ContentsTarget? {
        var layout = try self.layout(table, at: index, paragraphs: paragraphs, flow: flow)
        return try layout.place()
    }

    /// The layout of the table at `index`, sized now unless it was before.
    private func layout(_ table: Table, at index: Int, paragraphs: ParagraphLayouter, flow: PageFlow) throws -> TableLayout {
        if byBlock[index] == nil {
            var fresh = TableLayout(table: table, paragraphs: paragraphs, flow: flow)
            byBlock[index] = try fresh.sizing()
        }
        return TableLayout(table: table, paragraphs: paragraphs, flow: flow, sized: byBlock[index])
    }
}

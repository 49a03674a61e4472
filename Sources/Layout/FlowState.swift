import Document

/// Places blocks one after another on the page flow, keeping headings with what follows.
struct FlowState {
    let flow: PageFlow
    let paragraphs: ParagraphLayouter
    let contentsPages: [ContentsTarget]?
    let contentsEntries: [(title: String, level: Int)]
    private(set) var outline: [OutlineEntry] = []
    private(set) var targets: [ContentsTarget] = []

    init(flow: PageFlow, paragraphs: ParagraphLayouter, contentsPages: [ContentsTarget]?, contentsEntries: [(title: String, level: Int)]) {
        self.flow = flow
        self.paragraphs = paragraphs
        self.contentsPages = contentsPages
        self.contentsEntries = contentsEntries
    }

    mutating func place(_ block: Block, followedBy next: Block?) throws {
        switch block {
        case .heading, .paragraph, .tableOfContents, .space:
            if flow.returnToPortrait { flow.startPageOrTurn(.portrait) }
        default:
            break
        }
        switch block {
        case .heading(let heading):
            try placeHeading(heading, followedBy: next)
        case .paragraph(let paragraph):
            try placeParagraph(paragraph)
        case .table(let table):
            var tableLayout = TableLayout(table: table, paragraphs: paragraphs, flow: flow)
            let entry = try tableLayout.place()
            if let entry { record(entry.title, level: entry.level, page: entry.page, y: entry.y, inContents: true, bookmarked: true) }
        case .pageBreak(let orientation):
            flow.startPage(orientation)
        case .tableOfContents(let contents):
            try ContentsLayout(contents: contents, paragraphs: paragraphs, flow: flow, entries: contentsEntries).place(targets: contentsPages)
        case .space(let height):
            if !flow.atPageTop { flow.makeRoom(height); flow.advance(min(height, flow.remaining)) }
        }
    }

    /// Lines of `text` in `style` across the text block's width, with context for errors.
    func lines(_ text: String, _ style: TextStyle, width: Double? = nil, context: String) throws -> [LaidLine] {
        try paragraphs.lines(text, style, width: width ?? flow.contentWidth, context: context)
    }

    private mutating func placeHeading(_ heading: Heading, followedBy next: Block?) throws {
        let laid = try lines(heading.text, heading.style, context: "标题")
        let height = heading.style.spaceBefore + Double(laid.count) * heading.style.lineHeight + heading.style.spaceAfter
        // Keep the heading with the first line (or the table's head) of what follows.
        let following = try firstLineHeight(of: next)
        if flow.pages.isEmpty { flow.startPage() }
        flow.makeRoom(height + following)
        if !flow.atPageTop { flow.advance(heading.style.spaceBefore) }
        let y = flow.cursor
        placeLines(laid, style: heading.style)
        flow.advance(heading.style.spaceAfter)
        record(heading.text, level: heading.level, page: flow.pageIndex, y: y, inContents: heading.inContents, bookmarked: heading.bookmarked)
    }

    private mutating func placeParagraph(_ paragraph: Paragraph) throws {
        let laid = try lines(paragraph.text, paragraph.style, context: "段落")
        if flow.pages.isEmpty { flow.startPage() }
        if !flow.atPageTop { flow.advance(paragraph.style.spaceBefore) }
        placeLines(laid, style: paragraph.style)
        flow.advance(paragraph.style.spaceAfter)
    }

    /// Places lines one by one, starting a new page where one does not fit.
    func placeLines(_ laid: [LaidLine], style: TextStyle) {
        flow.placeLines(laid, style: style, metrics: paragraphs.shaper.verticalMetrics(role: style.role, size: style.size))
    }

    private func firstLineHeight(of block: Block?) throws -> Double {
        switch block {
        case .paragraph(let paragraph)?: return paragraph.style.spaceBefore + paragraph.style.lineHeight
        case .heading(let heading)?: return heading.style.spaceBefore + heading.style.lineHeight
        case .table(let table)?:
            var layout = TableLayout(table: table, paragraphs: paragraphs, flow: flow)
            return try layout.headHeight()
        default: return 0
        }
    }

    private mutating func record(_ title: String, level: Int, page: Int, y: Double, inContents: Bool, bookmarked: Bool) {
        if bookmarked { outline.append(OutlineEntry(title: title, level: level, page: page, y: y)) }
        if inContents { targets.append(ContentsTarget(title: title, level: level, page: page, y: y)) }
    }
}

import Document

/// Places blocks one after another on the page flow, keeping headings with what follows.
struct FlowState {
    let flow: PageFlow
    let paragraphs: ParagraphLayouter
    let contentsPages: [ContentsTarget]?
    let contentsEntries: [(title: String, level: Int)]
    /// Tables sized so far, by block index: a table's keep is asked before it is placed.
    let sizedTables: SizedTables
    private(set) var outline: [OutlineEntry] = []
    private(set) var targets: [ContentsTarget] = []

    init(flow: PageFlow, paragraphs: ParagraphLayouter, contentsPages: [ContentsTarget]?, contentsEntries: [(title: String, level: Int)],
         sizedTables: SizedTables = SizedTables()) {
        self.flow = flow
        self.paragraphs = paragraphs
        self.contentsPages = contentsPages
        self.contentsEntries = contentsEntries
        self.sizedTables = sizedTables
    }

    /// Places `block`, the document's block `index`, which `next` follows.
    mutating func place(_ block: Block, at index: Int, followedBy next: Block?) throws {
        switch block {
        case .heading, .paragraph, .tableOfContents, .space:
            if flow.returnToPortrait { flow.startPageOrTurn(.portrait) }
        default:
            break
        }
        switch block {
        case .heading(let heading):
            try placeHeading(heading, followedBy: next, at: index + 1)
        case .paragraph(let paragraph):
            try placeParagraph(paragraph, followedBy: next)
        case .table(let table):
            try keepWithContinuation(table, at: index, next)
            let entry = try sizedTables.place(table, at: index, paragraphs: paragraphs, flow: flow)
            if let entry { record(entry.title, level: entry.level, page: entry.page, y: entry.y, inContents: true, bookmarked: true) }
        case .pageBreak(let orientation):
            flow.startPage(orientation)
        case .tableOfContents(let contents):
            try ContentsLayout(contents: contents, paragraphs: paragraphs, flow: flow, entries: contentsEntries).place(targets: contentsPages)
        case .space(let height):
            if !flow.atPageTop { flow.makeRoom(height); flow.advance(min(height, flow.remaining)) }
        }
        if case .heading = block { flow.afterHeading = true } else { flow.afterHeading = false }
    }

    /// Lines of `text` in `style` across the text block's width, with context for errors.
    func lines(_ text: String, _ style: TextStyle, width: Double? = nil, context: String) throws -> [LaidLine] {
        try paragraphs.lines(text, style, width: width ?? flow.contentWidth, context: context)
    }

    /// Places `heading`; `next`, block `nextIndex`, is what it keeps with.
    private mutating func placeHeading(_ heading: Heading, followedBy next: Block?, at nextIndex: Int) throws {
        let laid = try lines(heading.text, heading.style, context: "标题")
        let height = heading.style.spaceBefore + Double(laid.count) * heading.style.lineHeight + heading.style.spaceAfter
        // Keep the heading with the first line (or the table's head) of what follows.
        let following = try keptHeight(of: next, at: nextIndex, after: height)
        if flow.pages.isEmpty { flow.startPage() }
        flow.makeRoom(height + following)
        if !flow.atPageTop { flow.advance(heading.style.spaceBefore) }
        let y = flow.cursor
        placeLines(laid, style: heading.style)
        flow.advance(heading.style.spaceAfter)
        record(heading.text, level: heading.level, page: flow.pageIndex, y: y, inContents: heading.inContents, bookmarked: heading.bookmarked)
    }

    private mutating func placeParagraph(_ paragraph: Paragraph, followedBy next: Block?) throws {
        let laid = try lines(paragraph.text, paragraph.style, context: "段落")
        if flow.pages.isEmpty { flow.startPage() }
        if !flow.atPageTop { flow.advance(paragraph.style.spaceBefore) }
        if try staysWithNext(laid, paragraph.style, next: next) { flow.startPage(flow.orientation) }
        let fitting = Int((flow.remaining + 0.001) / paragraph.style.lineHeight)
        let here = flow.atPageTop ? laid.count : OrphanControl.linesOnThisPage(count: laid.count, fitting: fitting)
        placeLines(Array(laid.prefix(here)), style: paragraph.style)
        if here < laid.count {
            flow.startPage(flow.orientation)
            placeLines(Array(laid.dropFirst(here)), style: paragraph.style)
        }
        flow.advance(paragraph.style.spaceAfter)
    }

    /// Whether a one-line paragraph (often a run-in heading typed as a paragraph, such as
    /// “4.城镇职工基本医疗保险管理所管理工作”) must go to the next page with the paragraph after
    /// it, which `OrphanControl` moves on whole: it would otherwise stand alone at the page foot.
    private func staysWithNext(_ laid: [LaidLine], _ style: TextStyle, next: Block?) throws -> Bool {
        guard laid.count == 1, !flow.atPageTop, case .paragraph(let following)? = next else { return false }
        let count = try lines(following.text, following.style, context: "段落").count
        let left = flow.remaining - style.lineHeight - style.spaceAfter - following.style.spaceBefore
        let fitting = Int((left + 0.001) / following.style.lineHeight)
        return fitting >= 1 && OrphanControl.linesOnThisPage(count: count, fitting: fitting) == 0
    }

    /// Places lines one by one, starting a new page where one does not fit.
    func placeLines(_ laid: [LaidLine], style: TextStyle) {
        flow.placeLines(laid, style: style, metrics: paragraphs.shaper.verticalMetrics(role: style.role, size: style.size))
    }

    /// What of `block` must share a page with a heading `heading` points tall: a paragraph's or a
    /// heading's first line; a table's whole when heading and table fit on one page, else its
    /// minimum (TableLayout.Keep).
    private func keptHeight(of block: Block?, at index: Int, after heading: Double) throws -> Double {
        switch block {
        case .paragraph(let paragraph)?: return paragraph.style.spaceBefore + paragraph.style.lineHeight
        case .heading(let heading)?: return heading.style.spaceBefore + heading.style.lineHeight
        case .table(let table)?:
            let keep = try sizedTables.keep(table, at: index, paragraphs: paragraphs, flow: flow)
            return heading + keep.whole <= flow.fullHeight + 0.001 ? keep.whole : keep.minimum
        default: return 0
        }
    }

    /// An untitled table right after a table reads as its second part (hebei's 项目绩效指标表 under
    /// its 项目绩效目标表): where the two fit on one page together but not in the space left, the
    /// first starts on a fresh page, so that the reader sees the pair whole. Right after a heading
    /// the heading's own keep decides (TableLayout.Keep).
    private func keepWithContinuation(_ table: Table, at index: Int, _ next: Block?) throws {
        guard case .table(let second)? = next, second.title == nil, second.captionLines.isEmpty,
              !flow.pages.isEmpty, !flow.atPageTop, !flow.afterHeading else { return }
        let first = try sizedTables.keep(table, at: index, paragraphs: paragraphs, flow: flow)
        let continuation = try sizedTables.keep(second, at: index + 1, paragraphs: paragraphs, flow: flow)
        guard first.orientation == flow.orientation, continuation.orientation == flow.orientation else { return }
        let together = first.whole + continuation.whole
        if together <= flow.fullHeight + 0.001 && together > flow.remaining + 0.001 { flow.startPage(flow.orientation) }
    }

    private mutating func record(_ title: String, level: Int, page: Int, y: Double, inContents: Bool, bookmarked: Bool) {
        if bookmarked { outline.append(OutlineEntry(title: title, level: level, page: page, y: y)) }
        if inContents { targets.append(ContentsTarget(title: title, level: level, page: page, y: y)) }
    }
}

import Document

/// Stage 4's entry: lays a Document out on pages. Runs twice when there is a table of contents,
/// so the contents can print the pages the first pass found.
public final class DocumentLayouter {
    let paragraphs: ParagraphLayouter

    public init(shaper: TextShaper) {
        self.paragraphs = ParagraphLayouter(shaper: shaper)
    }

    /// Lays `document` out. `finished` receives each page, decorated, as soon as nothing can change
    /// it any more, in order: while a document without contents is still being laid out (a page
    /// is final once the next one starts), after the last pass for one with contents (whose pages
    /// all wait for the page numbers it prints). The PDF can then be drawn alongside layout.
    public func layout(_ document: Document, finished: ((PageFrame) throws -> Void)? = nil) throws -> LaidOutDocument {
        var pages = FinishedPages(decorations: PageDecorations(setup: document.page, paragraphs: paragraphs), finished: finished)
        // Tables are sized once for every pass: sizing depends on the table and the page setup alone.
        let sizedTables = SizedTables()
        guard document.blocks.contains(where: \.isTableOfContents) else {
            let pass = try layoutOnce(document, contentsPages: nil, sizedTables: sizedTables) { try pages.take(from: $0, keepingLast: true) }
            try pages.take(from: pass.flow, keepingLast: false)
            return LaidOutDocument(pages: pages.done, outline: pass.outline, metadata: document.metadata)
        }
        var pass = try layoutOnce(document, contentsPages: nil, sizedTables: sizedTables)
        // The contents' own length does not depend on the numbers it prints (fixed-width slot),
        // so a second pass with the first pass's pages is final; a third guards the rare case.
        for _ in 0..<2 {
            let next = try layoutOnce(document, contentsPages: pass.headingPages, sizedTables: sizedTables)
            let settled = next.headingPages == pass.headingPages
            pass = next
            if settled { break }
        }
        try pages.take(from: pass.flow, keepingLast: false)
        return LaidOutDocument(pages: pages.done, outline: pass.outline, metadata: document.metadata)
    }

    struct Pass {
        let flow: PageFlow
        let outline: [OutlineEntry]
        /// The page (0-based) and y of each contents entry, in order.
        let headingPages: [ContentsTarget]
    }

    /// One pass over the blocks; `placed` is called after each block with the flow so far.
    private func layoutOnce(_ document: Document, contentsPages: [ContentsTarget]?, sizedTables: SizedTables,
                            placed: (PageFlow) throws -> Void = { _ in }) throws -> Pass {
        let flow = PageFlow(setup: document.page)
        var state = FlowState(flow: flow, paragraphs: paragraphs, contentsPages: contentsPages,
                              contentsEntries: Self.contentsEntries(of: document), sizedTables: sizedTables)
        for (index, block) in document.blocks.enumerated() {
            let next = index + 1 < document.blocks.count ? document.blocks[index + 1] : nil
            try state.place(block, at: index, followedBy: next)
            try placed(flow)
        }
        if flow.pages.isEmpty { flow.startPage() }
        return Pass(flow: flow, outline: state.outline, headingPages: state.targets)
    }
}

extension DocumentLayouter {
    /// Headings and tables listed in the contents, in document order.
    static func contentsEntries(of document: Document) -> [(title: String, level: Int)] {
        document.blocks.compactMap { block in
            switch block {
            case .heading(let heading) where heading.inContents: return (heading.text, heading.level)
            case .table(let table):
                guard let level = table.outlineLevel, let title = table.title else { return nil }
                return (title, level)
            default: return nil
            }
        }
    }
}

/// Where a contents entry points: its page (0-based) and height on the page.
struct ContentsTarget: Equatable {
    let title: String
    let level: Int
    let page: Int
    let y: Double
}

/// The pages of the final pass, decorated and handed on in order as each becomes final. Only a
/// flow's last page can still change (gain items, or be dropped when empty, `startPageOrTurn`).
struct FinishedPages {
    let decorations: PageDecorations
    let finished: ((PageFrame) throws -> Void)?
    private(set) var done: [PageFrame] = []

    init(decorations: PageDecorations, finished: ((PageFrame) throws -> Void)?) {
        self.decorations = decorations
        self.finished = finished
    }

    /// Takes the flow's pages not yet taken, all but the last one while `keepingLast`.
    mutating func take(from flow: PageFlow, keepingLast: Bool) throws {
        let end = keepingLast ? flow.pages.count - 1 : flow.pages.count
        while done.count < end {
            var page = flow.pages[done.count]
            try decorations.decorate(&page, number: done.count + 1)
            done.append(page)
            try finished?(page)
        }
    }
}

extension Block {
    var isTableOfContents: Bool {
        if case .tableOfContents = self { return true } else { return false }
    }
}

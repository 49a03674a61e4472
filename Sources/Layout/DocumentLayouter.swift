import Document

/// Stage 4's entry: lays a Document out on pages. Runs twice when there is a table of contents,
/// so the contents can print the pages the first pass found.
public final class DocumentLayouter {
    let paragraphs: ParagraphLayouter

    public init(shaper: TextShaper) {
        self.paragraphs = ParagraphLayouter(shaper: shaper)
    }

    public func layout(_ document: Document) throws -> LaidOutDocument {
        let hasContents = document.blocks.contains { if case .tableOfContents = $0 { return true } else { return false } }
        var pass = try layoutOnce(document, contentsPages: nil)
        if hasContents {
            // The contents' own length does not depend on the numbers it prints (fixed-width slot),
            // so a second pass with the first pass's pages is final; a third guards the rare case.
            for _ in 0..<2 {
                let next = try layoutOnce(document, contentsPages: pass.headingPages)
                let settled = next.headingPages == pass.headingPages
                pass = next
                if settled { break }
            }
        }
        var pages = pass.flow.pages
        try PageDecorations(setup: document.page, paragraphs: paragraphs).decorate(&pages)
        return LaidOutDocument(pages: pages, outline: pass.outline, metadata: document.metadata)
    }

    struct Pass {
        let flow: PageFlow
        let outline: [OutlineEntry]
        /// The page (0-based) and y of each contents entry, in order.
        let headingPages: [ContentsTarget]
    }

    private func layoutOnce(_ document: Document, contentsPages: [ContentsTarget]?) throws -> Pass {
        let flow = PageFlow(setup: document.page)
        var state = FlowState(flow: flow, paragraphs: paragraphs, contentsPages: contentsPages,
                              contentsEntries: Self.contentsEntries(of: document))
        for (index, block) in document.blocks.enumerated() {
            let next = index + 1 < document.blocks.count ? document.blocks[index + 1] : nil
            try state.place(block, followedBy: next)
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

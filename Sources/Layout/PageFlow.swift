import Document

/// The pages being filled, top to bottom: where the next box goes and when a new page starts.
final class PageFlow {
    let setup: PageSetup
    private(set) var pages: [PageFrame] = []
    private(set) var orientations: [Orientation] = []
    /// The y of the next box on the current page.
    private(set) var cursor: Double = 0
    private(set) var orientation: Orientation = .portrait
    /// Set after a landscape table: the next text goes back to a portrait page.
    var returnToPortrait = false
    /// Set while the block just placed is a heading, which made room for what follows it: a
    /// table right after it must not move to the next page on its own.
    var afterHeading = false
    /// The page the last table title went on.
    var titlePage: Int?
    /// Rules already drawn on the current page, so shared cell borders are drawn once.
    private var drawnRules: Set<RuleKey> = []

    init(setup: PageSetup) {
        self.setup = setup
    }

    var pageIndex: Int { pages.count - 1 }
    var pageWidth: Double { orientation == .portrait ? setup.width : setup.height }
    var pageHeight: Double { orientation == .portrait ? setup.height : setup.width }
    /// Landscape pages keep the binding margin at the top edge's side as the left margin of the rotated page.
    var left: Double { setup.marginLeft }
    var contentWidth: Double { pageWidth - setup.marginLeft - setup.marginRight }
    var top: Double { orientation == .portrait ? setup.marginTop : setup.marginRight }
    var bottom: Double { pageHeight - (orientation == .portrait ? setup.marginBottom : setup.marginBottom) }
    /// Height still free on the current page.
    var remaining: Double { pages.isEmpty ? 0 : bottom - cursor }
    /// Height of an empty page's text block.
    var fullHeight: Double { bottom - top }
    var atPageTop: Bool { !pages.isEmpty && cursor <= top + 0.001 }

    func startPage(_ orientation: Orientation? = nil) {
        self.orientation = orientation ?? .portrait
        returnToPortrait = false
        drawnRules = []
        pages.append(PageFrame(width: pageWidth, height: pageHeight))
        orientations.append(self.orientation)
        cursor = top
    }

    /// Turns the current page to `orientation` if nothing is on it yet, else starts a new page:
    /// a page break right before a landscape table must not leave a blank portrait page.
    func startPageOrTurn(_ orientation: Orientation) {
        guard !pages.isEmpty, atPageTop, pages[pages.count - 1].items.isEmpty else { startPage(orientation); return }
        pages.removeLast()
        orientations.removeLast()
        startPage(orientation)
    }

    /// Starts a page unless the current one is still empty and of the wanted orientation.
    func ensureFreshPage(_ wanted: Orientation) {
        if pages.isEmpty || !atPageTop || orientation != wanted { startPage(wanted) }
    }

    /// Makes room for `height`, starting a new page (of the same orientation) if it does not fit.
    func makeRoom(_ height: Double) {
        if pages.isEmpty { startPage(); return }
        if height > remaining + 0.001 && !atPageTop { startPage(orientation) }
    }

    func advance(_ height: Double) { cursor += height }

    func add(_ item: FrameItem) { pages[pages.count - 1].items.append(item) }

    /// Adds a rule unless the same one is already on this page (neighbouring cells share edges).
    func addRule(x1: Double, y1: Double, x2: Double, y2: Double, width: Double) {
        guard drawnRules.insert(RuleKey(x1, y1, x2, y2)).inserted else { return }
        add(.line(x1: x1, y1: y1, x2: x2, y2: y2, width: width))
    }

    /// Places lines one under another at `x` from the left margin, each centred in its line height,
    /// starting a new page where one does not fit.
    func placeLines(_ lines: [LaidLine], style: TextStyle, metrics: (ascent: Double, descent: Double), x: Double = 0) {
        for line in lines {
            makeRoom(style.lineHeight)
            place(line, x: x, baseline: baseline(for: style, metrics))
            advance(style.lineHeight)
        }
    }

    /// The baseline of a line of `style` starting at the cursor: the em box centred in the line height.
    func baseline(for style: TextStyle, _ metrics: (ascent: Double, descent: Double)) -> Double {
        cursor + (style.lineHeight - metrics.ascent - metrics.descent) / 2 + metrics.ascent
    }

    /// Places a line's runs with their baseline at `baseline`, offset `x` from the left margin.
    func place(_ line: LaidLine, x: Double, baseline: Double) {
        for var run in line.runs {
            run.x += left + x
            run.y = baseline
            add(.text(run))
        }
    }
}

/// A rule's ends to the hundredth of a point: two cells' shared border is one rule.
private struct RuleKey: Hashable {
    let x1, y1, x2, y2: Int

    init(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) {
        (self.x1, self.y1, self.x2, self.y2) = (RuleKey.hundredths(x1), RuleKey.hundredths(y1), RuleKey.hundredths(x2), RuleKey.hundredths(y2))
    }

    private static func hundredths(_ value: Double) -> Int { Int((value * 100).rounded()) }
}

import Document

/// 目录: a title, then one line per entry — indented by level, dot leaders, the page number in a
/// fixed slot at the right, the whole line a link to the entry's page.
struct ContentsLayout {
    let contents: TableOfContents
    let paragraphs: ParagraphLayouter
    let flow: PageFlow
    /// The entries to list, found before layout (titles and levels), so the first pass reserves
    /// exactly the room the final one needs.
    let entries: [(title: String, level: Int)]

    func place(targets: [ContentsTarget]?) throws {
        if flow.pages.isEmpty { flow.startPage() }
        try placeLines(try layout(contents.title, contents.titleStyle, width: flow.contentWidth), style: contents.titleStyle)
        flow.advance(contents.titleStyle.spaceAfter)
        let style = contents.entryStyle
        let slot = try layout("000", style, width: .infinity, wraps: false).first?.width ?? style.size * 1.5
        let dot = try layout("·", style, width: .infinity, wraps: false).first
        for (index, entry) in entries.enumerated() where entry.level <= contents.depth {
            let target = targets.flatMap { index < $0.count ? $0[index] : nil }
            let indent = Double(entry.level - 1) * 2 * style.size
            let number = target.map { String($0.page + 1) } ?? ""
            let textWidth = flow.contentWidth - indent - slot - style.size
            var titleStyle = style
            titleStyle.alignment = .left
            titleStyle.firstLineIndent = 0
            let titleLines = try layout(entry.title, titleStyle, width: textWidth)
            flow.makeRoom(Double(titleLines.count) * style.lineHeight)
            let top = flow.cursor
            let metrics = paragraphs.shaper.verticalMetrics(role: style.role, size: style.size)
            var baseline = top
            for line in titleLines {
                baseline = flow.baseline(for: style, metrics)
                flow.place(line, x: indent, baseline: baseline)
                flow.advance(style.lineHeight)
            }
            let lastWidth = titleLines.last?.width ?? 0
            if let dot, let dotWidth = dot.runs.first.map({ _ in dot.width }), dotWidth > 0 {
                let start = indent + lastWidth + style.size / 2
                let end = flow.contentWidth - slot - style.size / 4
                var x = start
                while x + dotWidth <= end { flow.place(dot, x: x, baseline: baseline); x += dotWidth }
            }
            if let numberLine = try layout(number, style, width: .infinity, wraps: false).first {
                flow.place(numberLine, x: flow.contentWidth - numberLine.width, baseline: baseline)
            }
            if let target {
                flow.add(.link(x: flow.left + indent, y: top, width: flow.contentWidth - indent, height: flow.cursor - top,
                               page: target.page, targetY: target.y))
            }
        }
    }

    private func layout(_ text: String, _ style: TextStyle, width: Double, wraps: Bool = true) throws -> [LaidLine] {
        guard !text.isEmpty else { return [] }
        return try paragraphs.lines(text, style, width: width, wraps: wraps, context: "目录")
    }

    private func placeLines(_ lines: [LaidLine], style: TextStyle) throws {
        flow.placeLines(lines, style: style, metrics: paragraphs.shaper.verticalMetrics(role: style.role, size: style.size))
    }
}

import Document

/// Page numbers (“- 1 -” or “第 1 页”) and the running header, added once pages are final.
struct PageDecorations {
    let setup: PageSetup
    let paragraphs: ParagraphLayouter

    /// Decorates page `number` (from 1): what it adds depends on nothing but the number.
    func decorate(_ page: inout PageFrame, number: Int) throws {
        if let label = label(for: number) {
            try addNumber(label, to: &page, number: number)
        }
        if number > 1, let header = setup.runningHeader, !header.isEmpty {
            try addHeader(header, to: &page)
        }
    }

    private func label(for number: Int) -> String? {
        switch setup.pageNumbers {
        case .dashed: return "- \(number) -"
        case .chinese: return "第 \(number) 页"
        case .none: return nil
        }
    }

    /// 7 mm below the text block; odd pages right and even pages left when `pageNumbersOutside`.
    private func addNumber(_ label: String, to page: inout PageFrame, number: Int) throws {
        let style = TextStyle(role: .body, size: setup.pageNumberSize, alignment: .left)
        guard let line = try paragraphs.layout(label, style: style, width: .infinity, wraps: false).first else { return }
        let bottom = page.height - setup.marginBottom
        let baseline = bottom + 7 * PageSetup.millimetre + setup.pageNumberSize * 0.88
        let inset = setup.pageNumberSize
        let x: Double
        if setup.pageNumbersOutside {
            x = number % 2 == 1 ? page.width - setup.marginRight - inset - line.width : setup.marginLeft + inset
        } else {
            x = (page.width - line.width) / 2
        }
        for var run in line.runs {
            run.x += x
            run.y = baseline
            page.items.append(.text(run))
        }
    }

    private func addHeader(_ header: String, to page: inout PageFrame) throws {
        let style = TextStyle(role: .body, size: 9, alignment: .left)
        let width = page.width - setup.marginLeft - setup.marginRight
        guard let line = try paragraphs.layout(header, style: style, width: width, wraps: false).first else { return }
        let baseline = setup.marginTop - 10 * PageSetup.millimetre
        for var run in line.runs {
            run.x += setup.marginLeft + (width - line.width) / 2
            run.y = baseline
            page.items.append(.text(run))
        }
        page.items.append(.line(x1: setup.marginLeft, y1: baseline + 4, x2: setup.marginLeft + width, y2: baseline + 4, width: 0.5))
    }
}

import Document
import Layout

/// Small builders and readers for layout tests with fixed fake metrics.
enum Fixture {
    static let body = TextStyle(role: .body, size: 10, alignment: .justified, firstLineIndent: 2, lineHeight: 20)
    static let heading = TextStyle(role: .heiti, size: 16, alignment: .left, lineHeight: 30)
    static let cell = TextStyle(role: .table, size: 10, alignment: .left, lineHeight: 14)
    static let title = TextStyle(role: .title, size: 16, alignment: .center, lineHeight: 30)

    /// A page with a 400 × 600 pt text block, page numbers at the foot.
    static let page = PageSetup(width: 500, height: 760, marginTop: 80, marginBottom: 80, marginLeft: 50, marginRight: 50)

    static func document(_ blocks: [Block], page: PageSetup = Fixture.page) -> Document {
        Document(metadata: Metadata(title: "测试", author: "测试局", creationDate: "2025-01-01"), page: page, blocks: blocks)
    }

    static func layout(_ blocks: [Block], page: PageSetup = Fixture.page) throws -> LaidOutDocument {
        try DocumentLayouter(shaper: FixedWidthShaper()).layout(document(blocks, page: page))
    }

    /// A 功能分类 table: title (30 pt), a caption line (14), two header rows (18 each), `rows`
    /// body rows of 18 pt, numbered 2101501…
    static func table(rows: Int, columns: [Table.Column]? = nil, title: String = "支出总表", orientation: Orientation? = nil) -> Table {
        let columns = columns ?? [Table.Column(.fixed(70)), Table.Column(.proportional(1)), Table.Column(.fixed(80), numeric: true)]
        let header: [[Table.Cell]] = [
            [Table.Cell("功能分类科目", columnSpan: 2), Table.Cell("合计", rowSpan: 2)],
            [Table.Cell("科目编码"), Table.Cell("科目名称")],
        ]
        let body = (1...rows).map { index in
            [Table.Cell(String(2101500 + index)), Table.Cell("科目\(index)"), Table.Cell("\(index).00")]
        }
        return Table(title: title, titleStyle: Fixture.title, captionLines: [Table.CaptionLine(left: "编制单位：测试局", right: "单位：万元")],
                     columns: columns, header: header, body: body, cellStyle: Fixture.cell, outlineLevel: 2,
                     orientation: orientation, continuationCaption: "续表")
    }

    static func paragraph(_ characters: Int, _ fill: Character = "字") -> Block {
        .paragraph(Paragraph(String(repeating: fill, count: characters), style: body))
    }
}

extension PageFrame {
    var runs: [GlyphRun] { items.compactMap { if case .text(let run) = $0 { return run } else { return nil } } }
    var texts: [String] { runs.map(\.text) }
    var rules: Int { items.filter { if case .line = $0 { return true } else { return false } }.count }
    var links: [(page: Int, targetY: Double)] {
        items.compactMap { if case .link(_, _, _, _, let page, let y) = $0 { return (page, y) } else { return nil } }
    }
    func run(_ text: String) -> GlyphRun? { runs.first { $0.text == text } }
    var isLandscape: Bool { width > height }
}

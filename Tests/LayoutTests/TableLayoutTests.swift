import Document
import Layout
import XCTest

/// Tables across pages: repeated headers, spans, rows kept whole, landscape and shrinking.
final class TableLayoutTests: XCTestCase {
    func table(rows: Int, columns: [Table.Column]? = nil, title: String = "支出总表", orientation: Orientation? = nil) -> Table {
        Fixture.table(rows: rows, columns: columns, title: title, orientation: orientation)
    }

    func testTableBreaksOverThreePagesRepeatingItsHeader() throws {
        let laid = try Fixture.layout([.table(table(rows: 90))])
        XCTAssertGreaterThanOrEqual(laid.pages.count, 3)
        var seen: [Int] = []
        for (index, page) in laid.pages.enumerated() {
            XCTAssertEqual(page.texts.filter { $0 == "科目编码" }.count, 1, "page \(index + 1) repeats the header once")
            XCTAssertEqual(page.texts.filter { $0 == "功能分类科目" }.count, 1)
            if index > 0 { XCTAssertTrue(page.texts.contains("续表"), "page \(index + 1) says 续表") }
            seen += page.texts.compactMap { $0.hasPrefix("21015") ? Int($0)! - 2101500 : nil }
            // Header above every body row on the page.
            let headerY = page.run("科目编码")!.y
            for run in page.runs where run.text.hasPrefix("21015") { XCTAssertGreaterThan(run.y, headerY) }
        }
        XCTAssertEqual(seen, Array(1...90), "every row once, in order")
        XCTAssertEqual(laid.pages[0].texts.filter { $0 == "支出总表" }.count, 1)
        XCTAssertFalse(laid.pages[1].texts.contains("支出总表"), "the title is not repeated")
    }

    func testSpanningHeaderCellCoversItsColumns() throws {
        let laid = try Fixture.layout([.table(table(rows: 3))])
        let page = laid.pages[0]
        // Columns: 70 + proportional (400 − 70 − 80 = 250) + 80; the table starts at the left margin 50.
        let spanning = try XCTUnwrap(page.run("功能分类科目"))
        let width = 6 * 10.0
        XCTAssertEqual(spanning.x + width / 2, 50 + (70 + 250) / 2, accuracy: 0.01, "centred over two columns")
        let total = try XCTUnwrap(page.run("合计"))
        let code = try XCTUnwrap(page.run("科目编码"))
        let group = try XCTUnwrap(page.run("功能分类科目"))
        XCTAssertEqual(total.y, (code.y + group.y) / 2, accuracy: 0.01, "a cell spanning two rows is centred between them")
        XCTAssertEqual(total.x + 20 / 2, 50 + 320 + 40, accuracy: 0.01)
    }

    func testNumbersAreRightAligned() throws {
        let laid = try Fixture.layout([.table(table(rows: 3))])
        let run = try XCTUnwrap(laid.pages[0].run("3.00"))
        XCTAssertEqual(run.x + 4 * 5.0, 50 + 400 - 3, accuracy: 0.01, "right edge minus the cell padding")
    }

    func testRowsAreNeverSplit() throws {
        let tall = Table(title: nil, titleStyle: Fixture.title, columns: [Table.Column(.fixed(40)), Table.Column(.fixed(40))],
                         header: [[Table.Cell("甲"), Table.Cell("乙")]],
                         body: (1...30).map { _ in [Table.Cell(String(repeating: "长", count: 12)), Table.Cell("短")] },
                         cellStyle: Fixture.cell)
        let laid = try Fixture.layout([.table(tall)])
        for page in laid.pages {
            // Each row is 4 lines of 长长长 (3 per 34 pt line) and one 短: never a partial row.
            let pieces = page.texts.filter { $0.hasPrefix("长") }.count
            let rows = page.texts.filter { $0 == "短" }.count
            XCTAssertEqual(pieces, rows * 4, "rows are whole on every page")
        }
    }

    func testTitleIsKeptWithHeaderAndFirstRow() throws {
        // 28 lines of 20 pt leave 40 pt: not enough for title, caption, header and a row.
        let blocks: [Block] = [Fixture.paragraph(28 * 40 - 2), .table(table(rows: 2))]
        let laid = try Fixture.layout(blocks)
        XCTAssertEqual(laid.pages.count, 2)
        XCTAssertFalse(laid.pages[0].texts.contains("支出总表"))
        XCTAssertTrue(laid.pages[1].texts.contains("支出总表"))
    }

    func testWideTableGoesToALandscapePageAndTextReturnsToPortrait() throws {
        let columns = Array(repeating: Table.Column(.fixed(45), numeric: true), count: 14)
        let header = [(1...14).map { Table.Cell("列\($0)") }]
        let body = [(1...14).map { Table.Cell("\($0).00") }]
        let wide = Table(title: "宽表", titleStyle: Fixture.title, columns: columns, header: header, body: body, cellStyle: Fixture.cell)
        let laid = try Fixture.layout([Fixture.paragraph(10), .table(wide), Fixture.paragraph(10)])
        XCTAssertEqual(laid.pages.map(\.isLandscape), [false, true, false])
        XCTAssertTrue(laid.pages[1].texts.contains("宽表"))
    }

    func testSlightlyWideTableIsShrunkWithinTheTemplatesLimit() throws {
        // 430 pt of columns on a 400 pt text block: scale 400/430 ≈ 0.93 ≥ 0.85, so it stays portrait.
        let columns = [Table.Column(.fixed(215)), Table.Column(.fixed(215))]
        let shrunk = Table(title: nil, titleStyle: Fixture.title, columns: columns, header: [[Table.Cell("甲"), Table.Cell("乙")]],
                           body: [[Table.Cell("丙"), Table.Cell("丁")]], cellStyle: Fixture.cell)
        let laid = try Fixture.layout([.table(shrunk)])
        XCTAssertFalse(laid.pages[0].isLandscape)
        let run = try XCTUnwrap(laid.pages[0].run("丙"))
        XCTAssertEqual(run.size, 10 * 400 / 430, accuracy: 0.001)
    }

    func testEmptyTablePrintsHeaderAndNote() throws {
        let empty = Table(title: "政府性基金预算支出表", titleStyle: Fixture.title, columns: [Table.Column(.proportional(1)), Table.Column(.fixed(60), numeric: true)],
                          header: [[Table.Cell("科目"), Table.Cell("金额")]], body: [], cellStyle: Fixture.cell,
                          notes: ["注：无政府性基金预算财政拨款预算，空表列示。"])
        let laid = try Fixture.layout([.table(empty)])
        XCTAssertTrue(laid.pages[0].texts.contains("科目"))
        XCTAssertTrue(laid.pages[0].texts.joined().contains("空表列示"))
    }

    func testTablesAreBookmarked() throws {
        let laid = try Fixture.layout([Fixture.paragraph(20), .table(table(rows: 2))])
        XCTAssertEqual(laid.outline, [OutlineEntry(title: "支出总表", level: 2, page: 0, y: laid.outline.first?.y ?? -1)])
    }
}

/// Caption lines never overprint.
final class TableCaptionTests: XCTestCase {
    func caption(_ left: String, _ center: String, _ right: String) throws -> PageFrame {
        let table = Table(title: nil, titleStyle: Fixture.title, captionLines: [Table.CaptionLine(left: left, center: center, right: right)],
                          columns: [Table.Column(.fixed(200)), Table.Column(.fixed(200))],
                          header: [[Table.Cell("甲"), Table.Cell("乙")]], body: [], cellStyle: Fixture.cell)
        return try Fixture.layout([.table(table)]).pages[0]
    }

    func testShortCaptionsShareALine() throws {
        let page = try caption("编制单位：测试局", "预算年度：2025", "单位：万元")
        let left = try XCTUnwrap(page.run("编制单位：测试局")), center = try XCTUnwrap(page.run("预算年度：2025"))
        XCTAssertEqual(left.y, center.y)
        XCTAssertEqual(center.x + (5 * 10 + 4 * 5) / 2, 50 + 200, accuracy: 0.01, "centred over the table")
    }

    func testLongLeftTextPushesTheCentreRightOrDown() throws {
        let page = try caption("编制单位：西乡县医疗保险业务经办中心某某股室", "预算年度：2024", "单位：元")
        let left = try XCTUnwrap(page.run("编制单位：西乡县医疗保险业务经办中心某某股室"))
        let center = try XCTUnwrap(page.run("预算年度：2024"))
        let leftEnd = left.x + 22 * 10
        XCTAssertTrue(center.y > left.y || center.x >= leftEnd + 10, "the centre text does not overprint the left one")
    }
}

/// A page break just before a landscape table turns that page instead of leaving it blank.
final class PageTurnTests: XCTestCase {
    func testPageBreakBeforeALandscapeTableLeavesNoBlankPage() throws {
        let columns = Array(repeating: Table.Column(.fixed(45), numeric: true), count: 14)
        let wide = Table(title: "宽表", titleStyle: Fixture.title, columns: columns,
                         header: [(1...14).map { Table.Cell("列\($0)") }], body: [(1...14).map { Table.Cell("\($0)") }],
                         cellStyle: Fixture.cell)
        let laid = try Fixture.layout([Fixture.paragraph(10), .pageBreak(orientation: nil), .table(wide), .pageBreak(orientation: nil), Fixture.paragraph(10)])
        XCTAssertEqual(laid.pages.map(\.isLandscape), [false, true, false])
        XCTAssertTrue(laid.pages.allSatisfy { !$0.runs.isEmpty })
    }
}

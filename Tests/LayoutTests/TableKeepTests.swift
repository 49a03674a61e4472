import Document
import Layout
import XCTest

/// What of a table shares a page: never only its header and one row at a page foot, and the whole
/// of a table a page can hold (TableLayout.Keep).
final class TableKeepTests: XCTestCase {
    func table(rows: Int) -> Table { Fixture.table(rows: rows) }

    func codes(_ page: PageFrame) -> [Int] {
        page.texts.compactMap { $0.hasPrefix("21015") ? Int($0)! - 2101500 : nil }
    }

    /// 25 lines of 20 pt, leaving 100 pt of the 600 pt page.
    let twentyFiveLines = Fixture.paragraph(25 * 40 - 2)

    func testLongTableDoesNotStartWithItsHeaderAndOneRowAtAPageFoot() throws {
        // 100 pt holds title, caption, header and one row (98 pt), not two (116 pt).
        let laid = try Fixture.layout([twentyFiveLines, .table(table(rows: 60))])
        XCTAssertFalse(laid.pages[0].texts.contains("支出总表"))
        XCTAssertTrue(laid.pages[1].texts.contains("支出总表"))
        XCTAssertEqual(codes(laid.pages[1]).prefix(2), [1, 2])
    }

    func testLongTableStartsAtThePageFootWhenTwoRowsFit() throws {
        // 24 lines leave 120 pt: room for two rows, and a 60-row table cannot be whole anyway.
        let laid = try Fixture.layout([Fixture.paragraph(24 * 40 - 2), .table(table(rows: 60))])
        XCTAssertTrue(laid.pages[0].texts.contains("支出总表"))
        XCTAssertEqual(codes(laid.pages[0]), [1, 2])
    }

    func testShortTableIsKeptWholeOnTheNextPage() throws {
        // 10 rows: 278 pt in all, more than the 200 pt left after 20 lines, less than a page.
        let laid = try Fixture.layout([Fixture.paragraph(20 * 40 - 2), .table(table(rows: 10))])
        XCTAssertEqual(laid.pages.count, 2)
        XCTAssertEqual(codes(laid.pages[0]), [])
        XCTAssertEqual(codes(laid.pages[1]), Array(1...10))
        XCTAssertEqual(laid.pages[1].texts.filter { $0 == "科目编码" }.count, 1)
        XCTAssertFalse(laid.pages[1].texts.contains("续表"))
    }

    func testHeadingGoesWithTheWholeShortTable() throws {
        let heading = Block.heading(Heading("二、项目支出", level: 1, style: Fixture.heading))
        let laid = try Fixture.layout([Fixture.paragraph(20 * 40 - 2), heading, .table(table(rows: 10))])
        XCTAssertFalse(laid.pages[0].texts.contains("二、项目支出"))
        XCTAssertTrue(laid.pages[1].texts.contains("二、项目支出"))
        XCTAssertEqual(codes(laid.pages[1]), Array(1...10))
    }

    func testHeadingIsNotLeftAloneWhenHeadingAndTableExceedAPage() throws {
        // 28 rows: the table alone fits a page (584 pt), with the 30 pt heading it does not (614):
        // the heading keeps only the table's head, and the table does not move away from it.
        let heading = Block.heading(Heading("二、项目支出", level: 1, style: Fixture.heading))
        let laid = try Fixture.layout([Fixture.paragraph(10 * 40 - 2), heading, .table(table(rows: 28))])
        let page = try XCTUnwrap(laid.pages.firstIndex { $0.texts.contains("二、项目支出") })
        XCTAssertTrue(laid.pages[page].texts.contains("支出总表"), "the table starts under its heading")
        XCTAssertFalse(codes(laid.pages[page]).isEmpty)
    }
}

/// An untitled table right after a table is its second part: the pair is kept on one page when it fits.
final class TableContinuationKeepTests: XCTestCase {
    func untitled(rows: Int) -> Table {
        Table(title: nil, titleStyle: Fixture.title, columns: [Table.Column(.proportional(1)), Table.Column(.proportional(1))],
              header: [[Table.Cell("一级指标"), Table.Cell("指标值")]],
              body: (1...rows).map { [Table.Cell("指标\($0)"), Table.Cell("≥90")] }, cellStyle: Fixture.cell)
    }

    func testUntitledTableIsKeptWithTheTableBeforeIt() throws {
        // 目标表 of 5 rows (170 pt) fits the 200 pt left after 20 lines; with 8 indicator rows
        // (18 + 144 pt) the pair does not, though a page holds it.
        let laid = try Fixture.layout([Fixture.paragraph(20 * 40 - 2), .table(Fixture.table(rows: 5)), .table(untitled(rows: 8))])
        XCTAssertFalse(laid.pages[0].texts.contains("支出总表"))
        XCTAssertTrue(laid.pages[1].texts.contains("支出总表"))
        XCTAssertTrue(laid.pages[1].texts.contains("指标8"))
    }

    func testPairTooLongForAPageStaysWhereItIs() throws {
        let laid = try Fixture.layout([Fixture.paragraph(20 * 40 - 2), .table(Fixture.table(rows: 5)), .table(untitled(rows: 40))])
        XCTAssertTrue(laid.pages[0].texts.contains("支出总表"))
    }
}

import Document
import Layout
import XCTest

/// Columns that merge runs of equal text (`Table.Column.mergesEqualRuns`): one cell per run and page.
final class MergedCellTests: XCTestCase {
    /// 一级 (60 pt) and 二级 (60 pt) merge; 三级 takes the rest (280 pt). Rows are 18 pt high.
    func indicators(_ rows: [(String, String, String)]) -> Table {
        let columns = [Table.Column(.fixed(60), mergesEqualRuns: true), Table.Column(.fixed(60), mergesEqualRuns: true),
                       Table.Column(.proportional(1))]
        return Table(title: "绩效指标表", titleStyle: Fixture.title, columns: columns,
                     header: [[Table.Cell("一级指标"), Table.Cell("二级指标"), Table.Cell("三级指标")]],
                     body: rows.map { [Table.Cell($0.0), Table.Cell($0.1), Table.Cell($0.2)] },
                     cellStyle: Fixture.cell, continuationCaption: "续表")
    }

    func testARunIsOneCellWithItsTextCentred() throws {
        let page = try Fixture.layout([.table(indicators([
            ("产出指标", "数量指标", "甲"), ("产出指标", "数量指标", "乙"), ("产出指标", "质量指标", "丙"), ("效益指标", "质量指标", "丁"),
        ]))]).pages[0]
        let (first, second, third, fourth) = try (XCTUnwrap(page.run("甲")), XCTUnwrap(page.run("乙")),
                                                  XCTUnwrap(page.run("丙")), XCTUnwrap(page.run("丁")))
        XCTAssertEqual(page.texts.filter { $0 == "产出指标" }.count, 1, "the run prints its text once")
        XCTAssertEqual(try XCTUnwrap(page.run("产出指标")).y, second.y, accuracy: 0.01, "centred on three equal rows")
        XCTAssertEqual(page.texts.filter { $0 == "数量指标" }.count, 1)
        XCTAssertEqual(try XCTUnwrap(page.run("数量指标")).y, (first.y + second.y) / 2, accuracy: 0.01)
        XCTAssertEqual(page.texts.filter { $0 == "质量指标" }.count, 2, "a new 一级指标 ends the 二级指标's run")
        XCTAssertEqual(try XCTUnwrap(page.run("效益指标")).y, fourth.y, accuracy: 0.01)
        // Column 1 spans x 50–110, column 3 x 170–450: rules between 甲 and 丙 only in column 3.
        XCTAssertEqual(page.horizontalRules(x: 80, between: first.y, and: third.y), [])
        XCTAssertEqual(page.horizontalRules(x: 300, between: first.y, and: third.y).count, 2)
        XCTAssertEqual(page.horizontalRules(x: 80, between: third.y, and: fourth.y).count, 1, "the run ends with a rule")
    }

    func testBlankCellsDoNotMerge() throws {
        let page = try Fixture.layout([.table(indicators([("", "数量指标", "甲"), ("", "数量指标", "乙")]))]).pages[0]
        let (first, second) = try (XCTUnwrap(page.run("甲")), XCTUnwrap(page.run("乙")))
        XCTAssertEqual(page.horizontalRules(x: 80, between: first.y, and: second.y).count, 1)
        XCTAssertEqual(page.horizontalRules(x: 140, between: first.y, and: second.y), [])
    }

    func testAPageBreakInARunRepeatsItsTextOnTheNextPage() throws {
        let laid = try Fixture.layout([.table(indicators((1...50).map { ("产出指标", "数量指标", "第\($0)行") }))])
        XCTAssertEqual(laid.pages.count, 2)
        var seen: [String] = []
        for page in laid.pages {
            let rows = page.runs.filter { $0.text.hasPrefix("第") }
            seen += rows.map(\.text)
            XCTAssertEqual(page.texts.filter { $0 == "产出指标" }.count, 1, "each page prints its part of the run")
            let label = try XCTUnwrap(page.run("产出指标"))
            XCTAssertEqual(label.y, (rows.first!.y + rows.last!.y) / 2, accuracy: 0.01, "centred on the page's part")
            XCTAssertEqual(page.horizontalRules(x: 80, between: rows.first!.y, and: rows.last!.y), [])
        }
        XCTAssertEqual(seen, (1...50).map { "第\($0)行" }, "every row once, in order")
        XCTAssertTrue(laid.pages[1].texts.contains("续表"))
    }

    func testARunTallerThanItsRowsMakesRoomForItsText() throws {
        // 26 pt leaves two characters a line: the label takes 4 lines (60 pt) over two 18 pt rows.
        let columns = [Table.Column(.fixed(26), mergesEqualRuns: true), Table.Column(.proportional(1))]
        let label = "一二三四五六七八"
        let table = Table(title: nil, titleStyle: Fixture.title, columns: columns, header: [],
                          body: [[Table.Cell(label), Table.Cell("甲")], [Table.Cell(label), Table.Cell("乙")], [Table.Cell("其他"), Table.Cell("丙")]],
                          cellStyle: Fixture.cell)
        let page = try Fixture.layout([.table(table)]).pages[0]
        XCTAssertEqual(page.texts.filter { $0 == "一二" }.count, 1)
        let last = try XCTUnwrap(page.run("七八")), next = try XCTUnwrap(page.run("丙"))
        XCTAssertGreaterThanOrEqual(next.y - last.y, 14, "the row after the run starts below the run's text")
    }
}

extension PageFrame {
    /// The y of the horizontal rules crossing `x` strictly between two heights.
    func horizontalRules(x: Double, between top: Double, and bottom: Double) -> [Double] {
        items.compactMap { item in
            guard case .line(let x1, let y1, let x2, let y2, _) = item, y1 == y2, min(x1, x2) < x, max(x1, x2) > x,
                  y1 > top, y1 < bottom else { return nil }
            return y1
        }
    }
}

import Document
import Layout
import XCTest

/// Pages handed on as they become final (`DocumentLayouter.layout(_:finished:)`), for the PDF to be
/// drawn while layout goes on: the same pages as the result, decorated, in order, and early only
/// where nothing can change them any more.
final class FinishedPagesTests: XCTestCase {
    private func heading(_ text: String) -> Block { .heading(Heading(text, level: 1, style: Fixture.heading)) }

    /// Five pages of text, a landscape table, a page break onto an empty page turned back, more text.
    private var blocks: [Block] {
        [heading("一、部门职责"), Fixture.paragraph(100 * 40), .table(Fixture.table(rows: 40, orientation: .landscape)),
         heading("二、机构设置"), Fixture.paragraph(45 * 40)]
    }

    func testPagesHandedOnAreTheResultsInOrderWithTheirNumbers() throws {
        var handed: [PageFrame] = []
        let laid = try DocumentLayouter(shaper: FixedWidthShaper()).layout(Fixture.document(blocks)) { handed.append($0) }
        XCTAssertGreaterThan(laid.pages.count, 6)
        XCTAssertEqual(handed.map(\.texts), laid.pages.map(\.texts))
        XCTAssertEqual(handed.map(\.width), laid.pages.map(\.width))
        for (index, page) in handed.enumerated() {
            XCTAssertNotNil(page.run("- \(index + 1) -"), "page \(index + 1)")
        }
    }

    /// Without contents, a page goes on while later blocks are still to be placed: a block that
    /// fails on page 3 comes after two pages were handed on.
    func testWithoutContentsAPageGoesOnBeforeLayoutEnds() throws {
        let shaper = FixedWidthShaper(missing: ["𠀀"])
        let document = Fixture.document([Fixture.paragraph(65 * 40), .paragraph(Paragraph("预算𠀀说明", style: Fixture.body))])
        var handed = 0
        XCTAssertThrowsError(try DocumentLayouter(shaper: shaper).layout(document) { _ in handed += 1 }) { error in
            XCTAssertTrue(error is LayoutError, "\(error)")
        }
        XCTAssertEqual(handed, 2)
    }

    /// With contents, pages wait for the last pass: the contents print the page numbers it finds.
    func testWithContentsPagesGoOnOnlyAfterTheLastPass() throws {
        let contents = TableOfContents(title: "目录", titleStyle: Fixture.heading,
                                       entryStyle: TextStyle(role: .body, size: 10, alignment: .left, lineHeight: 20))
        let document = Fixture.document([.tableOfContents(contents), .pageBreak(orientation: nil)] + blocks)
        var handed: [PageFrame] = []
        let laid = try DocumentLayouter(shaper: FixedWidthShaper()).layout(document) { handed.append($0) }
        XCTAssertEqual(handed.map(\.texts), laid.pages.map(\.texts))
        XCTAssertEqual(handed.map(\.links.count), laid.pages.map(\.links.count))
        XCTAssertFalse(handed[0].links.isEmpty)

        let shaper = FixedWidthShaper(missing: ["𠀀"])
        let failing = Fixture.document([.tableOfContents(contents), .pageBreak(orientation: nil), Fixture.paragraph(65 * 40),
                                        .paragraph(Paragraph("预算𠀀说明", style: Fixture.body))])
        var early = 0
        XCTAssertThrowsError(try DocumentLayouter(shaper: shaper).layout(failing) { _ in early += 1 })
        XCTAssertEqual(early, 0)
    }

    /// An error where the pages go (a full disk under the PDF) stops layout.
    func testAnErrorTakingAPageStopsLayout() {
        struct Full: Error {}
        var taken = 0
        XCTAssertThrowsError(try DocumentLayouter(shaper: FixedWidthShaper()).layout(Fixture.document(blocks)) { _ in
            taken += 1
            if taken == 2 { throw Full() }
        }) { error in
            XCTAssertTrue(error is Full, "\(error)")
        }
        XCTAssertEqual(taken, 2)
    }
}

import Document
import Layout
import XCTest

/// Blocks on pages: keep-with-next, page breaks, page numbers, contents with page numbers, errors.
final class PaginationTests: XCTestCase {
    func heading(_ text: String, level: Int = 1) -> Block { .heading(Heading(text, level: level, style: Fixture.heading)) }

    func testParagraphFlowsOntoTheNextPage() throws {
        // 40 characters a line, 30 lines a page (600 / 20): 35 lines need two pages.
        let laid = try Fixture.layout([Fixture.paragraph(35 * 40 - 2)])
        XCTAssertEqual(laid.pages.count, 2)
        XCTAssertEqual(laid.pages[0].runs.filter { $0.text.hasPrefix("字") }.count, 30)
        XCTAssertEqual(laid.pages[1].runs.filter { $0.text.hasPrefix("字") }.count, 5)
    }

    func testHeadingIsKeptWithTheNextLine() throws {
        // 29 lines fill 580 of 600 pt: a 30 pt heading fits, but not with the next line after it.
        let laid = try Fixture.layout([Fixture.paragraph(29 * 40 - 2), heading("一、部门职责"), Fixture.paragraph(10)])
        XCTAssertEqual(laid.pages.count, 2)
        XCTAssertFalse(laid.pages[0].texts.contains("一、部门职责"))
        XCTAssertTrue(laid.pages[1].texts.contains("一、部门职责"))
    }

    func testPageBreakAndOrientation() throws {
        let laid = try Fixture.layout([Fixture.paragraph(5), .pageBreak(orientation: .landscape), Fixture.paragraph(5)])
        XCTAssertEqual(laid.pages.count, 2)
        XCTAssertEqual(laid.pages.map(\.isLandscape), [false, true])
        XCTAssertEqual(laid.pages[1].width, 760)
    }

    func testPageNumbersAreDashedAndCentred() throws {
        let laid = try Fixture.layout([Fixture.paragraph(35 * 40)])
        for (index, page) in laid.pages.enumerated() {
            let label = "- \(index + 1) -"
            let run = try XCTUnwrap(page.run(label), "page \(index + 1)")
            let width = Double(label.count) * 7
            XCTAssertEqual(run.x + width / 2, 250, accuracy: 0.01)
            XCTAssertGreaterThan(run.y, 760 - 80)
        }
    }

    func testContentsListsHeadingsWithTheirPageNumbersAndLinks() throws {
        let contents = TableOfContents(title: "目录", titleStyle: Fixture.heading, entryStyle: TextStyle(role: .body, size: 10, alignment: .left, lineHeight: 20))
        let blocks: [Block] = [
            .tableOfContents(contents), .pageBreak(orientation: nil),
            heading("第一部分"), Fixture.paragraph(35 * 40),
            heading("第二部分"), Fixture.paragraph(20),
            heading("一、说明", level: 2),
        ]
        let laid = try Fixture.layout(blocks)
        let contentsPage = laid.pages[0]
        XCTAssertTrue(contentsPage.texts.contains("第一部分"))
        // 第一部分 on page 2, its text runs to page 3, 第二部分 and 一、说明 on page 3.
        let numbers = contentsPage.runs.filter { Int($0.text) != nil }.map(\.text)
        XCTAssertEqual(numbers, ["2", "3", "3"])
        XCTAssertEqual(contentsPage.links.map(\.page), [1, 2, 2])
        XCTAssertEqual(laid.outline.map(\.title), ["第一部分", "第二部分", "一、说明"])
        XCTAssertEqual(laid.outline.map(\.page), [1, 2, 2])
        XCTAssertEqual(laid.outline.map(\.level), [1, 1, 2])
    }

    func testMissingCharacterIsAnErrorNamingIt() {
        let shaper = FixedWidthShaper(missing: ["𠀀"])
        let document = Fixture.document([.paragraph(Paragraph("预算𠀀说明", style: Fixture.body))])
        XCTAssertThrowsError(try DocumentLayouter(shaper: shaper).layout(document)) { error in
            XCTAssertEqual((error as? LayoutError)?.message, "字符“𠀀”（U+20000）没有任何已配置的字体（正文）包含：出现在段落“预算𠀀说明”中")
        }
    }
}

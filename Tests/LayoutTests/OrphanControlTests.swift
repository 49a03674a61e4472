import Document
import Layout
import XCTest

/// A paragraph over a page foot leaves at least two lines on each page.
final class OrphanControlTests: XCTestCase {
    func lines(_ page: PageFrame) -> Int { page.texts.filter { $0.hasPrefix("字") }.count }

    func testOneLineAtThePageFootMovesTheParagraph() throws {
        // 29 lines of 30 leave one: a three-line paragraph goes whole to the next page.
        let laid = try Fixture.layout([Fixture.paragraph(29 * 40 - 2), Fixture.paragraph(3 * 40 - 2, "文")])
        XCTAssertFalse(laid.pages[0].texts.contains { $0.hasPrefix("文") })
        XCTAssertEqual(laid.pages[1].texts.filter { $0.hasPrefix("文") }.count, 3)
    }

    func testOneLineAtTheNextPageTopTakesAnotherWithIt() throws {
        // 26 lines leave four; a five-line paragraph would leave its last line alone: 3 + 2.
        let laid = try Fixture.layout([Fixture.paragraph(26 * 40 - 2), Fixture.paragraph(5 * 40 - 2, "文")])
        XCTAssertEqual(laid.pages[0].texts.filter { $0.hasPrefix("文") }.count, 3)
        XCTAssertEqual(laid.pages[1].texts.filter { $0.hasPrefix("文") }.count, 2)
    }

    func testOneLineParagraphGoesWithTheParagraphMovedAfterIt() throws {
        // 27 lines leave three: the one-line 小标题, then two of a three-line paragraph's lines, but
        // 2 + 1 leaves a widow and 1 + 2 an orphan, so the paragraph moves, and the 小标题 with it.
        let laid = try Fixture.layout([Fixture.paragraph(27 * 40 - 2), Fixture.paragraph(5, "题"), Fixture.paragraph(3 * 40 - 2, "文")])
        XCTAssertFalse(laid.pages[0].texts.contains { $0.hasPrefix("题") })
        XCTAssertTrue(laid.pages[1].texts.contains { $0.hasPrefix("题") })
        XCTAssertEqual(laid.pages[1].texts.filter { $0.hasPrefix("文") }.count, 3)
    }

    func testSplitRule() {
        XCTAssertEqual(OrphanControl.linesOnThisPage(count: 5, fitting: 9), 5)
        XCTAssertEqual(OrphanControl.linesOnThisPage(count: 5, fitting: 1), 0)
        XCTAssertEqual(OrphanControl.linesOnThisPage(count: 1, fitting: 1), 1)
        XCTAssertEqual(OrphanControl.linesOnThisPage(count: 5, fitting: 4), 3)
        XCTAssertEqual(OrphanControl.linesOnThisPage(count: 3, fitting: 2), 0)
        XCTAssertEqual(OrphanControl.linesOnThisPage(count: 6, fitting: 3), 3)
    }
}

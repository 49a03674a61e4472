import Document
import Layout
import XCTest

/// A lone character (孤字) never ends a multi-line paragraph, heading or table title: the lines are
/// rebalanced by squeezing the line before or breaking it earlier, within limits.
final class LastLineBalanceTests: XCTestCase {
    func testLoneCharacterIsJoinedByTheOneBeforeIt() throws {
        // Ten characters a line: greedy fitting would leave 壹 alone.
        let texts = try ParagraphFixture.texts("一二三四五六七八九十壹", width: 100)
        XCTAssertEqual(texts, ["一二三四五六七八九", "十壹"])
    }

    func testClosingMarkDoesNotCountAsACharacter() throws {
        let texts = try ParagraphFixture.texts("一二三四五六七八九十壹。", width: 100)
        XCTAssertEqual(texts, ["一二三四五六七八九", "十壹。"])
    }

    func testLoosenedLineIsStillJustifiedToTheWidth() throws {
        let lines = try ParagraphFixture.lines("一二三四五六七八九十壹", width: 100, alignment: .justified)
        XCTAssertEqual(lines.map { $0.text.count }, [9, 2])
        XCTAssertEqual(lines[0].width, 100, accuracy: 1e-9)
        // 10 pt of slack over eight gaps.
        assertPositions(lines[0].glyphXPositions, (0..<9).map { Double($0) * 11.25 })
    }

    func testSqueezingPunctuationTakesTheLoneCharacterUp() throws {
        // 11 characters (110 pt) in 105 pt: the two commas give up half an em each.
        let texts = try ParagraphFixture.texts("一二，三四，五六七八九", width: 105)
        XCTAssertEqual(texts, ["一二，三四，五六七八九"])
    }

    func testNarrowColumnKeepsItsGreedyLinesRatherThanLeaveAnotherLoneCharacter() throws {
        XCTAssertEqual(try ParagraphFixture.texts("一二三", width: 25), ["一二", "三"])
    }

    func testNoLooserThanHalfAnEmPerGap() throws {
        // Moving 三 down would leave 一二 with 15 pt of slack over their one gap.
        XCTAssertEqual(try ParagraphFixture.texts("一二三四", width: 35), ["一二三", "四"])
        XCTAssertEqual(try ParagraphFixture.texts("一二三四", width: 35, alignment: .justified), ["一二三", "四"])
    }

    func testRuleCanBeTurnedOff() throws {
        var rules = LineBreakRules.chinese
        rules.minimumLastLine = 1
        let lines = try ParagraphLayouter(shaper: FixedWidthShaper(), rules: rules)
            .layout("一二三四五六七八九十壹", style: ParagraphFixture.style(), width: 100)
        XCTAssertEqual(lines.map(\.text), ["一二三四五六七八九十", "壹"])
    }

    func testHeadingIsRebalancedOnThePage() throws {
        // 16 pt heading on a 400 pt line: 25 characters a line, 26 in the heading.
        let text = String(repeating: "标", count: 25) + "题"
        let laid = try Fixture.layout([.heading(Heading(text, level: 1, style: Fixture.heading))])
        let lines = laid.pages[0].texts.filter { $0.hasPrefix("标") || $0.hasSuffix("题") }
        XCTAssertEqual(lines.map(\.count), [24, 2])
    }

    func testTableTitleIsRebalanced() throws {
        let title = String(repeating: "表", count: 25) + "题"
        let table = Table(title: title, titleStyle: Fixture.title, columns: [Table.Column(.proportional(1))],
                          header: [[Table.Cell("甲")]], body: [[Table.Cell("乙")]], cellStyle: Fixture.cell)
        let laid = try Fixture.layout([.table(table)])
        let lines = laid.pages[0].texts.filter { $0.hasPrefix("表") || $0.hasSuffix("题") }
        XCTAssertEqual(lines.map(\.count), [24, 2])
    }
}

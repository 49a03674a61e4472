import Document
import Layout
import XCTest

/// Justification, indent, alignment, one-line layout, caching and errors of ParagraphLayouter.
final class ParagraphLayoutTests: XCTestCase {
    func testJustifiedLinesEndExactlyAtTheWidth() throws {
        // Nine characters (90 pt) per 95 pt line: 5 pt spread over eight gaps.
        let lines = try ParagraphFixture.lines(String(repeating: "字", count: 23), width: 95, alignment: .justified)
        XCTAssertEqual(lines.map { $0.text.count }, [9, 9, 5])
        // Exactly: rounding in the spread gaps does not leak into the line's width.
        XCTAssertEqual(lines[0].width, 95)
        XCTAssertEqual(lines[1].width, 95)
        // The paragraph's last line keeps its natural width.
        XCTAssertEqual(lines[2].width, 50, accuracy: 1e-9)
        assertPositions(lines[2].glyphXPositions, [0, 10, 20, 30, 40])
    }

    func testJustificationGapsAreEven() throws {
        let lines = try ParagraphFixture.lines(String(repeating: "字", count: 23), width: 95, alignment: .justified)
        assertPositions(lines[0].glyphXPositions, (0..<9).map { Double($0) * 10.625 })
    }

    func testLatinTextIsJustifiedBetweenWordsOnly() throws {
        let lines = try ParagraphFixture.lines("aaaa bbbb cccc dddd", width: 50, alignment: .justified)
        XCTAssertEqual(lines.map(\.text), ["aaaa bbbb", "cccc dddd"])
        // The 5 pt slack goes into the word space; the letters of a word stay 5 pt apart.
        assertPositions(lines[0].glyphXPositions, [0, 5, 10, 15, 20, 30, 35, 40, 45])
        XCTAssertEqual(lines[0].width, 50, accuracy: 1e-9)
    }

    func testMixedLineJustifiesBetweenHanAndAtWordEdgesNotInsideFigures() throws {
        // 字字 ¼em 12.5 ¼em 字: 20 + 2.5 + 20 + 2.5 + 10 = 55 in 60: 5 pt over three gaps.
        let lines = try ParagraphFixture.lines("字字12.5字字字", width: 60, alignment: .justified)
        XCTAssertEqual(lines.map(\.text), ["字字12.5字", "字字"])
        let gap = 5.0 / 3
        assertPositions(lines[0].glyphXPositions,
                        [0, 10 + gap, 22.5 + 2 * gap, 27.5 + 2 * gap, 32.5 + 2 * gap, 37.5 + 2 * gap, 45 + 3 * gap])
        XCTAssertEqual(lines[0].width, 60, accuracy: 1e-9)
    }

    func testFirstLineIndentAppliesToTheFirstLineOnly() throws {
        let lines = try ParagraphFixture.lines(String(repeating: "字", count: 20), width: 100, alignment: .justified, indent: 2)
        XCTAssertEqual(lines.map { $0.text.count }, [8, 10, 2])
        XCTAssertEqual(lines[0].glyphXPositions.first!, 20, accuracy: 1e-9)
        XCTAssertEqual(lines[0].start, 20, accuracy: 1e-9)
        XCTAssertEqual(lines[0].width, 100, accuracy: 1e-9)
        XCTAssertEqual(lines[1].glyphXPositions.first!, 0, accuracy: 1e-9)
    }

    func testCentredAndRightAlignedLines() throws {
        let centred = try ParagraphFixture.lines("一二三", width: 100, alignment: .center)
        assertPositions(centred[0].glyphXPositions, [35, 45, 55])
        XCTAssertEqual(centred[0].width, 65, accuracy: 1e-9)
        let right = try ParagraphFixture.lines("一二三", width: 100, alignment: .right)
        assertPositions(right[0].glyphXPositions, [70, 80, 90])
        XCTAssertEqual(right[0].width, 100, accuracy: 1e-9)
    }

    func testUnboundedWidthDoesNotMoveTheLine() throws {
        let lines = try ParagraphFixture.lines("- 1 -", width: .infinity, alignment: .center, wraps: false)
        XCTAssertEqual(lines.count, 1)
        assertPositions(lines[0].glyphXPositions, [0, 5, 10, 15, 20])
    }

    func testUnwrappedTextStaysOnOneLine() throws {
        let lines = try ParagraphFixture.lines("一二三四五六七八九十一二", width: 30, alignment: .justified, wraps: false)
        XCTAssertEqual(lines.map(\.text), ["一二三四五六七八九十一二"])
        XCTAssertEqual(lines[0].width, 120, accuracy: 1e-9)
    }

    func testLineBreakInTheTextEndsALine() throws {
        let lines = try ParagraphFixture.lines("一二\n三四", width: 100, alignment: .justified, indent: 2)
        XCTAssertEqual(lines.map(\.text), ["一二", "三四"])
        XCTAssertEqual(lines[0].width, 40, accuracy: 1e-9)
        XCTAssertEqual(lines[1].width, 20, accuracy: 1e-9)
    }

    func testEmptyTextGivesOneEmptyLine() throws {
        let lines = try ParagraphFixture.lines("", width: 100)
        XCTAssertEqual(lines.count, 1)
        XCTAssertTrue(lines[0].runs.isEmpty)
    }

    func testRecurringSegmentsAreShapedOnce() throws {
        let shaper = FixedWidthShaper()
        let layouter = ParagraphLayouter(shaper: shaper)
        let style = ParagraphFixture.style()
        // Widths narrower than the text, so it is broken (text that surely fits is shaped whole).
        _ = try layouter.layout("预算预算预算预算", style: style, width: 60)
        XCTAssertEqual(shaper.calls, 2, "预 and 算 once each")
        _ = try layouter.layout("算预预算", style: style, width: 30)
        XCTAssertEqual(shaper.calls, 2, "a second paragraph of the same words shapes nothing")
        var larger = style
        larger.size = 12
        _ = try layouter.layout("预算", style: larger, width: 20)
        XCTAssertEqual(shaper.calls, 4, "another size is another key")
        var bold = style
        bold.bold = true
        _ = try layouter.layout("预", style: bold, width: 100)
        XCTAssertEqual(shaper.calls, 5, "bold is another key")
    }

    func testMissingGlyphNamesTheWholeText() throws {
        let shaper = FixedWidthShaper(missing: ["𠀀"])
        XCTAssertThrowsError(try ParagraphFixture.lines("预算𠀀支出", width: 100, shaper: shaper)) { error in
            XCTAssertEqual(error as? MissingGlyph, MissingGlyph(character: "𠀀", role: .body, text: "预算𠀀支出"))
        }
    }
}

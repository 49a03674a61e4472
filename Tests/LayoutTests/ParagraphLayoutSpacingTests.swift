import Document
import Layout
import XCTest

/// Punctuation squeezing, squeezing to fit, the Han–Latin quarter em and space normalisation.
final class ParagraphLayoutSpacingTests: XCTestCase {
    func testPeriodAndClosingQuoteTakeOneAndAHalfEm() throws {
        let line = try XCTUnwrap(ParagraphFixture.lines("好。”走", width: 200).first)
        // 。 loses its right half: ” follows 5 pt after it, not 10.
        assertPositions(line.glyphXPositions, [0, 10, 15, 25])
        XCTAssertEqual(line.width, 35, accuracy: 1e-9)
        XCTAssertEqual(line.text, "好。”走", "squeezing moves glyphs, never text")
    }

    func testClosingBracketAndPeriodTakeOneAndAHalfEm() throws {
        let line = try XCTUnwrap(ParagraphFixture.lines("（好）。走", width: 200).first)
        assertPositions(line.glyphXPositions, [0, 10, 20, 25, 35])
    }

    func testCommaAndOpeningQuoteTakeOneAndAHalfEm() throws {
        let line = try XCTUnwrap(ParagraphFixture.lines("好，“走”", width: 200).first)
        assertPositions(line.glyphXPositions, [0, 10, 15, 25, 35])
        XCTAssertEqual(line.width, 45, accuracy: 1e-9)
    }

    func testTwoOpeningMarksTrimTheSecondOnesLeftBlank() throws {
        // “（: the second mark's blank is on its left, so its glyph moves half an em left.
        let line = try XCTUnwrap(ParagraphFixture.lines("好“（走", width: 200).first)
        assertPositions(line.glyphXPositions, [0, 10, 15, 25])
        XCTAssertEqual(line.width, 35, accuracy: 1e-9)
    }

    func testClosingMarkIsPushedUpBySqueezingTheLine() throws {
        // 十。 overflows by 1 em; the comma and the line-end 。 give half an em each.
        let lines = try ParagraphFixture.lines("一二三四，六七八九十。后记", width: 100, alignment: .justified)
        XCTAssertEqual(lines.map(\.text), ["一二三四，六七八九十。", "后记"])
        assertPositions(lines[0].glyphXPositions, [0, 10, 20, 30, 40, 45, 55, 65, 75, 85, 95])
        XCTAssertEqual(lines[0].width, 100, accuracy: 1e-9)
    }

    func testCharacterIsPulledDownWhenTheLineCannotSqueeze() throws {
        let lines = try ParagraphFixture.lines("一二三四五六七八九十。后", width: 100, alignment: .justified)
        XCTAssertEqual(lines.map(\.text), ["一二三四五六七八九", "十。后"])
        XCTAssertEqual(lines[0].width, 100, accuracy: 1e-9)
    }

    func testQuarterEmBetweenHanAndFigures() throws {
        let line = try XCTUnwrap(ParagraphFixture.lines("预算595.88万元", width: 200).first)
        assertPositions(line.glyphXPositions, [0, 10, 22.5, 27.5, 32.5, 37.5, 42.5, 47.5, 55, 65])
        XCTAssertEqual(line.width, 75, accuracy: 1e-9)
    }

    func testQuarterEmBetweenHanAndLatin() throws {
        let line = try XCTUnwrap(ParagraphFixture.lines("用PDF格式", width: 200).first)
        assertPositions(line.glyphXPositions, [0, 12.5, 17.5, 22.5, 30, 40])
    }

    func testNoQuarterEmNextToChinesePunctuation() throws {
        let line = try XCTUnwrap(ParagraphFixture.lines("（2025）年，PDF。", width: 200).first)
        assertPositions(line.glyphXPositions, [0, 10, 15, 20, 25, 30, 40, 50, 60, 65, 70, 75])
    }

    func testNoQuarterEmAtALineStart() throws {
        let lines = try ParagraphFixture.lines("一二三四五六七八九十595万元", width: 100)
        XCTAssertEqual(lines.map(\.text), ["一二三四五六七八九十", "595万元"])
        assertPositions(lines[1].glyphXPositions, [0, 5, 10, 17.5, 27.5])
    }

    func testNoQuarterEmAtALineEnd() throws {
        // 九 ¼em 12 would be 102.5: the space before 12 belongs to no line, so 12 fits line 2 at x = 0.
        let lines = try ParagraphFixture.lines("一二三四五六七八九十12", width: 100, alignment: .justified)
        XCTAssertEqual(lines.map(\.text), ["一二三四五六七八九十", "12"])
        XCTAssertEqual(lines[0].width, 100, accuracy: 1e-9)
        assertPositions(lines[1].glyphXPositions, [0, 5])
    }

    func testTypedSpacesAroundFiguresAreNormalised() throws {
        let typed = try XCTUnwrap(ParagraphFixture.lines("总额236.88 万元，增长 15% 的", width: 400).first)
        let plain = try XCTUnwrap(ParagraphFixture.lines("总额236.88万元，增长15%的", width: 400).first)
        XCTAssertEqual(typed.text, "总额236.88万元，增长15%的")
        XCTAssertEqual(typed.glyphString, "总额236.88万元，增长15%的")
        assertPositions(typed.glyphXPositions, plain.glyphXPositions)
    }

    func testOnlySpacesBetweenHanAndLatinAreDropped() throws {
        // Latin–Latin and Han–Han spaces are the writer's; Latin–Han gives way to the quarter em.
        let line = try XCTUnwrap(ParagraphFixture.lines("open data 公开 透明", width: 400).first)
        XCTAssertEqual(line.text, "open data公开 透明")
        assertPositions(line.glyphXPositions, [0, 5, 10, 15, 20, 25, 30, 35, 40, 47.5, 57.5, 67.5, 72.5, 82.5])
    }
}

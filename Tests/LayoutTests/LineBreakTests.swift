import Document
import Layout
import XCTest

/// The line-breaking prohibitions (禁则) of TYPOGRAPHY.md, each at a width that puts the natural
/// break exactly where it is forbidden.
final class LineBreakTests: XCTestCase {
    /// Ten Han characters: exactly one 100 pt line.
    let ten = "一二三四五六七八九十"

    func testClosingPunctuationNeverStartsALine() throws {
        let marks = ["，", "。", "、", "；", "：", "？", "！", "）", "］", "》", "〉", "」", "』", "】", "〕", "”", "’", "…", "·", "～",
                     ",", ".", ";", ":", "?", "!", ")", "]", "}", "%"]
        for mark in marks {
            // The mark would open line 2; the character before it comes down with it.
            XCTAssertEqual(try ParagraphFixture.texts(ten + mark + "后面", width: 100), ["一二三四五六七八九", "十\(mark)后面"], "mark \(mark)")
        }
    }

    func testOpeningPunctuationNeverEndsALine() throws {
        for mark in ["（", "［", "《", "〈", "「", "『", "【", "〔", "“", "‘", "(", "[", "{"] {
            // The mark fits at the end of line 1 but goes down with the character it opens.
            XCTAssertEqual(try ParagraphFixture.texts("一二三四五六七八九" + mark + "十字", width: 100), ["一二三四五六七八九", mark + "十字"], "mark \(mark)")
        }
    }

    func testTwoEmDashIsNeverSplit() throws {
        XCTAssertEqual(try ParagraphFixture.texts("一二三四五六七八九——十", width: 100), ["一二三四五六七八九", "——十"])
    }

    func testEllipsisIsNeverSplitNorStartsALine() throws {
        XCTAssertEqual(try ParagraphFixture.texts("一二三四五六七八九……十", width: 100), ["一二三四五六七八", "九……十"])
    }

    func testAmountStaysWithItsUnit() throws {
        // 60 + ¼ em + 30 fits: without the rule the line would end after 595.88.
        XCTAssertEqual(try ParagraphFixture.texts("一二三四五六595.88万元", width: 100), ["一二三四五六", "595.88万元"])
        XCTAssertEqual(try ParagraphFixture.texts("一二三四五六七3.8万人", width: 100), ["一二三四五六七", "3.8万人"])
    }

    func testYearAndDateStayWithTheirUnit() throws {
        XCTAssertEqual(try ParagraphFixture.texts("一二三四五六七2025年", width: 100), ["一二三四五六七", "2025年"])
        XCTAssertEqual(try ParagraphFixture.texts("一二三四五六七12月底", width: 100), ["一二三四五六七", "12月底"])
    }

    func testPercentStaysWithItsNumber() throws {
        // “%” would start line 2; pushing it up (the quarter em before 15 gives way) disturbs less
        // than pulling 15.46 down.
        let lines = try ParagraphFixture.lines("一二三四五六七15.46%后面", width: 100)
        XCTAssertEqual(lines.map(\.text), ["一二三四五六七15.46%", "后面"])
        XCTAssertEqual(lines[0].width, 100, accuracy: 0.001)
    }

    func testThousandsSeparatorNumberIsNeverSplit() throws {
        XCTAssertEqual(try ParagraphFixture.texts("一二三四五六1,020.11", width: 100), ["一二三四五六", "1,020.11"])
    }

    func testLatinWordIsNeverSplit() throws {
        XCTAssertEqual(try ParagraphFixture.texts("一二三四五六七budget", width: 100), ["一二三四五六七", "budget"])
    }

    func testCodesAreNeverSplit() throws {
        XCTAssertEqual(try ParagraphFixture.texts("项目代码13062825P00011510016R和2101501", width: 120),
                       ["项目代码", "13062825P00011510016R和", "2101501"])
    }

    func testNoWidthSplitsAFigureWordOrCode() throws {
        let text = "支出595.88万元，增长15.46%，2025年结余1,020.11元，12月底达3.8万人，budget项目13062825P00011510016R科目2101501。"
        let tokens = ["595.88万元", "15.46%", "2025年", "1,020.11元", "12月底", "3.8万人", "budget", "13062825P00011510016R", "2101501"]
        for width in stride(from: 110.0, through: 300, by: 2.5) {
            for alignment in [Alignment.left, .justified] {
                let lines = try ParagraphFixture.texts(text, width: width, alignment: alignment)
                XCTAssertEqual(lines.joined(), text, "width \(width)")
                for token in tokens {
                    XCTAssertTrue(lines.contains { $0.contains(token) }, "\(token) split at width \(width): \(lines)")
                }
                for line in lines.dropFirst() {
                    XCTAssertFalse(LineBreakRules.chinese.noLineStart.contains(line.first!), "width \(width): \(lines)")
                }
                for line in lines.dropLast() {
                    XCTAssertFalse(LineBreakRules.chinese.noLineEnd.contains(line.last!), "width \(width): \(lines)")
                }
            }
        }
    }

    func testTooLongCodeIsBrokenByCharacterAsALastResort() throws {
        let lines = try ParagraphFixture.lines("13062825P00011510016R", width: 60)
        XCTAssertEqual(lines.map(\.text), ["13062825P000", "11510016R"])
        XCTAssertEqual(lines.map(\.glyphString), ["13062825P000", "11510016R"])
    }

    func testLastResortFillsTheCurrentLineFirst() throws {
        // “项目” then a code wider than any line: the code starts on line 1 rather than leaving a hole.
        XCTAssertEqual(try ParagraphFixture.texts("项目13062825P00011510016R", width: 60), ["项目1306282", "5P0001151001", "6R"])
    }

    func testLastResortKeepsAClosingMarkOffTheNextLine() throws {
        // Twelve letters fill the line; the 。 glued to them comes down with the last letter.
        XCTAssertEqual(try ParagraphFixture.texts("ABCDEFGHIJKL。", width: 60), ["ABCDEFGHIJK", "L。"])
    }
}

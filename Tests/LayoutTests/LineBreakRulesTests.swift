import XCTest
@testable import Layout

/// The tailoring alone: each rule applied to text where ICU would allow a break everywhere, so a
/// rule that ICU happens to share still shows (and fails) on its own.
final class LineBreakRulesTests: XCTestCase {
    /// The unbreakable segments of `text` when every character boundary starts as an opportunity.
    private func segments(_ text: String, rules: LineBreakRules = .chinese) -> [String] {
        let characters = Array(text)
        let breaks = rules.tailor(Array(1...characters.count), in: characters)
        return zip([0] + breaks, breaks).map { String(characters[$0..<$1]) }
    }

    /// The same with ICU's own opportunities.
    private func icuSegments(_ text: String) -> [String] {
        let characters = Array(text)
        let breaks = LineBreakRules.chinese.tailor(BreakOpportunities.unicode(characters), in: characters)
        return zip([0] + breaks, breaks).map { String(characters[$0..<$1]) }
    }

    func testClosingMarksJoinTheCharacterBefore() {
        XCTAssertEqual(segments("好。”走，行)"), ["好。”", "走，", "行)"])
    }

    func testOpeningMarksJoinTheCharacterAfter() {
        XCTAssertEqual(segments("好（走《行(a"), ["好", "（走", "《行", "(a"])
    }

    func testDoubledMarksStayTogether() {
        XCTAssertEqual(segments("好——走……"), ["好", "——", "走……"])
    }

    func testNumbersKeepSeparatorsPercentAndUnit() {
        XCTAssertEqual(segments("共1,020.11万元和15.46%和2025年度和12月底"),
                       ["共", "1,020.11万元", "和", "15.46%", "和", "2025年度", "和", "12月底"])
    }

    func testAFullStopAfterANumberIsNotADecimalPoint() {
        XCTAssertEqual(segments("为3.和4"), ["为", "3.", "和", "4"])
    }

    func testLatinWordsAndCodesStayWhole() {
        XCTAssertEqual(segments("用PDF和13062825P00011510016R"), ["用", "PDF", "和", "13062825P00011510016R"])
    }

    func testUnitsAreData() {
        var rules = LineBreakRules.chinese
        XCTAssertEqual(segments("重3公斤", rules: rules), ["重", "3", "公", "斤"])
        rules.units.append("公斤")
        XCTAssertEqual(segments("重3公斤", rules: rules), ["重", "3公斤"])
    }

    func testICUGivesTheOpportunities() {
        XCTAssertEqual(BreakOpportunities.unicode(Array("word text, more")), [5, 11, 15])
        XCTAssertEqual(BreakOpportunities.unicode(Array("预算")), [1, 2])
    }

    func testChineseQuotesBreakOutside() {
        XCTAssertEqual(icuSegments("说“好”了"), ["说", "“好”", "了"])
    }
}

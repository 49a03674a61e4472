import XCTest
@testable import gongkai

/// The early guess of a file's format: only a top-level `格式:` line with a plain name counts.
final class FormatPeekTests: XCTestCase {
    func testTheTopLevelFormatLineIsRead() {
        XCTAssertEqual(FormatPeek.format(inText: "名称: 测试局\n格式: hebei\n年度: 2025\n"), "hebei")
        XCTAssertEqual(FormatPeek.format(inText: "格式 : \"xinjiang\"  # 新疆\n"), "xinjiang")
        XCTAssertEqual(FormatPeek.format(inText: "格式：shaanxi\r\n"), "shaanxi")
    }

    func testNestedOrOddValuesAreNoGuess() {
        XCTAssertNil(FormatPeek.format(inText: "名称: 测试局\n  格式: hebei\n"))
        XCTAssertNil(FormatPeek.format(inText: "格式说明: hebei\n"))
        XCTAssertNil(FormatPeek.format(inText: "格式: ../etc\n"))
        XCTAssertNil(FormatPeek.format(inText: "格式: 河北\n"))
        XCTAssertNil(FormatPeek.format(inText: "格式:\n"))
    }
}

import Foundation
import XCTest

/// `gongkai render` of Examples/shaanxi against seed 004 (西乡县医疗保险业务经办中心 2024, 元).
final class ShaanxiTemplateTests: XCTestCase {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/seed-004-figures.txt")

    func testRendersEveryTableTitleAndTheSeedsAmounts() throws {
        // The seed repeats 表7's 合计 row over a page break and prints a blank 30202 row in 表8.
        try HebeiTemplateTests.assertSeedCoverage(example: "shaanxi/西乡县医疗保险业务经办中心-2024.yaml", fixture: Self.fixture)
    }

    func testSentencesInWanYuanFromDataInYuan() throws {
        let text = try HebeiTemplateTests.renderText("shaanxi/西乡县医疗保险业务经办中心-2024.yaml").filter { !$0.isWhitespace }
        for sentence in [
            "本单位当年一般公共预算拨款支出236.88万元，较上年减少1.43万元，主要原因是人员经费和公用经费减少。",
            "本单位当年公用经费预算安排15.18万元，较上年减少3.34万元，主要原因是按照“过紧日子”相关要求压缩公用经费预算。",
            "1.公用经费：包括办公及印刷费",
        ] {
            XCTAssertTrue(text.contains(sentence.filter { !$0.isWhitespace }), "missing: \(sentence)")
        }
    }
}

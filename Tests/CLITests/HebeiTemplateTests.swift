import Foundation
import XCTest

/// `gongkai render` of Examples/hebei against seed 001: every table title, and at least 97 % of the
/// seed's decimal figures, each counted as often as the seed prints it.
final class HebeiTemplateTests: XCTestCase {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/seed-001-figures.txt")

    func renderText(_ example: String) throws -> String { try Self.renderText(example) }

    static func renderText(_ example: String) throws -> String {
        let directory = try GongkaiProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("out.pdf").path
        let run = try GongkaiProcess.run(["render", GongkaiProcess.root.appendingPathComponent("Examples/\(example)").path, "-o", pdf])
        XCTAssertEqual(run.status, 0, run.output + run.errors)
        return try GongkaiProcess.run(URL(fileURLWithPath: "/usr/bin/pdftotext"), [pdf, "-"]).output
    }

    func testRendersEveryTableTitleAndTheSeedsFigures() throws {
        try Self.assertSeedCoverage(example: "hebei/高阳县医疗保障局-2025.yaml", fixture: Self.fixture)
    }

    /// Every table title of the seed, and at least 97 % of its two-decimal figures (with multiplicity);
    /// a figure the fixture lists as corrected (the seed's tables did not foot there) counts where the
    /// corrected figure is printed instead.
    static func assertSeedCoverage(example: String, fixture: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try renderText(example)
        let compact = text.filter { !$0.isWhitespace }
        let lines = try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        var expected = 0, found = 0
        var missing: [String] = []
        // `改 seed printed count reason`: a seed figure that did not foot, printed corrected `count` times.
        var corrections: [String: (printed: String, count: Int)] = [:]
        for entry in lines where entry.hasPrefix("改\t") {
            let parts = entry.split(separator: "\t").map(String.init)
            XCTAssertEqual(parts.count, 5, "改 needs seed, printed, count and a reason: \(entry)", file: file, line: line)
            corrections[parts[1]] = (parts[2], Int(parts[3])!)
        }
        for entry in lines where !entry.hasPrefix("改\t") {
            let parts = entry.split(separator: "\t").map(String.init)
            if parts[0] == "表" {
                XCTAssertTrue(compact.contains(parts[1]), "table title \(parts[1])", file: file, line: line)
                continue
            }
            let figure = parts[0], count = Int(parts[1])!
            var rendered = occurrences(of: figure, in: text)
            if let correction = corrections[figure] {
                // The corrected figure must really be printed that often, in the seed figure's place.
                rendered += min(correction.count, occurrences(of: correction.printed, in: text))
            }
            expected += count
            found += min(count, rendered)
            if rendered < count { missing.append("\(figure)×\(count - rendered)") }
        }
        let share = Double(found) / Double(expected)
        XCTAssertGreaterThanOrEqual(share, 0.97, "\(found) of \(expected) figures; short: \(missing.joined(separator: " "))", file: file, line: line)
    }

    func testUnitVariantHasUnitTitles() throws {
        let text = try renderText("hebei/高阳县城乡居民基本医疗保险服务中心-2026.yaml").filter { !$0.isWhitespace }
        XCTAssertTrue(text.contains("单位预算收支总表"))
        XCTAssertFalse(text.contains("部门预算收支总表"))
        XCTAssertTrue(text.contains("142.07"))
    }

    /// Figures as whole tokens: 5.00 must not count inside 55.00 or 15.00.
    static func occurrences(of figure: String, in text: String) -> Int {
        let pattern = "(?<![0-9.,])" + NSRegularExpression.escapedPattern(for: figure) + "(?![0-9])"
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
    }
}

extension HebeiTemplateTests {
    /// The sentences with figures read as seed 001 prints them (whitespace removed on both sides).
    /// Two corrections of the seed's typing: “公务用车运维费1.46万元)” has a half-width parenthesis,
    /// “医疗保障经费(劳务派遣）” mixes widths (kept as typed in the data, as the seed prints it).
    static let seedSentences = [
        "反映本部门当年全部收入。2025年预算收入595.88万元，其中：一般公共预算收入595.88万元，基金预算收入0.00万元，国有资本经营预算收入0.00万元，财政专户核拨收入0.00万元，单位资金收入0.00万元，上年结转结余0.00万元。",
        "收支预算总表支出栏、基本支出表、项目支出表按经济分类和支出功能分类科目编制，反映高阳县医疗保障局年度部门预算中支出预算的总体情况。2025年支出预算595.88万元，其中基本支出256.88万元，包括人员经费233.52万元和日常公用经费23.36万元；项目支出339.00万元，主要为离休干部医药费、医疗救助资金（县级配套）、医疗保障经费(劳务派遣）、医疗保障服务能力建设补助资金等。",
        "2025年预算收支安排595.88万元，较2024年预算减少400.50万元，其中：基本支出增加17.50万元，主要为人员增加1人，并且工资及保险基数调整导致人员经费增加。项目支出减少418.00万元，主要为医疗救助资金改为市级统筹，上级下达补助资金由市医保局统筹支出，医疗救助资金减少。",
        "2025年，我部门机关运行经费共计安排23.36万元，主要用于日常维修、办公用房水电费、办公用房取暖费、办公用房物业管理费等日常运行支出。",
        "2025年，我部门财政拨款“三公”经费预算安排1.46万元，其中因公出国（境）费0.00万元；公务用车购置及运维费1.46万元（其中：公务用车购置费为0.00万元，公务用车运维费1.46万元）；公务接待费0.00万元。与2024年相比减少0.08万元，增减变化的主要原因是厉行节约，压缩开支。",
        "高阳县医疗保障局（含所属单位）上年末固定资产金额为65.94万元（详见下表）。本年度拟购置固定资产总额为0.00万元。",
    ]

    func testSentencesWithFiguresReadLikeTheSeed() throws {
        let text = try renderText("hebei/高阳县医疗保障局-2025.yaml").filter { !$0.isWhitespace }
        for sentence in Self.seedSentences {
            XCTAssertTrue(text.contains(sentence.filter { !$0.isWhitespace }), "missing: \(sentence)")
        }
    }
}

extension HebeiTemplateTests {
    /// The template holds for a department with several fund sources and no prior-year figures.
    func testSeveralFundSourcesWithoutPriorYear() throws {
        let directory = try GongkaiProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var text = try String(contentsOf: GongkaiProcess.root.appendingPathComponent("Examples/hebei/高阳县医疗保障局-2025.yaml"), encoding: .utf8)
        // Drop 上年, 增减原因 and 核对数 (their figures no longer hold) and add 10.00 of 事业收入.
        text = text.components(separatedBy: "\n").filter { !$0.hasPrefix("  #") }.joined(separator: "\n")
        for section in ["上年:", "增减原因:", "核对数:"] {
            guard let start = text.range(of: "\n\(section)\n") else { continue }
            let rest = text[start.upperBound...]
            let end = rest.range(of: "\n[^ ]", options: .regularExpression)?.lowerBound ?? rest.endIndex
            text.removeSubrange(start.lowerBound..<end)
        }
        text = text.replacingOccurrences(of: "支出:\n", with: "支出:\n  - {科目: 2101550, 资金来源: 事业收入, 人员经费: 10.00}\n")
        let file = directory.appendingPathComponent("多来源.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let pdf = directory.appendingPathComponent("多来源.pdf").path
        let run = try GongkaiProcess.run(["render", file.path, "-o", pdf])
        XCTAssertEqual(run.status, 0, run.output + run.errors)
        let rendered = try GongkaiProcess.run(URL(fileURLWithPath: "/usr/bin/pdftotext"), [pdf, "-"]).output.filter { !$0.isWhitespace }
        XCTAssertTrue(rendered.contains("2025年预算收入605.88万元"), "income sentence with both sources")
        XCTAssertTrue(rendered.contains("单位资金收入10.00万元"))
        XCTAssertTrue(rendered.contains("563.38"), "卫生健康支出 with the 事业收入 row")
        XCTAssertFalse(rendered.contains("比上年增减情况"), "no prior year, no comparison section")
    }
}

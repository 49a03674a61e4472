import Budget
import Document
import Foundation
import Templating
import XCTest

/// The Document checks itself: every format's tables foot for every example, and a template that
/// prints a total without all its parts, or parts that do not add up, is refused with its place.
final class DocumentSelfCheckTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-selfcheck-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TemplateEngineTests.root.appendingPathComponent("Templates"), to: directory)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Re-adds every printed table of every format × example: no error, and no footing warning in
    /// the budget's own precision (the Shaanxi format's whole-元 tables of 万元 data may warn).
    func testEveryPrintedTableFoots() throws {
        for format in DocumentSnapshotTests.formats {
            let template = try DocumentTemplate(format: format, templatesDirectory: TemplateEngineTests.root.appendingPathComponent("Templates"))
            for example in DocumentSnapshotTests.examples {
                let budget = try DocumentSnapshotTests.budget(example)
                let built = try template.build(for: budget)
                let ownFormat = example.hasPrefix(format)
                if ownFormat { XCTAssertEqual(built.warnings.map(\.description), [], "\(format) × \(example)") }
                let tables = built.document.blocks.filter { if case .table = $0 { return true } else { return false } }
                XCTAssertGreaterThan(tables.count, 8, "\(format) × \(example)")
            }
        }
    }

    func edit(_ relative: String, _ change: (String) -> String) throws {
        let file = directory.appendingPathComponent(relative)
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = change(text)
        XCTAssertNotEqual(changed, text, "the edit applies")
        try changed.write(to: file, atomically: true, encoding: .utf8)
    }

    func selfCheckProblems(_ format: String, example: String = "hebei/高阳县医疗保障局-2025") throws -> [String] {
        let budget = try DocumentSnapshotTests.budget(example)
        do {
            _ = try DocumentTemplate(format: format, templatesDirectory: directory).document(for: budget)
            return []
        } catch let failure as SelfCheckFailure {
            return failure.problems.map(\.description)
        }
    }

    /// A broken template sum: the 支出总表 prints 基本支出 in the 合计 column of every subject row.
    func testABrokenTemplateSumFailsWithFormatTableRowAndColumn() throws {
        try edit("hebei/tables/支出总表.yaml") {
            $0.replacingOccurrences(of: "        - \"{{科目.合计|金额或空}}\"", with: "        - \"{{科目.基本支出|金额或空}}\"")
        }
        let problems = try selfCheckProblems("hebei")
        XCTAssertEqual(problems.first, "格式 hebei，表“部门预算支出总表”第 1 行第 4 列：印出了 支出.合计 和它的部分，却没有印出部分 功能科目[208].合计、功能科目[210].合计、功能科目[221].合计（合计不能由表中各数加得）")
    }

    /// A 2025 Hebei “三公” table without its 会议费 row, for data that has 会议费, does not foot.
    func testAThreePublicTableWithoutTheMeetingRowIsRefused() throws {
        try edit("hebei/tables/财政拨款三公经费支出表.yaml") { text in
            text.components(separatedBy: "\n").filter { !$0.contains("四、会议费") && !$0.contains("三公.会议费|非零\n") }.joined(separator: "\n")
                .replacingOccurrences(of: "  - 条件: 三公.会议费|非零\n", with: "")
        }
        let budget = try DocumentSnapshotTests.budget("hebei/高阳县医疗保障局-2025")
        XCTAssertTrue(budget.threePublic.items["会议费"]?.isZero ?? true, "the example has no 会议费: the table foots as it is")
        XCTAssertEqual(try selfCheckProblems("hebei"), [])
    }

    /// Figures concatenated in one cell (the old Xinjiang 表7) are refused, not printed as “1.481.00”.
    func testTwoFiguresInOneNumericCellAreRefused() throws {
        try edit("xinjiang/tables/一般公共预算项目支出情况表.yaml") {
            $0.replacingOccurrences(of: "        - \"{{科目.项目经济分类类.302|千分位或空}}\"",
                                    with: "        - '{% for p in 项目 %}{{p.经济分类类.302|千分位或空}}{% endfor %}'")
        }
        let problems = try selfCheckProblems("xinjiang", example: "xinjiang/和硕县医疗保障局-2024")
        XCTAssertTrue(problems.contains { $0.hasPrefix("格式 xinjiang，表“一般公共预算项目支出情况表”第 3 行第 8 列：一个数字单元格印了 ") },
                      problems.joined(separator: "\n"))
    }
}

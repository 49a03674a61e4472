import Budget
import BudgetCore
import Foundation
import XCTest

/// 比上年: last year's figures from last year's file, per subject, with new and removed items.
final class PriorYearTests: XCTestCase {
    func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func testComparesEveryFigureWithLastYearsFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-prior-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try write("""
            名称: 测试局
            年度: 2024
            格式: hebei
            金额单位: 万元
            支出:
              - {科目: 2101501, 人员经费: 60.00, 公用经费: 10.00}
              - {科目: 2101506, 项目支出: 3.00}
              - {科目: 2210201, 人员经费: 5.00}

            """, "测试局-2024.yaml", in: directory)
        let current = try write("""
            名称: 测试局
            年度: 2025
            格式: hebei
            金额单位: 万元
            上年: 测试局-2024.yaml
            支出:
              - {科目: 2101501, 人员经费: 66.00, 公用经费: 10.00}
              - {科目: 2080505, 人员经费: 0.86}
              - {科目: 2210201, 人员经费: 5.00}
            增减原因:
              人员经费: 工资调整
              基本支出: 工资调整
              项目支出: 项目完成
              科目:
                2101501: 工资调整
                2080505: 科目调整

            """, "测试局-2025.yaml", in: directory)
        let outcome = BudgetFile.derive(current)
        XCTAssertEqual(outcome.diagnostics.errors, [])
        let budget = try XCTUnwrap(outcome.budget)
        let phrases = Dictionary(budget.changes.map { ($0.key, $0.change.phrase(unit: .wanYuan)) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(phrases["合计"], "增加3.86万元，增长4.95%")
        XCTAssertEqual(phrases["人员经费"], "增加6.86万元，增长10.55%")
        XCTAssertEqual(phrases["公用经费"], "持平")
        XCTAssertEqual(phrases["科目/2101501"], "增加6.00万元，增长8.57%")
        XCTAssertEqual(phrases["科目/2080505"], "增加0.86万元，增长100.00%")
        XCTAssertEqual(phrases["科目/2101506"], "减少3.00万元，下降100.00%")
        XCTAssertEqual(phrases["科目/2210201"], "持平")
        XCTAssertEqual(phrases["收入/一般公共预算"], "增加3.86万元，增长4.95%")
        // 2101506 was removed without a reason typed: the comparison says so; whether that is worth a
        // warning is the format's business (Preflight.ChangeReasons).
        XCTAssertEqual(budget.changes.filter { $0.requiresReason && $0.reason == nil && $0.change.direction != .unchanged }.map(\.key),
                       ["收入/一般公共预算", "科目/2101506"])
        XCTAssertEqual(outcome.diagnostics.warnings.map(\.message), [
            "有一般公共预算基本支出 81.86万元，但没有写“基本支出经济分类”，基本支出表将无法按经济分类列示",
        ])
        XCTAssertTrue(outcome.diagnostics.allSatisfy { $0.location != nil })
    }

    /// A temporary folder for a pair of years' files.
    func folder() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-prior-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        return directory
    }

    static let current = """
        名称: 测试局
        年度: 2025
        格式: hebei
        金额单位: 万元
        上年: 测试局-2024.yaml
        支出:
          - {科目: 2101501, 人员经费: 66.00, 公用经费: 10.00}
          - {科目: 2210201, 人员经费: 5.00}

        """

    static let lastYear = """
        名称: 测试局
        年度: 2024
        格式: hebei
        金额单位: 万元
        支出:
          - {科目: 2101501, 人员经费: 60.00, 公用经费: 10.00}
          - {科目: 2101506, 项目支出: 3.00}
          - {科目: 2210201, 人员经费: 5.00}

        """

    func line(of needle: String, in text: String) throws -> Int {
        try XCTUnwrap(text.components(separatedBy: "\n").firstIndex { $0.contains(needle) }) + 1
    }

    /// The seed's 项目支出 “增加8.54万元，增长1.09%” (上年 783.91) beside income lines that add up to
    /// 969.77: refused, so no change sentence is printed from it.
    func testXinjiangSeedsContradictoryProjectSpendingIsRefused() throws {
        let example = "xinjiang/和硕县医疗保障局-2024.yaml"
        let outcome = try ExampleFiles.deriveEdited(example) { $0.replacingOccurrences(of: "  项目支出: 770.41\n", with: "  项目支出: 783.91\n") }
        XCTAssertNil(outcome.budget, "render refuses")
        XCTAssertEqual(outcome.diagnostics.errors.map(\.message), [
            "上年收入合计 969.77万元（一般公共预算 889.01万元、上级一般公共预算转移支付 13.00万元、政府性基金 67.76万元）不等于上年支出合计 983.27万元（基本支出 199.36万元 + 项目支出 783.91万元）：上年的收入与支出应相等",
        ])
        let error = try XCTUnwrap(outcome.diagnostics.errors.first)
        XCTAssertEqual(error.location?.file, ExampleFiles.path(example))
        XCTAssertEqual(error.location?.line, try line(of: "    一般公共预算: 889.01", in: try ExampleFiles.text(example)))
    }

    func testInlineBasicAndProjectAgainstTotal() throws {
        let text = Self.current.replacingOccurrences(of: "上年: 测试局-2024.yaml", with: "上年:\n  合计: 80.00\n  基本支出: 75.00\n  项目支出: 3.00")
        let outcome = BudgetFile.derive(data: Data(text.utf8), path: "测试局.yaml")
        XCTAssertNil(outcome.budget)
        XCTAssertEqual(outcome.diagnostics.errors.map(\.message), ["上年基本支出 75.00万元 与项目支出 3.00万元 之和 78.00万元 不等于上年收支总计 80.00万元"])
        XCTAssertEqual(outcome.diagnostics.errors.first?.location, SourceLocation(file: "测试局.yaml", line: 6, column: 7))
    }

    func testInlinePersonnelAndPublicUseAgainstBasic() throws {
        let text = Self.current.replacingOccurrences(of: "上年: 测试局-2024.yaml", with: "上年: {基本支出: 75.00, 人员经费: 65.00, 公用经费: 9.00}")
        let outcome = BudgetFile.derive(data: Data(text.utf8), path: "测试局.yaml")
        XCTAssertEqual(outcome.diagnostics.errors.map(\.message), ["上年人员经费 65.00万元 与公用经费 9.00万元 之和 74.00万元 不等于上年基本支出 75.00万元"])
        XCTAssertEqual(outcome.diagnostics.errors.first?.location?.line, 5)
    }

    func testInlineSubjectsCannotExceedTheirParent() throws {
        let text = Self.current.replacingOccurrences(of: "上年: 测试局-2024.yaml", with: "上年:\n  科目:\n    21015: 70.00\n    2101501: 66.00\n    2101506: 5.00")
        let outcome = BudgetFile.derive(data: Data(text.utf8), path: "测试局.yaml")
        XCTAssertEqual(outcome.diagnostics.errors.map(\.message), ["上年科目 21015 的下级科目（2101501、2101506）之和 71.00万元 多于它的 70.00万元"])
        XCTAssertEqual(outcome.diagnostics.errors.first?.location?.line, 7)
    }

    /// An inline figure over last year's file must agree with the rest of that file's figures.
    func testInlineFigureOverAFileIsCheckedAgainstIt() throws {
        let directory = try folder()
        _ = try write(Self.lastYear, "测试局-2024.yaml", in: directory)
        let text = Self.current.replacingOccurrences(of: "上年: 测试局-2024.yaml", with: "上年:\n  文件: 测试局-2024.yaml\n  项目支出: 5.00")
        let current = try write(text, "测试局-2025.yaml", in: directory)
        let outcome = BudgetFile.derive(current)
        // The file's 合计 (78.00) stays; the inline 项目支出 contradicts it.
        XCTAssertEqual(outcome.diagnostics.errors.map(\.message), ["上年基本支出 75.00万元 与项目支出 5.00万元 之和 80.00万元 多于上年收支总计 78.00万元"])
        XCTAssertEqual(outcome.diagnostics.errors.first?.location, SourceLocation(file: current, line: 7, column: 9))
    }

    /// Last year's file is checked like this year's, its errors at its own lines.
    func testErrorsOfLastYearsFileAreAtItsLines() throws {
        let directory = try folder()
        let prior = try write(Self.lastYear.replacingOccurrences(of: "{科目: 2210201, 人员经费: 5.00}", with: "{科目: 2210201, 人员经费: 5.00, 基本支出: 6.00}"),
                              "测试局-2024.yaml", in: directory)
        let current = try write(Self.current, "测试局-2025.yaml", in: directory)
        let outcome = BudgetFile.derive(current)
        XCTAssertNil(outcome.budget)
        XCTAssertEqual(outcome.diagnostics.errors.map { "\($0.location!.file == prior ? "上年" : "本年"):\($0.location!.line) \($0.rule)" },
                       ["上年:8 row.basic-split", "本年:5 prior.invalid"])
        XCTAssertEqual(outcome.diagnostics.errors.first?.message, "科目 2210201 基本支出 6.00万元 不等于人员经费与公用经费之和 5.00万元")
    }
}

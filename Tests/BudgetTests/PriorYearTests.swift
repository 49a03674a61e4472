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
        // 2101506 was removed without a reason typed: a warning, not an error.
        XCTAssertEqual(outcome.diagnostics.warnings.map(\.message), [
            "一般公共预算比上年增加3.86万元，增长4.95%，没有写增减原因（在“增减原因”中补充）",
            "2101506 医疗保障经办事务比上年减少3.00万元，下降100.00%，没有写增减原因（在“增减原因”中补充）",
            "有一般公共预算基本支出 81.86万元，但没有写“基本支出经济分类”，基本支出表将无法按经济分类列示",
        ])
        XCTAssertTrue(outcome.diagnostics.allSatisfy { $0.location != nil })
    }
}

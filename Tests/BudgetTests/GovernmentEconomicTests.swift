import Budget
import BudgetCore
import Foundation
import XCTest

/// Every 部门经济分类 amount reaches the 政府经济分类 table, or the file says why not.
final class GovernmentEconomicTests: XCTestCase {
    static let file = """
        名称: 测试局
        年度: 2025
        格式: hebei
        金额单位: 万元
        单位性质: 行政
        支出:
          - {科目: 2101501, 人员经费: 10.00, 公用经费: 2.00}
        基本支出经济分类:
          人员经费:
            30101: 6.00
            30107: 4.00
          公用经费:
            30201: 2.00

        """

    func derive(_ text: String) -> BudgetDeriver.Outcome {
        BudgetFile.derive(data: Data(text.utf8), path: "测试局.yaml")
    }

    func total(_ rows: [EconomicRow]?) -> Money { (rows ?? []).filter { $0.depth == 1 }.map(\.total).sum() }

    func testPerformancePayInAnAdministrativeUnitNeedsACorrespondence() throws {
        let outcome = derive(Self.file)
        XCTAssertNil(outcome.budget)
        XCTAssertEqual(outcome.diagnostics.errors.map(\.message), [
            "经济科目 30107 绩效工资 没有对应的政府经济分类科目（科目库未收录行政单位的这一对应），政府经济分类表将缺少这笔金额：请在“政府经济科目对应”中写出，如“政府经济科目对应: {30107: …}”（… 为政府经济分类科目编码）",
        ])
        XCTAssertEqual(outcome.diagnostics.errors.first?.location, SourceLocation(file: "测试局.yaml", line: 11, column: 5))
    }

    func testTheCorrespondenceGivenInTheDataIsUsed() throws {
        let outcome = derive(Self.file + "政府经济科目对应: {30107: \"50101\"}\n")
        XCTAssertEqual(outcome.diagnostics.errors, [])
        let budget = try XCTUnwrap(outcome.budget)
        XCTAssertEqual(budget.governmentEconomic.map { "\($0.code) \($0.name) \($0.total.formatted(in: .wanYuan))" },
                       ["501 机关工资福利支出 10.00", "50101 工资奖金津补贴 10.00", "502 机关商品和服务支出 2.00", "50201 办公经费 2.00"])
        XCTAssertEqual(total(budget.governmentEconomic), total(budget.generalEconomic))
        XCTAssertEqual(budget.generalEconomic.first { $0.code == "30107" }?.governmentCode, "50101")
    }

    /// A mapping for a code the data does not have is most likely a typo: a warning at its key.
    func testAnUnusedCorrespondenceIsAWarningAtItsKey() throws {
        let outcome = derive(Self.file + "政府经济科目对应: {30107: \"50101\", 39999: \"50299\"}\n")
        XCTAssertEqual(outcome.diagnostics.errors, [])
        XCTAssertEqual(outcome.diagnostics.warnings.map(\.message), ["“政府经济科目对应”中的 39999 没有用到：数据中没有这个经济科目（是否写错了编码？）"])
        XCTAssertEqual(outcome.diagnostics.warnings.first?.location?.line, 14)
    }

    func testInstitutionUnitsUseTheirOwnCorrespondence() throws {
        let outcome = derive(Self.file.replacingOccurrences(of: "单位性质: 行政", with: "单位性质: 事业"))
        XCTAssertEqual(outcome.diagnostics.errors, [])
        XCTAssertEqual(outcome.budget?.governmentEconomic.map(\.code), ["505", "50501", "50502"])
    }

    func testACodeTheCatalogCannotNameNeedsAName() throws {
        let outcome = derive(Self.file + "政府经济科目对应: {30107: \"50199\", 30201: \"50299\"}\n")
        XCTAssertEqual(outcome.diagnostics.errors.map(\.rule), ["subject.unknown"])
        XCTAssertTrue(outcome.diagnostics.errors[0].message.hasPrefix("政府经济分类科目 50299 不在科目库"), outcome.diagnostics.errors[0].message)
        XCTAssertEqual(outcome.diagnostics.errors[0].location?.line, 14)
    }

    /// A project's amount typed at 类 level has no 款 to look up: the data maps the 类.
    func testClassLevelProjectAmountsNeedACorrespondence() throws {
        let project = "项目:\n  - {名称: 甲, 功能科目: 2101501, 经济分类: {303: 1.00}}\n"
        let refused = derive(Self.file + "政府经济科目对应: {30107: \"50101\"}\n" + project)
        XCTAssertEqual(refused.diagnostics.errors.map(\.rule), ["economic.government-code"])
        XCTAssertTrue(refused.diagnostics.errors[0].message.hasPrefix("经济科目 303 对个人和家庭的补助 没有对应的政府经济分类科目（类级金额没有唯一的对应）"))
        let accepted = derive(Self.file + "政府经济科目对应: {30107: \"50101\", 303: \"509\"}\n" + project)
        XCTAssertEqual(accepted.diagnostics.errors, [])
        XCTAssertEqual(total(accepted.budget?.governmentEconomic), total(accepted.budget?.generalEconomic))
    }

    func testExamplesReachEveryAmount() throws {
        for example in ["hebei/高阳县医疗保障局-2025.yaml", "hebei/高阳县城乡居民基本医疗保险服务中心-2026.yaml",
                        "shaanxi/西乡县医疗保险业务经办中心-2024.yaml", "xinjiang/和硕县医疗保障局-2024.yaml"] {
            let budget = try ExampleFiles.derive(example)
            XCTAssertEqual(total(budget.governmentEconomic), total(budget.generalEconomic), example)
        }
    }
}

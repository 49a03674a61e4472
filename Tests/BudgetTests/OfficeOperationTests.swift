import Budget
import BudgetCore
import Foundation
import XCTest

/// 机关运行经费 is the 公用经费 of 行政 and 参公事业 units: at most the department's 公用经费.
final class OfficeOperationTests: XCTestCase {
    let example = HebeiSeedTests.example

    func derive(_ edit: (String) -> String) throws -> BudgetDeriver.Outcome {
        try ExampleFiles.deriveEdited(example, edit)
    }

    func line(of needle: String, in text: String) throws -> Int {
        try XCTUnwrap(text.components(separatedBy: "\n").firstIndex { $0.contains(needle) }) + 1
    }

    /// The example's department is 行政 with 事业 units, so its 公用经费 (23.36) is only an upper bound.
    func withFigure(_ amount: String) -> (String) -> String {
        { $0.replacingOccurrences(of: "机关运行经费:\n", with: "机关运行经费:\n  金额: \(amount)\n") }
    }

    func withUnits(_ units: String) -> (String) -> String {
        { $0.replacingOccurrences(of: "机关运行经费:\n", with: "所属单位:\n\(units)机关运行经费:\n") }
    }

    static let units = """
          - {名称: 高阳县医疗保障局, 类型: 行政, 公用经费: 15.00}
          - {名称: 高阳县城镇职工基本医疗保险服务中心, 类型: 事业, 公用经费: 5.00}
          - {名称: 高阳县城乡居民基本医疗保险服务中心, 类型: 事业, 公用经费: 3.36}

        """

    func testUntypedDefaultsToPublicUseForAnAdministrativeDepartment() throws {
        let outcome = try derive { $0 }
        XCTAssertEqual(outcome.budget?.officeOperation.formatted(in: .wanYuan), "23.36")
    }

    func testFigureBelowPublicUseIsAcceptedAndUsed() throws {
        let outcome = try derive(withFigure("20.00"))
        XCTAssertEqual(outcome.diagnostics.errors, [])
        XCTAssertEqual(outcome.budget?.officeOperation.formatted(in: .wanYuan), "20.00")
    }

    func testFigureAbovePublicUseIsRefusedAtItsLine() throws {
        let edit = withFigure("25.00")
        let outcome = try derive(edit)
        XCTAssertNil(outcome.budget)
        XCTAssertEqual(outcome.diagnostics.errors.map(\.rule), ["office-operation.above-public-use"])
        let error = try XCTUnwrap(outcome.diagnostics.errors.first)
        XCTAssertEqual(error.message, "机关运行经费写为 25.00万元，多于一般公共预算公用经费 23.36万元：机关运行经费是行政单位和参公事业单位的公用经费，不会多于公用经费")
        XCTAssertEqual(error.location?.line, try line(of: "金额: 25.00", in: edit(try ExampleFiles.text(example))))
        XCTAssertEqual(error.location?.column, 7)
    }

    func testDerivedFromTheUnits() throws {
        let outcome = try derive(withUnits(Self.units))
        XCTAssertEqual(outcome.diagnostics.errors, [])
        XCTAssertEqual(outcome.budget?.officeOperation.formatted(in: .wanYuan), "15.00")
    }

    func testTypedFigureIsCheckedAgainstTheUnits() throws {
        let edit: (String) -> String = { self.withFigure("16.00")(self.withUnits(Self.units)($0)) }
        let outcome = try derive(edit)
        XCTAssertEqual(outcome.diagnostics.errors.map(\.message),
                       ["机关运行经费写为 16.00万元，而由所属单位推得 15.00万元（行政、参公事业单位的公用经费之和）"])
        XCTAssertEqual(outcome.diagnostics.errors.first?.location?.line, try line(of: "金额: 16.00", in: edit(try ExampleFiles.text(example))))
        XCTAssertEqual(try derive { self.withFigure("15.00")(self.withUnits(Self.units)($0)) }.diagnostics.errors, [])
    }

    func testUnitsThatDoNotAddUpAreRefused() throws {
        let units = Self.units.replacingOccurrences(of: "公用经费: 3.36", with: "公用经费: 3.00")
        let edit = withUnits(units)
        let outcome = try derive(edit)
        XCTAssertNil(outcome.budget)
        XCTAssertEqual(outcome.diagnostics.errors.map(\.message), [
            "所属单位的公用经费合计 23.00万元（高阳县医疗保障局 15.00万元、高阳县城镇职工基本医疗保险服务中心 5.00万元、高阳县城乡居民基本医疗保险服务中心 3.00万元）不等于一般公共预算公用经费 23.36万元",
        ])
        let text = edit(try ExampleFiles.text(example))
        XCTAssertEqual(outcome.diagnostics.errors.first?.location?.line, try line(of: "所属单位:", in: text))
    }

    func testUnitsWithSomeFiguresMissingMayNotExceedTheTotal() throws {
        let units = """
              - {名称: 甲, 类型: 行政, 公用经费: 24.00}
              - {名称: 乙, 类型: 事业}

            """
        let outcome = try derive(withUnits(units))
        XCTAssertEqual(outcome.diagnostics.errors.map(\.rule), ["units.public-use"])
        XCTAssertTrue(outcome.diagnostics.errors[0].message.contains("已多于一般公共预算公用经费 23.36万元"))
    }

    func testOnlyInstitutionUnitsHaveNoOfficeOperation() throws {
        let units = """
              - {名称: 甲, 类型: 事业}
              - {名称: 乙, 类型: 事业}

            """
        let outcome = try derive(withUnits(units))
        XCTAssertEqual(outcome.diagnostics.errors, [])
        XCTAssertEqual(outcome.budget?.officeOperation, .zero)
    }

    func testInstitutionDepartmentWithoutAFigureWarns() throws {
        let outcome = try derive { $0.replacingOccurrences(of: "单位性质: 行政", with: "单位性质: 事业") }
        XCTAssertEqual(outcome.diagnostics.warnings.map(\.message),
                       ["机关运行经费无法推算（单位性质为事业），暂按 0 计：请在“机关运行经费”中写出“金额”，或在“所属单位”中写出各单位的类型和公用经费"])
        // The 机关运行经费 record starts at its first key.
        XCTAssertEqual(outcome.diagnostics.warnings.first?.location?.line, try line(of: "  用途: 日常维修", in: try ExampleFiles.text(example)))
    }

    func testInstitutionUnitBudgetHasNone() throws {
        let outcome = try derive {
            $0.replacingOccurrences(of: "单位性质: 行政", with: "单位性质: 事业")
              .replacingOccurrences(of: "层级: 部门", with: "层级: 单位")
              .replacingOccurrences(of: "机关运行经费:\n", with: "机关运行经费:\n  金额: 1.00\n")
        }
        // (The 事业 correspondence also lacks some of the example's 行政 codes: other errors.)
        XCTAssertEqual(outcome.diagnostics.errors.filter { $0.rule.hasPrefix("office-operation") }.map(\.message),
                       ["机关运行经费写为 1.00万元，而本单位为事业单位（不含参公），没有机关运行经费，应为 0"])
    }
}

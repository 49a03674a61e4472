import Budget
import Foundation
import BudgetCore
import XCTest

/// The contradictions real documents contain are caught, naming both figures and where they come from.
final class CrossCheckTests: XCTestCase {
    let example = HebeiSeedTests.example

    func errors(_ edit: (String) -> String) throws -> [Diagnostic] {
        let outcome = try ExampleFiles.deriveEdited(example, edit)
        XCTAssertNil(outcome.budget, "errors block the budget")
        return outcome.diagnostics.errors
    }

    func line(of needle: String) throws -> Int {
        let lines = try ExampleFiles.text(example).components(separatedBy: "\n")
        return try XCTUnwrap(lines.firstIndex { $0.contains(needle) }) + 1
    }

    func testExampleIsClean() throws {
        let outcome = try ExampleFiles.deriveEdited(example) { $0 }
        XCTAssertEqual(outcome.diagnostics.filter { $0.severity != .info }, [])
        // Only notes of the controlled rounding: 85.565 and 64.065 printed down so their parents foot.
        XCTAssertEqual(outcome.diagnostics.infos.map(\.message), [
            "功能科目 2101501 的合计、基本支出印为 85.56万元（精确值 85.565万元，单独舍入为 85.57）：受控舍入使各表合计与明细相符",
            "经济科目 30199 的合计印为 64.06万元（精确值 64.065万元，单独舍入为 64.07）：受控舍入使各表合计与明细相符",
        ])
    }

    func testVehicleOperationAgainstEconomicSubject() throws {
        let found = try errors { $0.replacingOccurrences(of: "  公务用车运行维护: 1.46", with: "  公务用车运行维护: 1.54") }
        XCTAssertEqual(found.map(\.rule), ["three-public.vehicle-operation"])
        XCTAssertEqual(found.first?.message, "“三公”经费中公务用车运行维护费 1.54万元 不等于经济科目 30231 公务用车运行维护费 1.46万元")
        XCTAssertEqual(found.first?.location?.line, try line(of: "公务用车运行维护: 1.46"))
    }

    func testPensionContributionAgainstFunctionalSubject() throws {
        // Moving 0.28 from 30108 to 30199 keeps the totals but breaks 30108 ↔ 2080505.
        let found = try errors {
            $0.replacingOccurrences(of: "    30108: 17.28", with: "    30108: 17.00")
              .replacingOccurrences(of: "    30199: 64.065", with: "    30199: 64.345")
        }
        XCTAssertEqual(found.map(\.rule), ["economic.functional-match"])
        XCTAssertEqual(found.first?.message, "经济科目 30108 机关事业单位基本养老保险缴费 17.00万元 应等于功能科目 2080505 机关事业单位基本养老保险缴费支出的基本支出 17.28万元")
        XCTAssertEqual(found.first?.location?.line, try line(of: "30108: 17.28"))
    }

    func testMedicalInsuranceAgainstBothMedicalSubjects() throws {
        let found = try errors {
            $0.replacingOccurrences(of: "    30110: 7.27", with: "    30110: 7.00")
              .replacingOccurrences(of: "    30199: 64.065", with: "    30199: 64.335")
        }
        XCTAssertEqual(found.first?.message, "经济科目 30110 职工基本医疗保险缴费 7.00万元 应等于功能科目 2101101+2101102 行政单位医疗、事业单位医疗的基本支出 7.27万元")
    }

    func testEconomicTableAgainstBasicSpending() throws {
        let found = try errors { $0.replacingOccurrences(of: "    30201: 5.88", with: "    30201: 5.98") }
        XCTAssertEqual(found.first?.rule, "economic.basic-total")
        XCTAssertTrue(found[0].message.contains("256.98万元") && found[0].message.contains("256.88万元"), found[0].message)
    }

    func testProjectAgainstTypedSubjectProjectSpending() throws {
        let found = try errors {
            $0.replacingOccurrences(of: "  - 科目: 2101550\n", with: "  - 科目: 2101599\n    项目支出: 30.00\n  - 科目: 2101550\n")
        }
        XCTAssertEqual(found.map(\.rule), ["project.subject-total"])
        XCTAssertEqual(found.first?.message, "科目 2101599（一般公共预算）的项目支出写为 30.00万元，而功能科目为 2101599 的项目合计 28.00万元，两者不符")
    }

    func testSpendingPlanAgainstProjectAmount() throws {
        let found = try errors {
            $0.replacingOccurrences(of: "支出计划: {一季度: 50.00, 二季度: 50.00, 三季度: 50.00, 四季度: 50.00}",
                                    with: "支出计划: {一季度: 50.00, 二季度: 50.00, 三季度: 50.00, 四季度: 40.00}")
        }
        XCTAssertEqual(found.map(\.rule), ["project.plan-total"])
        XCTAssertEqual(found.first?.message, "项目“高阳县离休干部医药费”资金支出计划累计 190.00万元，不等于项目金额 200.00万元")
    }

    func testStatedIncomeAgainstExpenditure() throws {
        let found = try errors { $0.replacingOccurrences(of: "  收入: {一般公共预算: 595.88}", with: "  收入: {一般公共预算: 596.88}") }
        XCTAssertEqual(found.first?.message, "核对数“收入·一般公共预算”写为 596.88万元，由明细算得 595.88万元")
        XCTAssertEqual(found.first?.location?.line, try line(of: "收入: {一般公共预算: 595.88}"))
    }

    func testOfficeOperationAgainstPublicUse() throws {
        let found = try errors { $0.replacingOccurrences(of: "机关运行经费:\n", with: "机关运行经费:\n  金额: 25.00\n") }
        XCTAssertEqual(found.first?.message, "机关运行经费写为 25.00万元，多于一般公共预算公用经费 23.36万元：机关运行经费是行政单位和参公事业单位的公用经费，不会多于公用经费")
    }

    func testUnknownSubjectNeedsAName() throws {
        let found = try errors { $0.replacingOccurrences(of: "  - 科目: 2101550\n", with: "  - 科目: 2101598\n    基本支出: 0.01\n  - 科目: 2101550\n") }
        XCTAssertTrue(found.contains { $0.rule == "subject.unknown" && $0.message.hasPrefix("功能分类科目 2101598 不在科目库（2025 年）中") }, "\(found)")
    }

    func testUnknownSubjectWithANameIsAccepted() throws {
        let outcome = try ExampleFiles.deriveEdited(example) {
            $0.replacingOccurrences(of: "  - 科目: 2101501\n    基本支出: 85.565", with: "  - 科目: 2101501\n    基本支出: 85.555\n  - 科目: 2101598\n    名称: 测试科目\n    基本支出: 0.01")
        }
        XCTAssertEqual(outcome.diagnostics.errors, [])
        XCTAssertEqual(outcome.budget?.functional.first { $0.code == "2101598" }?.name, "测试科目")
    }

    func testSubjectNotUnderAnyCategory() throws {
        let found = try errors { $0.replacingOccurrences(of: "  - 科目: 2101550\n", with: "  - 科目: 2991550\n") }
        XCTAssertTrue(found.contains { $0.rule == "subject.parent" && $0.message.contains("类 299 不存在") }, "\(found)")
    }

    func testDuplicateSubject() throws {
        let found = try errors { $0.replacingOccurrences(of: "  - 科目: 2101550\n", with: "  - 科目: 2101501\n") }
        XCTAssertTrue(found.contains { $0.rule == "subject.duplicate" }, "\(found)")
        let duplicate = try XCTUnwrap(found.first { $0.rule == "subject.duplicate" })
        XCTAssertTrue(duplicate.message.hasPrefix("科目 2101501（资金来源 一般公共预算）重复：第 \(try line(of: "科目: 2101501")) 行已经写过"))
    }

    /// Stage 2 records a change without its reason and where the reason goes; whether that is worth
    /// a warning depends on the format (Preflight.ChangeReasons, CLITests.NewChecksTests).
    func testChangeWithoutAReasonIsRecordedWithWhereItGoes() throws {
        let outcome = try ExampleFiles.deriveEdited(example) { $0.replacingOccurrences(of: "  基本支出: 人员增加1人，并且工资及保险基数调整导致人员经费增加\n", with: "") }
        XCTAssertEqual(outcome.diagnostics.errors, [])
        let basic = try XCTUnwrap(outcome.budget?.changes.first { $0.key == "基本支出" })
        XCTAssertNil(basic.reason)
        XCTAssertTrue(basic.requiresReason)
        XCTAssertEqual(basic.reasonPath, "增减原因.基本支出")
        XCTAssertEqual(basic.fixLocation?.line, try line(of: "增减原因:"))
    }

    func testProjectWithoutGoalsWarns() throws {
        let outcome = try ExampleFiles.deriveEdited(example) {
            $0.replacingOccurrences(of: "    绩效目标:\n      - \"保障离休人员的医疗，加强服务，节约医疗费用\"\n", with: "")
        }
        XCTAssertEqual(outcome.diagnostics.warnings.map(\.message), ["项目“高阳县离休干部医药费”没有绩效目标"])
    }
}

/// A file with unreadable parts still gets every error that does not depend on them.
final class PartialFileTests: XCTestCase {
    func testLocalErrorsAreReportedBesideInputErrors() {
        let text = """
            名称: 测试局
            年度: 2025
            格式: hebei
            金额单位: 万元
            支出:
              - 科目: 2101501
                人员经费: 1,0.5
              - 科目: 2101501
                公用经费: 3
            项目:
              - 名称: 甲
                功能科目: 2101506
                金额: 5
                支出计划: {一季度: 1}

            """
        let outcome = BudgetFile.derive(data: Data(text.utf8), path: "部分.yaml")
        XCTAssertNil(outcome.budget)
        XCTAssertEqual(outcome.diagnostics.errors.map(\.rule), ["amount.malformed", "subject.duplicate", "project.plan-total"])
        XCTAssertEqual(outcome.diagnostics.errors.map { $0.location?.line ?? 0 }, [7, 8, 14])
    }
}

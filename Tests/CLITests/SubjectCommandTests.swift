import Foundation
import XCTest

/// `gongkai 科目`: codes and names of the bundled catalog, found by code, code prefix or name.
final class SubjectCommandTests: XCTestCase {
    func testACodeGivesItsNameSchemeAndLevel() throws {
        let run = try GongkaiProcess.run(["科目", "2101101"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, "2101101\t行政单位医疗\t功能分类项\t各年度\t随附目录\n")
    }

    func testACodePrefixListsTheSubjectsUnderIt() throws {
        let run = try GongkaiProcess.run(["subject", "21011"])
        XCTAssertEqual(run.status, 0, run.errors)
        let codes = run.output.split(separator: "\n").map { $0.split(separator: "\t")[0] }
        XCTAssertEqual(codes.first, "21011")
        XCTAssertTrue(codes.contains("2101102"), run.output)
        XCTAssertTrue(codes.allSatisfy { $0.hasPrefix("21011") }, run.output)
    }

    func testANameFragmentFindsSubjectsInEveryScheme() throws {
        let run = try GongkaiProcess.run(["科目", "培训"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("2050803\t培训支出\t功能分类项"), run.output)
        XCTAssertTrue(run.output.contains("30216\t培训费\t部门经济分类款"), run.output)
    }

    func testAnUnknownSubjectSaysWhatToDo() throws {
        let run = try GongkaiProcess.run(["科目", "不存在的科目"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.output.contains("随附的科目目录中没有“不存在的科目”") && run.output.contains("科目名称"), run.output)
    }

    /// With --county, the county's catalog answers too, and says so.
    func testTheCountysCatalogIsSearchedWithItsSource() throws {
        let county = try GongkaiProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: county) }
        try "科目来源: 《2025年政府收支分类科目》\n科目:\n  功能分类:\n    2050201: 学前教育\n"
            .write(to: county.appendingPathComponent("县设置.yaml"), atomically: true, encoding: .utf8)
        let run = try GongkaiProcess.run(["科目", "2050201", "--county", county.path])
        XCTAssertEqual(run.status, 0, run.output + run.errors)
        XCTAssertEqual(run.output, "2050201\t学前教育\t功能分类项\t各年度\t县科目库（《2025年政府收支分类科目》）\n")
    }
}

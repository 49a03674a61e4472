import Foundation
import XCTest

/// `gongkai new --from`: next year's file keeps texts, structure and subjects, moves this year's
/// figures to 上年 (a reference to this year's file) and leaves every amount 待填, which `check`
/// reports at its place and nothing else.
final class NewCommandTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = try GongkaiProcess.temporaryDirectory()
        try FileManager.default.copyItem(at: URL(fileURLWithPath: GongkaiProcess.hebei), to: directory.appendingPathComponent("2025.yaml"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testNextYearsFileReportsOnlyTheAmountsToFill() throws {
        let run = try GongkaiProcess.run(["new", "--from", "2025.yaml", "2026.yaml"], in: directory)
        XCTAssertEqual(run.status, 0, run.errors)
        let text = try String(contentsOf: directory.appendingPathComponent("2026.yaml"), encoding: .utf8)
        XCTAssertTrue(text.contains("\n年度: 2026\n"), text)
        XCTAssertTrue(text.contains("\n上年:\n  文件: 2025.yaml\n"), text)
        XCTAssertTrue(text.contains("名称: 高阳县医疗保障局"), "texts are kept")
        XCTAssertTrue(text.contains("- 科目: 2101101"), "subjects are kept")
        let unfilled = text.components(separatedBy: ": 待填").count - 1
        XCTAssertGreaterThan(unfilled, 50)
        XCTAssertTrue(run.errors.contains("\(unfilled) 处金额待填"), run.errors)

        let check = try GongkaiProcess.run(["check", "2026.yaml"], in: directory)
        XCTAssertEqual(check.status, 1)
        let errors = check.headlines.split(separator: "\n").filter { $0.contains(": 错误: ") }
        XCTAssertEqual(errors.count, unfilled, check.output)
        XCTAssertTrue(errors.allSatisfy { $0.hasPrefix("2026.yaml:") && $0.hasSuffix("待填写：gongkai new 生成的文件中留待填写的项，请填上实际内容") },
                      check.output)
    }

    func testAnExistingFileIsNotOverwritten() throws {
        try "旧的\n".write(to: directory.appendingPathComponent("2026.yaml"), atomically: true, encoding: .utf8)
        let run = try GongkaiProcess.run(["new", "--from", "2025.yaml", "2026.yaml"], in: directory)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("2026.yaml 已存在，不覆盖"), run.errors)
        XCTAssertEqual(try String(contentsOf: directory.appendingPathComponent("2026.yaml"), encoding: .utf8), "旧的\n")
    }

    /// The new file in another folder names this year's file relative to itself.
    func testTheReferenceIsRelativeToTheNewFile() throws {
        let run = try GongkaiProcess.run(["new", "--from", "2025.yaml", "下年/2026.yaml"], in: directory)
        XCTAssertNotEqual(run.status, 0, "no folder 下年 yet: nothing is written")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("下年"), withIntermediateDirectories: true)
        let again = try GongkaiProcess.run(["new", "--from", "2025.yaml", "下年/2026.yaml"], in: directory)
        XCTAssertEqual(again.status, 0, again.errors)
        let text = try String(contentsOf: directory.appendingPathComponent("下年/2026.yaml"), encoding: .utf8)
        XCTAssertTrue(text.contains("\n  文件: ../2025.yaml\n"), text)
    }

    /// An empty department of a format: commented, and `check` reports exactly its 待填 items.
    func testAnEmptyDepartmentReportsOnlyWhatToFill() throws {
        let run = try GongkaiProcess.run(["new", "--format", "hebei", "--year", "2026", "新部门.yaml"], in: directory)
        XCTAssertEqual(run.status, 0, run.errors)
        let text = try String(contentsOf: directory.appendingPathComponent("新部门.yaml"), encoding: .utf8)
        XCTAssertTrue(text.contains("\n年度: 2026\n格式: hebei\n"), text)
        // The lines with 待填 as a value or key, not in the comments that explain it.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let toFill = lines.indices.filter { index in
            let line = lines[index]
            return !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") && line.components(separatedBy: " #")[0].contains("待填")
        }.map { $0 + 1 }
        let check = try GongkaiProcess.run(["check", "新部门.yaml"], in: directory)
        XCTAssertEqual(check.status, 1)
        let errors = check.headlines.split(separator: "\n").filter { $0.contains(": 错误: ") }
        XCTAssertTrue(errors.allSatisfy { $0.contains("待填写") }, check.output)
        XCTAssertEqual(Set(errors.compactMap { Int($0.split(separator: ":")[1]) }), Set(toFill), "an error on every line to fill, and only there")

        let unknown = try GongkaiProcess.run(["new", "--format", "广东", "x.yaml"], in: directory)
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.errors.contains("没有格式“广东”的模板；可用的格式：") && unknown.errors.contains("hebei"), unknown.errors)
        let neither = try GongkaiProcess.run(["new", "y.yaml"], in: directory)
        XCTAssertNotEqual(neither.status, 0)
        XCTAssertTrue(neither.errors.contains("二者选一"), neither.errors)
    }
}

import Foundation
import XCTest

/// README shows a diagnostic as it appears on a terminal; it stays what `check` prints.
final class ReadmeDiagnosticTests: XCTestCase {
    func testTheReadmesDiagnosticIsWhatCheckPrints() throws {
        let readme = try String(contentsOf: GongkaiProcess.root.appendingPathComponent("README.md"), encoding: .utf8)
        let command = "$ gongkai check --no-warnings 高阳县医疗保障局-2025.yaml\n"
        let start = try XCTUnwrap(readme.range(of: command), "README 中没有 check 的终端示例")
        let shown = String(readme[start.upperBound...].prefix { $0 != "`" })

        let directory = try GongkaiProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The README's story: 2080505's 人员经费 typed 0.01 too high.
        let text = try String(contentsOfFile: GongkaiProcess.hebei, encoding: .utf8)
            .replacingOccurrences(of: "  - 科目: 2080505\n    人员经费: 17.28", with: "  - 科目: 2080505\n    人员经费: 17.29")
        try text.write(to: directory.appendingPathComponent("高阳县医疗保障局-2025.yaml"), atomically: true, encoding: .utf8)
        let run = try GongkaiProcess.run(["check", "--no-warnings", "高阳县医疗保障局-2025.yaml"], in: directory)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(shown, run.output + run.errors, "README 的诊断示例已过时")
    }
}

import Foundation
import XCTest
@testable import gongkai
import BudgetCore

/// How a diagnostic looks on the terminal and to tools: clang's shape (headline, source line,
/// caret under the span, 注 and 提示), colour only when asked for, and JSON Lines.
final class DiagnosticShapeTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = try GongkaiProcess.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A copy of the Hebei example with `old` replaced by `new` (once, must be there).
    func example(replacing old: String, with new: String) throws -> String {
        let text = try String(contentsOfFile: GongkaiProcess.hebei, encoding: .utf8)
        XCTAssertTrue(text.contains(old), old)
        try text.replacingOccurrences(of: old, with: new).write(to: directory.appendingPathComponent("例.yaml"), atomically: true, encoding: .utf8)
        return "例.yaml"
    }

    func testTheCaretUnderlinesTheValueCountingWideCharactersTwice() throws {
        let file = try example(replacing: "  合计: 595.88", with: "  合计: 595.98")
        let run = try GongkaiProcess.run(["check", "--no-warnings", file], in: directory)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.output, """
            例.yaml:238:7: 错误: 核对数“合计”写为 595.98万元，由明细算得 595.88万元 [G0701]
             238 |   合计: 595.98
                 |         ^~~~~~

            """)
    }

    func testAQuotedValueIsUnderlinedToItsClosingQuote() {
        let excerpt = SourceExcerpt(line: "  名称: \"高阳县 医疗\"  # 注释", column: 7)
        XCTAssertEqual(excerpt?.text, "  名称: \"高阳县 医疗\"  # 注释")
        XCTAssertEqual(excerpt?.caret, "        ^~~~~~~~~~~~~")
    }

    func testAKeyIsUnderlinedWithoutItsColon() {
        XCTAssertEqual(SourceExcerpt(line: "- 科目: 2080505", column: 3)?.caret, "  ^~~~")
    }

    func testControlCharactersAndTabsNeverReachTheTerminal() {
        let excerpt = SourceExcerpt(line: "名称:\t\"甲\u{1B}[31m乙\u{202E}\"", column: 5)
        XCTAssertEqual(excerpt?.text, "名称:    \"甲\u{FFFD}[31m乙\u{FFFD}\"")
        // 名称: takes 5 columns, the tab 4 more: the caret stands under the quote.
        XCTAssertEqual(excerpt?.caretColumn, 9)
    }

    func testALongLineIsCutAroundTheSpan() throws {
        let line = String(repeating: "甲", count: 300) + " 值"
        let excerpt = try XCTUnwrap(SourceExcerpt(line: Substring(line), column: 302))
        XCTAssertLessThanOrEqual(TerminalText.width(excerpt.text), SourceExcerpt.maximumWidth + 2)
        XCTAssertTrue(excerpt.text.hasPrefix("…"))
        XCTAssertTrue(excerpt.text.hasSuffix(" 值"))
        XCTAssertEqual(excerpt.caret.trimmingCharacters(in: .whitespaces), "^~")
    }

    func testNotesAndHintsFollowTheExcerpt() throws {
        try "甲: 1\n乙: 2\n".write(to: directory.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        let location = SourceLocation(file: directory.appendingPathComponent("a.yaml").path, line: 2, column: 4)
        let diagnostic = Diagnostic.error("stated.mismatch", "核对数不符", at: location)
            .noting("由此算得", at: SourceLocation(file: "b.yaml", line: 9, column: 3))
            .hinting("改为 1")
        XCTAssertEqual(DiagnosticPrinter(colour: false).text(diagnostic), """
            \(location.file):2:4: 错误: 核对数不符 [G0701]
             2 | 乙: 2
               |     ^
              注：b.yaml:9:3: 由此算得
              提示：改为 1
            """)
    }

    func testColourOnlyWhenAsked() throws {
        let file = try example(replacing: "  合计: 595.88", with: "  合计: 595.98")
        let plain = try GongkaiProcess.run(["check", "--no-warnings", file], in: directory)
        XCTAssertFalse(plain.output.contains("\u{1B}["), "a pipe gets no escape codes")
        var environment = ProcessInfo.processInfo.environment
        environment["FORCE_COLOR"] = "1"
        let coloured = try GongkaiProcess.run(GongkaiProcess.binary, ["check", "--no-warnings", file], in: directory, environment: environment)
        XCTAssertTrue(coloured.output.contains("\u{1B}[1;31m错误:\u{1B}[0m"), coloured.output)
    }

    func testJSONLinesCarrySeverityCodeMessageAndEverySpan() throws {
        let file = try example(replacing: "  合计: 595.88", with: "  合计: 595.98")
        let run = try GongkaiProcess.run(["check", "--no-warnings", "--message-format", "json", file], in: directory)
        XCTAssertEqual(run.status, 1)
        let lines = run.output.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, run.output)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        XCTAssertEqual(object["severity"] as? String, "error")
        XCTAssertEqual(object["code"] as? String, "G0701")
        XCTAssertEqual(object["rule"] as? String, "stated.mismatch")
        XCTAssertEqual(object["message"] as? String, "核对数“合计”写为 595.98万元，由明细算得 595.88万元")
        let spans = try XCTUnwrap(object["spans"] as? [[String: Any]])
        XCTAssertEqual(spans.first?["line"] as? Int, 238)
        XCTAssertEqual(spans.first?["column"] as? Int, 7)
        XCTAssertEqual(spans.first?["primary"] as? Bool, true)
        // “595.98” spans columns 7 to 12: the end is exclusive.
        XCTAssertEqual(spans.first?["end"] as? Int, 13)
    }

    /// Every rule the sources name has a code, and every code's rule is still emitted somewhere.
    func testEveryRuleHasOneStableCode() throws {
        let codes = DiagnosticCode.all.map(\.code)
        XCTAssertEqual(Set(codes).count, codes.count, "codes are unique")
        XCTAssertEqual(Set(DiagnosticCode.all.map(\.rule)).count, codes.count, "rules are unique")
        XCTAssertTrue(codes.allSatisfy { $0.wholeMatch(of: /G\d{4}/) != nil })
        let sources = GongkaiProcess.root.appendingPathComponent("Sources")
        var text = ""
        for case let url as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            where url.pathExtension == "swift" && url.lastPathComponent != "DiagnosticCode.swift" && !url.path.contains("gongkai-fuzz") {
            text += try String(contentsOf: url, encoding: .utf8)
        }
        let fileNames = /\.(json|h|yaml|yml|pdf|tsv|md|csv|png|swift|txt)$/
        let literals = Set(text.matches(of: /"([a-z][a-z0-9-]*\.[a-z][a-z0-9.-]*)"/).map { String($0.output.1) })
            .filter { $0.firstMatch(of: fileNames) == nil }
        for rule in literals.sorted() {
            XCTAssertNotEqual(DiagnosticCode.code(for: rule), "G0000", "规则 \(rule) 没有编号")
        }
        for entry in DiagnosticCode.all {
            XCTAssertTrue(literals.contains(entry.rule), "编号 \(entry.code) 的规则 \(entry.rule) 已无处使用")
        }
    }

    /// 名称：… (a full-width colon) is reported where it was typed, not where libyaml stumbles.
    func testAFullWidthColonIsNamedAtItsLine() throws {
        try "名称：高阳县医疗保障局\n年度: 2025\n".write(to: directory.appendingPathComponent("例.yaml"), atomically: true, encoding: .utf8)
        let run = try GongkaiProcess.run(["check", "例.yaml"], in: directory)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.output, """
            例.yaml:1:3: 错误: “名称”后用了全角冒号“：”：键与值之间应为半角冒号加空格“: ” [G0107]
             1 | 名称：高阳县医疗保障局
               |     ^~~~~~~~~~~~~~~~~~
              注：例.yaml:2:3: YAML 在此处发现语法错误：此处不能出现“键: 值”（文字中有“: ”时请给整段文字加引号或改用全角冒号“：”；也可能是缩进不对）
              提示：改为“名称: …”

            """)
    }

    /// A render that fails for a reason outside the data (here: a folder it cannot write) says so
    /// with its code, for the whole file.
    func testAFailedRenderCarriesItsCode() throws {
        let run = try GongkaiProcess.run(["render", GongkaiProcess.hebei, "-o", "/proc/例.pdf"], in: directory)
        XCTAssertEqual(run.status, 1)
        let line = try XCTUnwrap(run.errors.split(separator: "\n").first { $0.contains("[G1009]") }, run.errors)
        XCTAssertTrue(line.hasPrefix("\(GongkaiProcess.hebei): 错误: "), String(line))
    }

    func testAMissingSpaceAfterAColonIsNamedAtItsLine() throws {
        try "名称: 高阳县医疗保障局\n年度:2025\n格式: hebei\n".write(to: directory.appendingPathComponent("例.yaml"), atomically: true, encoding: .utf8)
        let run = try GongkaiProcess.run(["check", "例.yaml"], in: directory)
        XCTAssertEqual(run.headlines, "例.yaml:2:3: 错误: “年度:”后缺少空格：键的冒号之后要有一个半角空格\n")
    }

    func testIndentingWithFullWidthSpacesIsNamed() throws {
        try "概况:\n  职责: 甲\n　　工作任务: 乙\n".write(to: directory.appendingPathComponent("例.yaml"), atomically: true, encoding: .utf8)
        let run = try GongkaiProcess.run(["check", "例.yaml"], in: directory)
        // To YAML the line is a top-level key starting with 全角空格 (other keys are missing here).
        XCTAssertTrue(run.headlines.contains("例.yaml:3:1: 错误: 这一行用全角空格“　”缩进：缩进只能用半角空格\n"), run.headlines)
    }

    /// A quote opened and not closed is named on its line, not where libyaml gives up.
    func testAnUnclosedQuoteIsNamedWhereItOpens() throws {
        let text = "名称: \"高阳县医疗保障局\n年度: 2025\n格式: hebei\n金额单位: 万元\n"
        try text.write(to: directory.appendingPathComponent("例.yaml"), atomically: true, encoding: .utf8)
        let run = try GongkaiProcess.run(["check", "例.yaml"], in: directory)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.headlines.hasPrefix("例.yaml:1:5: 错误: 这一行的引号“\"”没有闭合：其后的内容都被当成了这段文字\n"), run.output)
    }
}

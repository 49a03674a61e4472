import Foundation
import XCTest
@testable import gongkai
import BudgetCore

/// `gongkai explain`: one page for every diagnostic code, each page's output shaped like the
/// headline `check` prints, and docs/diagnostics.md in step with the pages.
final class DiagnosticPagesTests: XCTestCase {
    func testEveryCodeHasExactlyOnePageAndEveryPageACode() {
        for entry in DiagnosticCode.all {
            let pages = DiagnosticPage.all.filter { $0.code == entry.code }
            XCTAssertEqual(pages.count, 1, "\(entry.code) (\(entry.rule)) has \(pages.count) pages")
        }
        let codes = Set(DiagnosticCode.all.map(\.code))
        for page in DiagnosticPage.all {
            XCTAssertTrue(codes.contains(page.code), "page \(page.code) has no entry in DiagnosticCode.all")
        }
    }

    func testEveryPageIsFilledIn() {
        for page in DiagnosticPage.all {
            for (part, text) in [("explanation", page.explanation), ("example", page.example), ("fix", page.fix)] {
                XCTAssertFalse(text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(page.code): empty \(part)")
            }
        }
    }

    /// The output is one headline: `place: 错误: message [code]`, or `错误: message [code]` for a
    /// finding without a place.
    func testEachOutputIsTheHeadlineOfItsOwnCode() {
        for page in DiagnosticPage.all {
            let output = page.output
            XCTAssertTrue(output.hasSuffix(" [\(page.code)]"), "\(page.code): \(output)")
            XCTAssertFalse(output.contains("\n"), "\(page.code): the output is the headline only")
            let placed = [": 错误: ", ": 警告: ", ": 信息: "].contains { output.contains($0) }
            XCTAssertTrue(placed || output.hasPrefix("错误: "), "\(page.code): \(output)")
        }
    }

    func testDocsDiagnosticsIsUpToDate() throws {
        let path = GongkaiProcess.root.appendingPathComponent("docs/diagnostics.md")
        let document = try String(contentsOf: path, encoding: .utf8)
        XCTAssertTrue(document == DiagnosticPage.document(), "docs/diagnostics.md is out of date: run make docs")
    }

    func testExplainPrintsThePageOfTheCode() throws {
        let run = try GongkaiProcess.run(["explain", "G0108"])
        XCTAssertEqual(run.status, 0, run.errors)
        let page = try XCTUnwrap(DiagnosticPage.page(code: "G0108"))
        XCTAssertEqual(run.output, page.markdown)
        XCTAssertTrue(run.output.hasPrefix("## G0108 同一映射中键重复\n"), run.output)
        XCTAssertTrue(run.output.contains(page.output), run.output)
    }

    func testExplainTakesALowercaseCode() throws {
        let run = try GongkaiProcess.run(["explain", "g0108"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.hasPrefix("## G0108 "), run.output)
    }

    func testExplainRefusesAnUnknownCodeInChinese() throws {
        let run = try GongkaiProcess.run(["explain", "G9999"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.output, "")
        XCTAssertTrue(run.errors.contains("没有诊断编号“G9999”"), run.errors)
    }
}

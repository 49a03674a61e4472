import Foundation
import XCTest

/// `gongkai render` of Examples/hebei against seed 001: every table title, and at least 97 % of the
/// seed's decimal figures, each counted as often as the seed prints it.
final class HebeiTemplateTests: XCTestCase {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/seed-001-figures.txt")

    func renderText(_ example: String) throws -> String {
        let directory = try GongkaiProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appendingPathComponent("out.pdf").path
        let run = try GongkaiProcess.run(["render", GongkaiProcess.root.appendingPathComponent("Examples/\(example)").path, "-o", pdf])
        XCTAssertEqual(run.status, 0, run.output + run.errors)
        XCTAssertFalse(run.errors.contains("通用版式"), "rendered with the hebei template")
        return try GongkaiProcess.run(URL(fileURLWithPath: "/usr/bin/pdftotext"), [pdf, "-"]).output
    }

    func testRendersEveryTableTitleAndTheSeedsFigures() throws {
        let text = try renderText("hebei/高阳县医疗保障局-2025.yaml")
        let compact = text.filter { !$0.isWhitespace }
        let lines = try String(contentsOf: Self.fixture, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        var expected = 0, found = 0
        var missing: [String] = []
        for line in lines {
            let parts = line.split(separator: "\t").map(String.init)
            if parts[0] == "表" {
                XCTAssertTrue(compact.contains(parts[1]), "table title \(parts[1])")
                continue
            }
            let figure = parts[0], count = Int(parts[1])!
            let rendered = occurrences(of: figure, in: text)
            expected += count
            found += min(count, rendered)
            if rendered < count { missing.append("\(figure)×\(count - rendered)") }
        }
        let share = Double(found) / Double(expected)
        XCTAssertGreaterThanOrEqual(share, 0.97, "\(found) of \(expected) figures; short: \(missing.joined(separator: " "))")
    }

    func testUnitVariantHasUnitTitles() throws {
        let text = try renderText("hebei/高阳县城乡居民基本医疗保险服务中心-2026.yaml").filter { !$0.isWhitespace }
        XCTAssertTrue(text.contains("单位预算收支总表"))
        XCTAssertFalse(text.contains("部门预算收支总表"))
        XCTAssertTrue(text.contains("142.07"))
    }

    /// Figures as whole tokens: 5.00 must not count inside 55.00 or 15.00.
    func occurrences(of figure: String, in text: String) -> Int {
        let pattern = "(?<![0-9.,])" + NSRegularExpression.escapedPattern(for: figure) + "(?![0-9])"
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
    }
}

import Budget
import Document
import Foundation
import Templating
import XCTest

/// Golden dumps of the Document for every format × example: every block, every table cell.
/// `RECORD_SNAPSHOTS=1 make test` writes them anew; review the diff before committing.
final class DocumentSnapshotTests: XCTestCase {
    static let root = TemplateEngineTests.root
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    static let formats = ["hebei", "xinjiang", "shaanxi"]
    static let examples = [
        "hebei/高阳县医疗保障局-2025", "hebei/高阳县城乡居民基本医疗保险服务中心-2026", "hebei/高阳县医疗保障局-2023",
        "xinjiang/和硕县医疗保障局-2024", "shaanxi/西乡县医疗保险业务经办中心-2024",
    ]

    static func budget(_ example: String) throws -> Budget {
        let outcome = BudgetFile.derive(root.appendingPathComponent("Examples/\(example).yaml").path)
        return try XCTUnwrap(outcome.budget, outcome.diagnostics.errors.map(\.description).joined(separator: "\n"))
    }

    func testEveryFormatAndExampleMatchesItsSnapshot() throws {
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        for format in Self.formats {
            let template = try DocumentTemplate(format: format, templatesDirectory: Self.root.appendingPathComponent("Templates"))
            for example in Self.examples {
                let dump = DocumentDump.text(try template.document(for: try Self.budget(example)))
                let name = "\(format)--\(example.split(separator: "/").last!).txt"
                let file = Self.snapshots.appendingPathComponent(name)
                if record {
                    try dump.write(to: file, atomically: true, encoding: .utf8)
                    continue
                }
                let expected = try String(contentsOf: file, encoding: .utf8)
                if dump != expected {
                    let (line, ours, theirs) = Self.firstDifference(dump, expected)
                    XCTFail("\(name) 第 \(line) 行不同（RECORD_SNAPSHOTS=1 重新录制）：\n现在：\(ours)\n快照：\(theirs)")
                }
            }
        }
    }

    /// The blocks heard as the template renders them (for glyphs to start loading) are the
    /// document's, in order, each heard once, in several parts.
    func testBlocksHeardWhileRenderingAreTheDocumentsInOrder() throws {
        let template = try DocumentTemplate(format: "hebei", templatesDirectory: Self.root.appendingPathComponent("Templates"))
        var parts: [[Block]] = []
        let built = try template.build(for: try Self.budget("hebei/高阳县医疗保障局-2025")) { parts.append($0) }
        let heard = Document(metadata: built.document.metadata, page: built.document.page, blocks: Array(parts.joined()))
        XCTAssertEqual(DocumentDump.text(heard), DocumentDump.text(built.document))
        XCTAssertGreaterThan(parts.filter { !$0.isEmpty }.count, 10)
    }

    static func firstDifference(_ a: String, _ b: String) -> (Int, String, String) {
        let left = a.split(separator: "\n", omittingEmptySubsequences: false), right = b.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? String(left[index]) : "（无）", r = index < right.count ? String(right[index]) : "（无）"
            if l != r { return (index + 1, l, r) }
        }
        return (0, "", "")
    }
}

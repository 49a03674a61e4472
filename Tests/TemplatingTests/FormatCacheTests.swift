import Budget
import Dispatch
import Document
import Foundation
@testable import Templating
import XCTest

/// A format is read and compiled once per process, read again when one of its files changes, and
/// shared by documents rendered at the same time.
final class FormatCacheTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("t/tables"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func write(_ relative: String, _ text: String) throws {
        try text.write(to: directory.appendingPathComponent("t/\(relative)"), atomically: true, encoding: .utf8)
    }

    func template() throws -> DocumentTemplate {
        try DocumentTemplate(format: "t", templatesDirectory: directory)
    }

    func paragraphs(_ template: DocumentTemplate) throws -> [String] {
        let budget = try DocumentSnapshotTests.budget("hebei/高阳县医疗保障局-2025")
        return try template.document(for: budget).blocks.compactMap { block in
            if case .paragraph(let paragraph) = block { return paragraph.text }
            if case .table(let table) = block { return table.title }
            return nil
        }
    }

    func testAFormatIsCompiledOnceWhileItsFilesAreUnchanged() throws {
        try write("format.yaml", "文档:\n  - 段落: \"{{单位.名称}}\"\n  - 表格: 表\n")
        try write("tables/表.yaml", "标题: 甲表\n列: [{宽: \"比例 1\"}]\n行: []\n")
        let first = try template(), second = try template()
        XCTAssertTrue(first.compiled === second.compiled, "the second document of the format reuses the compiled one")
        XCTAssertEqual(try paragraphs(second), ["高阳县医疗保障局", "甲表"])

        // A table file changed: the format is read again.
        try write("tables/表.yaml", "标题: 乙表\n列: [{宽: \"比例 1\"}]\n行: []\n")
        let third = try template()
        XCTAssertFalse(third.compiled === second.compiled)
        XCTAssertEqual(try paragraphs(third), ["高阳县医疗保障局", "乙表"])

        // format.yaml changed.
        try write("format.yaml", "文档:\n  - 段落: \"{{年度}}\"\n")
        XCTAssertEqual(try paragraphs(try template()), ["2025"])
    }

    func testAFormatThatFailedToLoadIsReadAgain() throws {
        try write("format.yaml", "文档:\n  - 分页: 横\n")
        XCTAssertThrowsError(try template())
        try write("format.yaml", "文档:\n  - 段落: 好了\n")
        XCTAssertEqual(try paragraphs(try template()), ["好了"])
    }

    /// One compiled format, several documents at once: each gets the document it gets alone.
    func testDocumentsOfOneFormatRenderInParallel() throws {
        let template = try DocumentTemplate(format: "hebei", templatesDirectory: TemplateEngineTests.root.appendingPathComponent("Templates"))
        let examples = ["hebei/高阳县医疗保障局-2025", "hebei/高阳县城乡居民基本医疗保险服务中心-2026", "hebei/高阳县医疗保障局-2023"]
        let budgets = try examples.map { try DocumentSnapshotTests.budget($0) }
        let alone = try budgets.map { DocumentDump.text(try template.document(for: $0)) }
        final class Dumps: @unchecked Sendable {
            private let lock = NSLock()
            private var dumps: [Int: String] = [:]
            subscript(index: Int) -> String? {
                get { lock.lock(); defer { lock.unlock() }; return dumps[index] }
                set { lock.lock(); dumps[index] = newValue; lock.unlock() }
            }
        }
        let dumps = Dumps()
        DispatchQueue.concurrentPerform(iterations: 6) { index in
            dumps[index] = (try? template.document(for: budgets[index % budgets.count])).map(DocumentDump.text) ?? "error"
        }
        for index in 0..<6 { XCTAssertEqual(dumps[index], alone[index % alone.count], examples[index % examples.count]) }
    }
}

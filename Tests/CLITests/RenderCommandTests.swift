import Foundation
import XCTest

/// `gongkai render` end to end, checked with the tools a reader's machine has: pdftotext,
/// pdffonts, qpdf and pdfinfo (poppler-utils, qpdf).
final class RenderCommandTests: XCTestCase {
    typealias Run = GongkaiProcess.Run

    func tool(_ name: String, _ arguments: String...) throws -> String {
        let candidates = ["/usr/bin/\(name)", "/usr/local/bin/\(name)"]
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            XCTFail("缺少 \(name)：请安装 poppler-utils 和 qpdf（make test 会自动安装）")
            throw CocoaError(.fileNoSuchFile)
        }
        let run = try GongkaiProcess.run(URL(fileURLWithPath: path), arguments)
        return run.output + run.errors
    }

    func temporaryDirectory() throws -> URL {
        let url = try GongkaiProcess.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func render(_ example: String, to directory: URL) throws -> (Run, String) {
        let pdf = directory.appendingPathComponent("out.pdf").path
        let run = try GongkaiProcess.run(["render", GongkaiProcess.root.appendingPathComponent("Examples/\(example)").path, "-o", pdf])
        return (run, pdf)
    }

    func testRendersTheHebeiExampleAsSearchableEmbeddedPDF() throws {
        let directory = try temporaryDirectory()
        let (run, pdf) = try render("hebei/高阳县医疗保障局-2025.yaml", to: directory)
        XCTAssertEqual(run.status, 0, run.output + run.errors)

        // Justification and the quarter em between Han and figures widen gaps that pdftotext reads
        // as spaces: compare with all whitespace removed.
        let text = try tool("pdftotext", pdf, "-").filter { !$0.isWhitespace }
        for expected in ["部门预算收支总表", "部门预算收入总表", "部门预算支出总表", "部门预算财政拨款“三公”经费支出表",
                         "595.88", "256.88", "339.00", "233.52", "23.36", "2101501", "行政运行", "医疗保障管理事务",
                         "较2024年预算减少400.50万元，其中：基本支出增加17.50万元"] {
            XCTAssertTrue(text.contains(expected), "pdftotext lacks \(expected)")
        }

        let fonts = try tool("pdffonts", pdf)
        let rows = fonts.split(separator: "\n").dropFirst(2)
        XCTAssertFalse(rows.isEmpty, fonts)
        for row in rows {
            let columns = row.split(separator: " ", omittingEmptySubsequences: true)
            // name type encoding emb sub uni object ID: emb, sub and uni are the three "yes/no" before the id.
            let flags = columns.suffix(5).prefix(3)
            XCTAssertEqual(Array(flags), ["yes", "yes", "yes"], "every font embedded, subset, with ToUnicode: \(row)")
        }

        let check = try tool("qpdf", "--check", pdf)
        XCTAssertTrue(check.contains("No syntax or stream encoding errors found"), check)

        // HarfBuzz subsets each face before cairo embeds it; cairo alone kept Noto Serif CJK's
        // subroutines whole and wrote 861 KB (issue 11: the seed document under 300 KB).
        let size = try FileManager.default.attributesOfItem(atPath: pdf)[.size] as? Int ?? 0
        XCTAssertLessThanOrEqual(size, 300_000, "the Hebei document's PDF")

        // Runs in one face and size that follow each other share a text object (GlyphBatch): cairo's
        // cost is per call, and a table page used to open one text object per cell (1,351 in all).
        let expanded = URL(fileURLWithPath: pdf).deletingLastPathComponent().appendingPathComponent("qdf.pdf").path
        _ = try tool("qpdf", "--qdf", "--object-streams=disable", pdf, expanded)
        let content = String(decoding: try Data(contentsOf: URL(fileURLWithPath: expanded)), as: UTF8.self)
        let textObjects = content.split(separator: "\n").filter { $0.hasSuffix("BT") }.count
        XCTAssertGreaterThan(textObjects, 0)
        XCTAssertLessThan(textObjects, 100, "text objects in the Hebei document")

        let info = try tool("pdfinfo", pdf)
        XCTAssertTrue(info.contains("Title:") && info.contains("高阳县医疗保障局2025年部门预算"), info)
        XCTAssertTrue(info.contains("Author:") && info.contains("高阳县医疗保障局"), info)

        let outline = try tool("qpdf", "--json", "--json-key=outlines", pdf)
        XCTAssertTrue(outline.contains("部门预算收支总表"), "the outline lists the tables")
    }

    func testTwoRendersAreByteIdentical() throws {
        let first = try temporaryDirectory(), second = try temporaryDirectory()
        let (a, pdfA) = try render("shaanxi/西乡县医疗保险业务经办中心-2024.yaml", to: first)
        let (b, pdfB) = try render("shaanxi/西乡县医疗保险业务经办中心-2024.yaml", to: second)
        XCTAssertEqual(a.status, 0, a.errors)
        XCTAssertEqual(b.status, 0, b.errors)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: pdfA)), try Data(contentsOf: URL(fileURLWithPath: pdfB)))
    }

    func testFailedRenderKeepsThePreviousPDF() throws {
        let directory = try temporaryDirectory()
        let (good, pdf) = try render("hebei/高阳县医疗保障局-2025.yaml", to: directory)
        XCTAssertEqual(good.status, 0, good.errors)
        let before = try Data(contentsOf: URL(fileURLWithPath: pdf))
        let broken = directory.appendingPathComponent("坏.yaml")
        try "名称: 测试局\n年度: 2025\n格式: hebei\n金额单位: 万元\n支出:\n  - 科目: 2101501\n    人员经费: 1.2.3\n".write(to: broken, atomically: true, encoding: .utf8)
        let run = try GongkaiProcess.run(["render", broken.path, "-o", pdf])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.output.contains("坏.yaml:7:11: 错误:"), run.output + run.errors)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: pdf)), before)
    }

    func testPNGPagesForLooking() throws {
        let directory = try temporaryDirectory()
        let run = try GongkaiProcess.run(["render", GongkaiProcess.hebei, "-o", directory.appendingPathComponent("x.pdf").path,
                                          "--png", directory.appendingPathComponent("pages").path])
        XCTAssertEqual(run.status, 0, run.errors)
        let pages = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("pages").path).filter { $0.hasSuffix(".png") }
        XCTAssertGreaterThan(pages.count, 3)
    }
}

extension RenderCommandTests {
    func testUnprintableCharacterIsReportedWhereItWasTyped() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("罕见字.yaml")
        try "名称: 测试\u{10FFFD}局\n年度: 2025\n格式: hebei\n金额单位: 万元\n支出:\n  - {科目: 2101501, 人员经费: 1}\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let run = try GongkaiProcess.run(["render", file.path, "-o", directory.appendingPathComponent("x.pdf").path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.output.hasPrefix("\(file.path):1:7: 错误: 字符“\u{10FFFD}”（U+10FFFD）没有任何已配置的字体包含"), run.output + run.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("x.pdf").path))
    }
}

extension RenderCommandTests {
    /// Every format's template holds for every example's data: templates test for optional data
    /// (比上年 of partial prior-year figures, 空表理由) instead of assuming the seed's.
    func testEveryExampleRendersInEveryFormat() throws {
        let directory = try temporaryDirectory()
        let examples = try FileManager.default.subpathsOfDirectory(atPath: GongkaiProcess.root.appendingPathComponent("Examples").path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertGreaterThanOrEqual(examples.count, 4)
        for format in ["hebei", "xinjiang", "shaanxi"] {
            for example in examples {
                let run = try GongkaiProcess.run(["render", GongkaiProcess.root.appendingPathComponent("Examples/\(example)").path,
                                                  "--format", format, "-o", directory.appendingPathComponent("x.pdf").path])
                XCTAssertEqual(run.status, 0, "\(example) in \(format): \(run.output)\(run.errors)")
            }
        }
    }
}

import Foundation
import XCTest

/// Nothing typed disappears: a figure of the data that the format never prints is an error at its
/// key, unless the format declares (`不印`) that it leaves it out; then `check` warns there.
final class TypedFigureCoverageTests: XCTestCase {
    /// The Hebei example with 拟购置 5.00 万元, and a copy of Templates/ whose 国有资产 sentence omits it.
    func prepare() throws -> (directory: URL, data: URL, format: URL) {
        let directory = try GongkaiProcess.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let data = directory.appendingPathComponent("例.yaml")
        let text = try String(contentsOfFile: GongkaiProcess.hebei, encoding: .utf8)
        try text.replacingOccurrences(of: "  拟购置: {金额: 0}\n", with: "  拟购置: {金额: 5}\n").write(to: data, atomically: true, encoding: .utf8)
        let templates = directory.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: GongkaiProcess.root.appendingPathComponent("Templates"), to: templates)
        let format = templates.appendingPathComponent("hebei/format.yaml")
        let outline = try String(contentsOf: format, encoding: .utf8)
        let dropped = outline.replacingOccurrences(of: "本年度拟购置固定资产总额为{{国有资产.拟购置|金额}}{{金额单位}}。", with: "")
        XCTAssertNotEqual(dropped, outline)
        try dropped.write(to: format, atomically: true, encoding: .utf8)
        return (directory, data, format)
    }

    func testAFigureNoTemplatePrintsIsAnErrorAtItsKey() throws {
        let (directory, data, _) = try prepare()
        let run = try GongkaiProcess.run(["check", "--no-warnings", "例.yaml", "--templates", "Templates"], in: directory)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.headlines, "例.yaml:207:13: 错误: 拟购置固定资产（5.00万元）没有印在格式“hebei”的文件里：模板应印出它，或在 format.yaml 的“不印”中写明“国有资产.拟购置”及理由\n")
        let render = try GongkaiProcess.run(["render", data.path, "--templates", directory.appendingPathComponent("Templates").path, "-o", directory.appendingPathComponent("x.pdf").path])
        XCTAssertEqual(render.status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("x.pdf").path))
    }

    func testAFigureTheFormatDeclaresNotPrintedIsAWarningAtItsKey() throws {
        let (directory, _, format) = try prepare()
        let outline = try String(contentsOf: format, encoding: .utf8)
        try outline.replacingOccurrences(of: "不印:\n", with: "不印:\n  国有资产.拟购置: 本格式不写拟购置\n").write(to: format, atomically: true, encoding: .utf8)
        let run = try GongkaiProcess.run(["check", "例.yaml", "--templates", "Templates"], in: directory)
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertTrue(run.headlines.contains("例.yaml:207:13: 警告: 格式“hebei”不印拟购置固定资产（5.00万元）：本格式不写拟购置\n"), run.output)
    }

    func testAnUnknownKeyInNotPrintedIsATemplateError() throws {
        let (directory, _, format) = try prepare()
        let outline = try String(contentsOf: format, encoding: .utf8)
        try outline.replacingOccurrences(of: "不印:\n", with: "不印:\n  国有资产.拟购买: 笔误\n").write(to: format, atomically: true, encoding: .utf8)
        let run = try GongkaiProcess.run(["check", "--no-warnings", "例.yaml", "--templates", "Templates"], in: directory)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.output.hasPrefix("Templates/hebei/format.yaml:90:"), run.output)
        XCTAssertTrue(run.output.contains("“不印”中的“国有资产.拟购买”不是可以声明不印的数据"), run.output)
    }
}

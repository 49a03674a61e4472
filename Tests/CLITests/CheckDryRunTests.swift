import Foundation
import XCTest

/// `check` promises `render`: what `render` would refuse (characters no font has, control
/// characters, template errors, missing templates) `check` reports first, at its place, exit 1.
final class CheckDryRunTests: XCTestCase {
    typealias Run = GongkaiProcess.Run
    static let templateError = "Templates/hebei/tables/一般公共预算财政拨款基本支出表.yaml:3:5: 错误: 模板错误：数据中没有“单位.层次”（可用：主管部门、主管部门编码、名称、层级、性质、编码）"

    func temporaryDirectory() throws -> URL {
        let url = try GongkaiProcess.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// The Hebei example copied to `directory` as 例.yaml, its 名称 (line 5, value from column 5) edited.
    func example(in directory: URL, name: String) throws -> URL {
        let text = try String(contentsOfFile: GongkaiProcess.hebei, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "\n名称: 高阳县医疗保障局\n", with: "\n名称: \(name)\n")
        XCTAssertNotEqual(edited, text, "the example still has its 名称 on line 5")
        let file = directory.appendingPathComponent("例.yaml")
        try edited.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// `check` without its rounding notes (信息 lines; CommandLineTests has them in full).
    func check(_ arguments: String..., in directory: URL) throws -> Run {
        try GongkaiProcess.run(["check", "--no-warnings"] + arguments, in: directory)
    }

    func testCharacterNoFontHas() throws {
        let directory = try temporaryDirectory()
        _ = try example(in: directory, name: "高阳县\u{10FFFD}医疗保障局")
        let run = try check("例.yaml", in: directory)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.headlines, "例.yaml:5:8: 错误: 字符“\u{10FFFD}”（U+10FFFD）没有任何已配置的字体包含，无法排印（请改用常用字，或在 Fonts/roles.tsv 中加入含有它的字体）\n")
        XCTAssertEqual(run.errors, "检查了 1 个文件：1 个错误，0 个警告，2 条舍入信息\n")
    }

    func testTabInAText() throws {
        let directory = try temporaryDirectory()
        _ = try example(in: directory, name: "高阳县医疗\t保障局")
        let run = try check("例.yaml", in: directory)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.headlines, "例.yaml:5:10: 错误: “名称”含有字符 U+0009（制表符）：看不见的控制字符无法排印，请删去（需要空白时用空格）\n")
        XCTAssertFalse(run.output.contains("\t"))
    }

    func testBrokenTemplateIsReportedAtItsLineAndRenderRefusesIt() throws {
        let directory = try temporaryDirectory()
        let templates = directory.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: GongkaiProcess.root.appendingPathComponent("Templates"), to: templates)
        let table = templates.appendingPathComponent("hebei/tables/一般公共预算财政拨款基本支出表.yaml")
        let text = try String(contentsOf: table, encoding: .utf8)
        try text.replacingOccurrences(of: "{{单位.层级}}预算一般公共预算", with: "{{单位.层次}}预算一般公共预算")
            .write(to: table, atomically: true, encoding: .utf8)

        let run = try check(GongkaiProcess.hebei, "--templates", templates.path, in: directory)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.headlines, Self.templateError + "\n")

        let pdf = directory.appendingPathComponent("x.pdf")
        let render = try GongkaiProcess.run(["render", GongkaiProcess.hebei, "--templates", templates.path, "-o", pdf.path])
        XCTAssertEqual(render.status, 1)
        XCTAssertEqual(render.headlines, Self.templateError + "\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: pdf.path))
    }

    func testFormatWithoutTemplatesIsAnError() throws {
        let directory = try temporaryDirectory()
        let templates = directory.appendingPathComponent("Templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let run = try check(GongkaiProcess.hebei, "--templates", templates.path, in: directory)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.headlines, "\(GongkaiProcess.hebei):8:5: 错误: 没有格式“hebei”的模板：找不到 \(templates.path)/hebei/format.yaml（该目录中没有任何格式）\n")
    }

    /// No fallback layout: without Templates/ nothing is written, and the message lists every
    /// directory looked in. The binary is copied away from the source tree, so the search upward
    /// from the working directory and from the executable both come up empty.
    func testRenderWithoutTemplatesSaysWhereItLookedAndKeepsThePreviousPDF() throws {
        let directory = try temporaryDirectory()
        let binary = directory.appendingPathComponent("gongkai")
        try FileManager.default.copyItem(at: GongkaiProcess.binary, to: binary)
        let pdf = directory.appendingPathComponent("例.pdf")
        let previous = Data("上次生成的 PDF".utf8)
        try previous.write(to: pdf)
        var environment = ProcessInfo.processInfo.environment
        environment["GONGKAI_TEMPLATES"] = nil
        let run = try GongkaiProcess.run(binary, ["render", GongkaiProcess.hebei, "-o", pdf.path], in: directory, environment: environment)
        XCTAssertEqual(run.status, 1)
        let searched = sequence(first: directory.standardizedFileURL) { $0.path == "/" ? nil : $0.deletingLastPathComponent() }
            .map { $0.appendingPathComponent("Templates").path }
        XCTAssertEqual(run.headlines, "错误: 找不到模板目录 Templates/（可用 --templates 或环境变量 GONGKAI_TEMPLATES 指定）；查找过：" + searched.joined(separator: "、") + "\n")
        XCTAssertEqual(try Data(contentsOf: pdf), previous)
    }
}

import Foundation
import XCTest

/// A format is a folder: a copy of Templates/hebei under another name is a new format for the
/// very same binary, and what format.yaml declares (元数据) reaches the PDF. The font-role table
/// is found at run time too.
final class FormatFolderTests: XCTestCase {
    func temporaryDirectory() throws -> URL {
        let url = try GongkaiProcess.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Templates/hebei copied to `directory`/Templates/hebei2, its title wording edited.
    func hebei2(in directory: URL) throws -> URL {
        let templates = directory.appendingPathComponent("Templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let folder = templates.appendingPathComponent("hebei2")
        try FileManager.default.copyItem(at: GongkaiProcess.root.appendingPathComponent("Templates/hebei"), to: folder)
        let format = folder.appendingPathComponent("format.yaml")
        let text = try String(contentsOf: format, encoding: .utf8)
        let edited = text
            .replacingOccurrences(of: "标题: \"{{单位.名称}}{{年度}}年{{单位.层级}}预算\"", with: "标题: \"{{年度}}年{{单位.名称}}预算公开（试行格式）\"")
            .replacingOccurrences(of: "主题: \"{{单位.层级}}预算公开\"", with: "主题: \"河北二号格式\"")
        XCTAssertNotEqual(edited, text, "Templates/hebei/format.yaml declares 元数据")
        try edited.write(to: format, atomically: true, encoding: .utf8)
        return templates
    }

    func testACopiedFolderIsANewFormatAndItsMetadataReachesThePDF() throws {
        let directory = try temporaryDirectory()
        let templates = try hebei2(in: directory)
        let pdf = directory.appendingPathComponent("例.pdf")
        let run = try GongkaiProcess.run(["render", GongkaiProcess.hebei, "--format", "hebei2", "--templates", templates.path, "-o", pdf.path])
        XCTAssertEqual(run.status, 0, run.output + run.errors)
        let info = try GongkaiProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["pdfinfo", pdf.path])
        XCTAssertEqual(info.status, 0, "pdfinfo (poppler-utils): " + info.errors)
        XCTAssertTrue(info.output.contains("Title:           2025年高阳县医疗保障局预算公开（试行格式）\n"), info.output)
        XCTAssertTrue(info.output.contains("Subject:         河北二号格式\n"), info.output)
        XCTAssertTrue(info.output.contains("Keywords:        高阳县医疗保障局, 2025年, 部门预算, 预算公开\n"), info.output)

        let formats = try GongkaiProcess.run(["formats", "--templates", templates.path])
        XCTAssertTrue(formats.output.hasPrefix("hebei2："), formats.output)
    }

    /// The Shaanxi example is in 元; a copy of the Hebei format that prints 万元 rounds it under
    /// control to 万元 before printing, so its tables foot (the self-check passes) and the one
    /// figure printed off its own rounding is noted in 万元.
    func testYuanDataInAWanYuanFormatIsRoundedToWanYuan() throws {
        let directory = try temporaryDirectory()
        let templates = try hebei2(in: directory)
        let format = templates.appendingPathComponent("hebei2/format.yaml")
        let text = try String(contentsOf: format, encoding: .utf8)
        try text.replacingOccurrences(of: "\n页面:\n", with: "\n金额: {单位: 万元, 小数: 2}\n\n页面:\n").write(to: format, atomically: true, encoding: .utf8)
        let example = GongkaiProcess.root.appendingPathComponent("Examples/shaanxi/西乡县医疗保险业务经办中心-2024.yaml").path
        let run = try GongkaiProcess.run(["check", example, "--format", "hebei2", "--templates", templates.path])
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertTrue(run.output.contains("经济科目 30107 的合计印为 54.96万元（精确值 54.954万元，单独舍入为 54.95）"), run.output)
        XCTAssertTrue(run.errors.hasSuffix("检查了 1 个文件：0 个错误，3 个警告，1 条舍入信息\n"), run.errors)
    }

    func testAMisspeltFormatListsTheFormatsAndSuggestsTheClosest() throws {
        let directory = try temporaryDirectory()
        let templates = try hebei2(in: directory)
        let text = try String(contentsOfFile: GongkaiProcess.hebei, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "\n格式: hebei\n", with: "\n格式: hebie2\n")
        XCTAssertNotEqual(edited, text)
        try edited.write(to: directory.appendingPathComponent("例.yaml"), atomically: true, encoding: .utf8)
        let run = try GongkaiProcess.run(["check", "--no-warnings", "例.yaml", "--templates", templates.path], in: directory)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.headlines, "例.yaml:8:5: 错误: 没有格式“hebie2”的模板：找不到 \(templates.path)/hebie2/format.yaml；可用的格式：hebei2，是否想写“hebei2”？\n")
    }

    func testAFontTableThatCannotBeReadStopsWithAChineseError() throws {
        let directory = try temporaryDirectory()
        let table = directory.appendingPathComponent("roles.tsv")
        try "正文\tNoto Serif CJK SC\tregular\n".write(to: table, atomically: true, encoding: .utf8)
        let pdf = directory.appendingPathComponent("例.pdf")
        var environment = ProcessInfo.processInfo.environment
        environment["GONGKAI_FONTS"] = table.path
        let run = try GongkaiProcess.run(GongkaiProcess.binary, ["render", GongkaiProcess.hebei, "-o", pdf.path], environment: environment)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.errors, "错误: 字体配置文件 \(table.path)（由环境变量 GONGKAI_FONTS 指定）有误：roles.tsv 第 1 行应有 6 列（角色、字族、字重、粗体、特性、软件包），实有 3 列\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: pdf.path))

        environment["GONGKAI_FONTS"] = directory.appendingPathComponent("没有.tsv").path
        let missing = try GongkaiProcess.run(GongkaiProcess.binary, ["check", GongkaiProcess.hebei], environment: environment)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.errors.hasPrefix("错误: 无法读取字体配置文件 \(directory.path)/没有.tsv（由环境变量 GONGKAI_FONTS 指定）"), missing.errors)
    }

    /// GONGKAI_FONTS is read, not only checked: a table whose 正文 family is not installed names it.
    func testTheFontTableFromTheEnvironmentIsTheOneUsed() throws {
        let directory = try temporaryDirectory()
        let bundled = try String(contentsOf: GongkaiProcess.root.appendingPathComponent("Fonts/roles.tsv"), encoding: .utf8)
        let table = directory.appendingPathComponent("roles.tsv")
        let edited = bundled.replacingOccurrences(of: "正文\tNoto Serif CJK SC\t", with: "正文\tGongkai Test Missing Serif\t")
        XCTAssertNotEqual(edited, bundled)
        try edited.write(to: table, atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["GONGKAI_FONTS"] = table.path
        let run = try GongkaiProcess.run(GongkaiProcess.binary, ["check", GongkaiProcess.hebei], environment: environment)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("Gongkai Test Missing Serif"), run.errors)
    }
}

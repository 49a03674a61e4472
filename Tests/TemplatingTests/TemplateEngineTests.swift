import Budget
import Document
import Foundation
import Templating
import XCTest

/// The template language on a small format written in the test: texts, tables, loops, year data, errors.
final class TemplateEngineTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    var budget: Budget!
    var directory: URL!

    override func setUpWithError() throws {
        let outcome = BudgetFile.derive(Self.root.appendingPathComponent("Examples/hebei/高阳县医疗保障局-2025.yaml").path)
        budget = try XCTUnwrap(outcome.budget)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("t/tables"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func write(_ relative: String, _ text: String) throws {
        try text.write(to: directory.appendingPathComponent("t/\(relative)"), atomically: true, encoding: .utf8)
    }

    func render(_ format: String, tables: [String: String] = [:]) throws -> Document {
        try write("format.yaml", format)
        for (name, text) in tables { try write("tables/\(name).yaml", text) }
        return try DocumentTemplate(format: "t", templatesDirectory: directory).document(for: budget)
    }

    func texts(_ document: Document) -> [String] {
        document.blocks.compactMap { block in
            switch block {
            case .heading(let heading): return heading.text
            case .paragraph(let paragraph): return paragraph.text
            default: return nil
            }
        }
    }

    func testSentencesCarryDerivedFigures() throws {
        let document = try render("""
            样式:
              正文: {字体: 正文, 字号: 16, 首行缩进: 2, 行距: 29}
            文档:
              - 标题: {文字: "{{单位.名称}}{{年度}}年{{单位.层级}}预算", 级别: 1}
              - 段落: "{{年度}}年预算收入{{收入.合计|金额}}万元，其中：一般公共预算收入{{收入.一般公共预算|金额}}万元，基金预算收入{{收入.政府性基金|金额}}万元。"
              - 段落: "较{{上年度}}年预算{{比上年.合计.方向}}{{比上年.合计.增减额|金额}}万元，其中：基本支出{{比上年.基本支出|增减}}，主要为{{比上年.基本支出.原因}}。"
            """)
        XCTAssertEqual(texts(document), [
            "高阳县医疗保障局2025年部门预算",
            "2025年预算收入595.88万元，其中：一般公共预算收入595.88万元，基金预算收入0.00万元。",
            "较2024年预算减少400.50万元，其中：基本支出增加17.50万元，增长7.31%，主要为人员增加1人，并且工资及保险基数调整导致人员经费增加。",
        ])
    }

    func testLoopsOverDataAndYearKeyedLists() throws {
        let document = try render("""
            数据:
              类:
                2025: [一般公共服务支出, 外交支出]
                默认: [旧的]
            文档:
              - 每个:
                  项: 条
                  在: 文字.职责
                  内容:
                    - 段落: "（{{序号|中文序号}}）{{条}}"
              - 每个:
                  项: 类名
                  在: '"类"|年度数据'
                  内容:
                    - 段落: "{{序号}}、{{类名}}"
            """)
        let all = texts(document)
        XCTAssertEqual(all.count, 9 + 2)
        XCTAssertTrue(all[0].hasPrefix("（一）拟订全县城镇职工和城乡居民医疗保险"))
        XCTAssertTrue(all[8].hasPrefix("（九）完成县委、县政府交办的其他任务"))
        XCTAssertEqual(Array(all.suffix(2)), ["1、一般公共服务支出", "2、外交支出"])
    }

    func testTableRowsFromTheSubjectTree() throws {
        let document = try render("""
            文档:
              - 表格: 收入总表
            """, tables: ["收入总表": """
            标题: "{{单位.层级}}预算收入总表"
            说明行:
              - {左: "{{单位.编码}}{{单位.名称}}", 右: "单位：{{金额单位}}"}
            列: [{宽: "24"}, {宽: "适应 60"}, {宽: "比例 1"}, {宽: "64", 数字: true}]
            表头:
              - [{文字: 序号, 跨行: 2}, {文字: 功能分类科目, 跨列: 2}, {文字: 合计, 跨行: 2}]
              - [科目编码, 科目名称]
            行:
              - 单元格: ["{{行号}}", "", "合计", "{{收入.合计|金额}}"]
              - 每个: {项: 科目, 在: 功能科目, 单元格: ["{{行号}}", "{{科目.编码}}", "{{科目.名称}}", "{{科目.合计|金额或空}}"]}
            """])
        guard case .table(let table)? = document.blocks.first else { return XCTFail("no table") }
        XCTAssertEqual(table.title, "部门预算收入总表")
        XCTAssertEqual(table.captionLines.first?.left, "450高阳县医疗保障局")
        XCTAssertEqual(table.body.count, 24)
        XCTAssertEqual(table.body[0].map(\.text), ["1", "", "合计", "595.88"])
        XCTAssertEqual(table.body[23].map(\.text), ["24", "2210201", "住房公积金", "11.25"])
        XCTAssertEqual(table.header[0][1].columnSpan, 2)
    }

    func testEmptyTablePrintsABlankRowAndItsNote() throws {
        let document = try render("""
            文档:
              - 表格: 基金
            """, tables: ["基金": """
            标题: 政府性基金预算财政拨款支出表
            列: [{宽: "比例 1"}, {宽: "64", 数字: true}]
            表头: [[科目, 合计]]
            行:
              - 每个: {项: 科目, 在: 分组功能科目.政府性基金, 单元格: ["{{科目.名称}}", "{{科目.合计|金额}}"]}
            空表注: "注：无政府性基金预算财政拨款预算，空表列示。"
            """])
        guard case .table(let table)? = document.blocks.first else { return XCTFail("no table") }
        XCTAssertEqual(table.body.map { $0.map(\.text) }, [["", ""]])
        XCTAssertEqual(table.notes, ["注：无政府性基金预算财政拨款预算，空表列示。"])
    }

    func testUnknownVariableIsAnErrorAtItsLine() {
        XCTAssertThrowsError(try render("""
            文档:
              - 段落: "第一段"
              - 段落: "{{单位.名称}}预算{{支处.合计|金额}}"
            """)) { error in
            let error = error as? TemplateError
            XCTAssertEqual(error?.file, "Templates/t/format.yaml")
            XCTAssertEqual(error?.line, 3)
            XCTAssertTrue(error?.message.hasPrefix("未知的变量“支处”") ?? false, error?.message ?? "")
        }
    }

    func testUnknownMemberIsAnError() {
        XCTAssertThrowsError(try render("""
            文档:
              - 段落: "{{支出.合记|金额}}"
            """)) { error in
            let error = error as? TemplateError
            XCTAssertEqual(error?.line, 2)
            XCTAssertTrue(error?.message.contains("支出.合记") ?? false, error?.message ?? "")
        }
    }

    func testUnknownFilterIsAnError() {
        XCTAssertThrowsError(try render("""
            文档:
              - 段落: "{{支出.合计|金钱}}"
            """)) { error in
            let error = error as? TemplateError
            XCTAssertEqual(error?.line, 2)
            XCTAssertTrue(error?.message.contains("金钱") ?? false, error?.message ?? "")
        }
    }

    func testMalformedTableSpecIsAnErrorInItsFile() {
        XCTAssertThrowsError(try render("""
            文档:
              - 表格: 坏表
            """, tables: ["坏表": """
            标题: 坏表
            表头: [[甲]]
            行列: []
            """])) { error in
            let error = error as? TemplateError
            XCTAssertEqual(error?.file, "Templates/t/tables/坏表.yaml")
            XCTAssertEqual(error?.line, 3)
            XCTAssertTrue(error?.message.contains("没有键“行列”") ?? false, error?.message ?? "")
        }
    }

    func testMergingColumnIsReadFromTheTableSpec() throws {
        let document = try render("""
            文档:
              - 表格: 指标表
            """, tables: ["指标表": """
            列:
              - {宽: "比例 1", 合并相同: true}
              - {宽: "比例 1", 合并相同: false}
              - {宽: "比例 2"}
            行:
              - 单元格: [产出指标, 数量指标, 甲]
            """])
        guard case .table(let table)? = document.blocks.first else { return XCTFail("no table") }
        XCTAssertEqual(table.columns.map(\.mergesEqualRuns), [true, false, false])
    }

    func testMergingColumnTakesOnlyTrueOrFalse() {
        XCTAssertThrowsError(try render("""
            文档:
              - 表格: 指标表
            """, tables: ["指标表": """
            列:
              - {宽: "比例 1"}
              - {宽: "比例 1", 合并相同: 是}
            行:
              - 单元格: [产出指标, 数量指标]
            """])) { error in
            let error = error as? TemplateError
            XCTAssertEqual(error?.file, "Templates/t/tables/指标表.yaml")
            XCTAssertEqual(error?.line, 3)
            XCTAssertEqual(error?.column, 23)
            XCTAssertEqual(error?.message, "合并相同“是”应为 true、false 之一")
        }
    }

    func testMissingTableFile() {
        XCTAssertThrowsError(try render("""
            文档:
              - 表格: 没有的表
            """)) { error in
            XCTAssertEqual((error as? TemplateError)?.message, "找不到表格模板 tables/没有的表.yaml")
        }
    }
}

extension TemplateEngineTests {
    func testLookupByAKeyHeldInAVariable() throws {
        let document = try render("""
            数据:
              类:
                默认: ["208", "210", "201"]
            文档:
              - 每个:
                  项: 码
                  在: '"类"|年度数据'
                  内容:
                    - 段落: "{{码}} {{功能类[码].名称}} {{功能类[码].合计|金额或空}}"
            """)
        // 201 has no spending: a row of zeros, named from the catalog.
        XCTAssertEqual(texts(document), ["208 社会保障和就业支出 31.25", "210 卫生健康支出 553.38", "201 一般公共服务支出 "])
    }
}

extension TemplateEngineTests {
    func testOptionalDataCanBeTestedWithoutAnError() throws {
        let document = try render("""
            文档:
              - 段落: '{% if 比上年|有:"基本支出" %}有基本支出{% endif %}{% if 比上年|有:"公用经费" %}有公用经费{% endif %}'
            """)
        XCTAssertEqual(texts(document), ["有基本支出"])
    }
}

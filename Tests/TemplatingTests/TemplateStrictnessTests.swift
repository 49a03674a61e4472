import Budget
import Document
import Foundation
import Templating
import XCTest

/// The template language selects and formats, strictly: lists side by side without index zips,
/// and every misspelt value, member or filter input an error at its file and line.
final class TemplateStrictnessTests: XCTestCase {
    var budget: Budget!
    var directory: URL!

    override func setUpWithError() throws {
        budget = try DocumentSnapshotTests.budget("hebei/高阳县医疗保障局-2025")
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-strict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("t/tables"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Renders a format written in the test (format.yaml and tables) for the Hebei example.
    func render(_ format: String, tables: [String: String] = [:]) throws -> Document {
        try format.write(to: directory.appendingPathComponent("t/format.yaml"), atomically: true, encoding: .utf8)
        for (name, text) in tables {
            try text.write(to: directory.appendingPathComponent("t/tables/\(name).yaml"), atomically: true, encoding: .utf8)
        }
        return try DocumentTemplate(format: "t", templatesDirectory: directory).document(for: budget)
    }

    func table(_ rows: String, columns: String = "[{宽: \"比例 1\"}, {宽: \"48\", 数字: true}, {宽: \"比例 1\"}, {宽: \"48\", 数字: true}]") throws -> Table {
        let document = try render("""
            数据:
              收入栏:
                默认:
                  - {名称: 一般公共预算, 组: 一般公共预算}
                  - {名称: 单位资金, 组: 单位资金}
            文档:
              - 表格: 表
            """, tables: ["表": "列: \(columns)\n行:\n\(rows)"])
        guard case .table(let table)? = document.blocks.first else { throw XCTSkip("no table") }
        return table
    }

    func templateError(_ format: String, tables: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) -> TemplateError? {
        do {
            _ = try render(format, tables: tables)
            XCTFail("no error", file: file, line: line)
            return nil
        } catch {
            return error as? TemplateError
        }
    }

    /// 并排: the two income rows beside the first categories, blank cells below the shorter list.
    func testListsSideBySide() throws {
        let table = try table("""
              - 并排:
                  - {项: 入, 在: '"收入栏"|年度数据', 单元格: ["{{入.名称}}", "{{收入[入.组]|金额或空}}"]}
                  - {项: 类, 在: 功能科目, 单元格: ["{{序号}}、{{类.名称}}", "{{类.合计|金额}}"]}
            """)
        XCTAssertEqual(table.body.count, 23)
        XCTAssertEqual(table.body[0].map(\.text), ["一般公共预算", "595.88", "1、社会保障和就业支出", "31.25"])
        XCTAssertEqual(table.body[1].map(\.text), ["单位资金", "", "2、行政事业单位养老支出", "30.48"])
        XCTAssertEqual(table.body[2].map(\.text), ["", "", "3、行政单位离退休", "4.56"])
    }

    func testAMisspeltLoaderValueIsAnErrorAtItsLine() {
        let tables = ["表": """
            列:
              - {宽: "比例 1", 对齐: 中间}
            行: []
            """]
        let error = templateError("文档:\n  - 表格: 表\n", tables: tables)
        XCTAssertEqual(error?.file, "Templates/t/tables/表.yaml")
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.message, "对齐“中间”应为 左、中、居中、右 之一")
        XCTAssertEqual(templateError("文档:\n  - 分页: 横\n")?.message, "分页“横”应为 横向、纵向 之一")
        XCTAssertEqual(templateError("文档:\n  - 标题: {文字: 一, 目录: ture}\n")?.message, "目录“ture”应为 true、false 之一")
    }

    func testAMisspeltTableStyleIsAnError() {
        let error = templateError("文档:\n  - 表格: 表\n", tables: ["表": "单元格样式: 小单元\n列: [{宽: \"比例 1\"}]\n行: []\n"])
        XCTAssertEqual(error?.line, 1)
        XCTAssertTrue(error?.message.hasPrefix("format.yaml 的“样式”中没有“小单元”") ?? false, error?.message ?? "")
    }

    func testAMisspeltChangeMemberIsAnError() {
        let error = templateError("文档:\n  - 段落: \"{{比上年.基本支出.增减}}\"\n")
        XCTAssertEqual(error?.line, 2)
        XCTAssertTrue(error?.message.hasPrefix("数据中没有“比上年.基本支出.增减”（可用：本年、上年、增减额、方向、原因、名称）") ?? false, error?.message ?? "")
    }

    func testPercentOfSomethingElseIsAnError() {
        let error = templateError("文档:\n  - 段落: \"{{支出.合计|百分比}}\"\n")
        XCTAssertTrue(error?.message.hasPrefix("过滤器“百分比”只能用于“占比.…”") ?? false, error?.message ?? "")
    }

    /// An amount that is not there prints as an error, never as 0.00.
    func testAnAmountFilterWithoutAnAmountIsAnError() {
        let error = templateError("""
            数据:
              行:
                默认: [{名称: 甲}]
            文档:
              - 每个:
                  项: 行
                  在: '"行"|年度数据'
                  内容:
                    - 段落: "{{行.金额|金额}}"
            """)
        XCTAssertEqual(error?.message, "过滤器“金额”没有得到金额（名称写错了，或这一项数据没有？）")
    }
}

extension TemplateStrictnessTests {
    /// Mistakes in two tables while loading, then three while rendering: all reported, in order,
    /// each at its file and line.
    func testEveryMistakeOfAFormatIsReported() {
        do {
            _ = try render("文档:\n  - 表格: 甲\n  - 表格: 丙\n", tables: [
                "甲": "列: [{宽: \"比例 1\", 对齐: 中间}]\n行: []\n",
                "丙": "方向: 横\n列: [{宽: \"比例 1\"}]\n行: []\n",
            ])
            XCTFail("no error")
        } catch let errors as TemplateErrors {
            XCTAssertEqual(errors.errors.map { "\($0.file):\($0.line) \($0.message)" },
                           ["Templates/t/tables/甲.yaml:1 对齐“中间”应为 左、中、居中、右 之一", "Templates/t/tables/丙.yaml:1 方向“横”应为 横向、纵向 之一"])
        } catch {
            XCTFail("\(error)")
        }
        do {
            _ = try render("文档:\n  - 段落: \"{{支出.合记|金额}}\"\n  - 表格: 乙\n  - 段落: \"{{年度|中文序号}}{{比上年.合计.增减}}\"\n", tables: [
                "乙": "列: [{宽: \"比例 1\"}]\n行:\n  - 单元格: [\"{{收入.合记|金额}}\"]\n",
            ])
            XCTFail("no error")
        } catch let errors as TemplateErrors {
            XCTAssertEqual(errors.errors.map { "\($0.file):\($0.line)" },
                           ["Templates/t/format.yaml:2", "Templates/t/tables/乙.yaml:3", "Templates/t/format.yaml:4"])
        } catch {
            XCTFail("\(error)")
        }
    }
}

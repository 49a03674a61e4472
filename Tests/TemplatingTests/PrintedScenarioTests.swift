import Budget
import Document
import Foundation
import Templating
import XCTest

/// The cases where published documents lose or contradict figures: each now renders a footing
/// document that prints everything the data holds (stage 2's and 3's share; the refusals at a key's
/// line are in BudgetTests).
final class PrintedScenarioTests: XCTestCase {
    static let templates = TemplateEngineTests.root.appendingPathComponent("Templates")

    /// The example's text with `edit` applied, derived and rendered in `format`; the table rows as dumped.
    func dump(_ example: String, format: String, edit: (String) -> String = { $0 }) throws -> [String] {
        let path = TemplateEngineTests.root.appendingPathComponent("Examples/\(example).yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = edit(text)
        let outcome = BudgetFile.derive(data: Data(edited.utf8), path: path)
        let budget = try XCTUnwrap(outcome.budget, outcome.diagnostics.errors.map(\.description).joined(separator: "\n"))
        let document = try DocumentTemplate(format: format, templatesDirectory: Self.templates).document(for: budget)
        return DocumentDump.text(document).components(separatedBy: "\n")
    }

    /// Rows of the table titled `title`, as `  行 a | b | …` lines.
    func rows(_ lines: [String], table title: String) -> [String] {
        guard let start = lines.firstIndex(of: "表格 \(title)") else { XCTFail("no table \(title)"); return [] }
        return lines[(start + 1)...].prefix { $0.hasPrefix("  ") }.filter { $0.hasPrefix("  行 ") }
    }

    /// A 2025 Hebei department with 会议费 and 培训费: the “三公” table prints both rows under its 合计.
    func testMeetingAndTrainingRowsInA2025HebeiThreePublicTable() throws {
        let lines = try dump("hebei/高阳县医疗保障局-2025", format: "hebei") {
            // 会议费 and 培训费 are the economic 30215 and 30216: 2.00 of 30201 becomes them.
            $0.replacingOccurrences(of: "三公经费:\n  公务用车运行维护: 1.46\n", with: "三公经费:\n  公务用车运行维护: 1.46\n  会议费: 1.2\n  培训费: 0.8\n")
                .replacingOccurrences(of: "    30201: 5.88\n", with: "    30201: 3.88\n    30215: 1.20\n    30216: 0.80\n")
        }
        XCTAssertEqual(rows(lines, table: "部门预算财政拨款“三公”经费支出表"), [
            "  行 1 | 合计 | 3.46 | 3.46 |  | ",
            "  行 2 | “三公”经费小计 | 1.46 | 1.46 |  | ",
            "  行 3 | 一、因公出国（境）费 |  |  |  | ",
            "  行 4 |     其中：教学科研人员因公出国（境）费 |  |  |  | ",
            "  行 5 |           其他因公出国（境）费 |  |  |  | ",
            "  行 6 | 二、公务用车购置及运维费 | 1.46 | 1.46 |  | ",
            "  行 7 |     其中：公务用车购置费 |  |  |  | ",
            "  行 8 |           公务用车运行维护费 | 1.46 | 1.46 |  | ",
            "  行 9 | 三、公务接待费 |  |  |  | ",
            "  行 10 | 四、会议费 | 1.20 | 1.20 |  | ",
            "  行 11 | 五、培训费 | 0.80 | 0.80 |  | ",
        ])
    }

    /// 办公家具 is in the asset total; the Hebei table, which has no 办公家具 row, counts it under 其他固定资产.
    func testFurnitureIsPrintedWithinOtherFixedAssets() throws {
        let lines = try dump("xinjiang/和硕县医疗保障局-2024", format: "hebei")
        XCTAssertEqual(rows(lines, table: "部门固定资产占用情况表"), [
            "  行 资产总额 | 1 | 43.59",
            "  行 1、房屋（平方米） | 0.00 | ",
            "  行 　　其中：办公用房（平方米） |  | ",
            "  行 2、车辆（台、辆） | 1 | 15.00",
            "  行 3、单价在20万元以上的设备 |  | ",
            "  行 4、其他固定资产 |  | 28.59",  // 办公家具 6.41 + 其他 22.18
        ])
    }

    /// A procurement 明细 row is printed under the 合计, its amount in its fund source's column.
    func testProcurementItemsArePrinted() throws {
        let lines = try dump("hebei/高阳县医疗保障局-2025", format: "hebei") {
            $0.replacingOccurrences(of: "三公经费:\n", with: """
                政府采购:
                  明细:
                    - {项目名称: 医保经办服务, 品目: 台式计算机, 类别: 货物, 目录序号: A02010104, 计量单位: 台, 数量: 4, 单价: 0.5, 金额: 2, 中小企业预留: 2}
                三公经费:

                """)
        }
        XCTAssertEqual(rows(lines, table: "部门政府采购预算"), [
            "  行 合计 |  |  |  |  |  |  | 2.00 | 2.00 |  |  |  |  |  | 2.00",
            "  行 医保经办服务 |  | 台式计算机 | A02010104 | 台 | 4 | 0.50 | 2.00 | 2.00 |  |  |  |  |  | 2.00",
        ])
    }

    /// Xinjiang 表7: two projects of one 款 that share an economic class print their sum (the seed's
    /// template printed “1.481.00”).
    func testProjectsSharingAnEconomicClassUnderOneKuanAreAdded() throws {
        // The seed's 全民参保及医疗服务经费 split in two projects of 2101599, both with 302 商品和服务支出.
        let lines = try dump("xinjiang/和硕县医疗保障局-2024", format: "xinjiang") {
            $0.replacingOccurrences(of: "    金额: 3.00\n    经济分类:\n      302: 2.48\n", with: """
                    金额: 2.00
                    经济分类:
                      302: 1.48

                """).replacingOccurrences(of: "  - 名称: \"全民参保及医疗服务经费\"\n", with: """
                  - 名称: 医保宣传经费
                    功能科目: 2101599
                    资金来源: 上级一般公共预算转移支付
                    经济分类: {302: 1.00}
                  - 名称: "全民参保及医疗服务经费"

                """)
        }
        let table = rows(lines, table: "一般公共预算项目支出情况表")
        XCTAssertTrue(table.contains("  行 210 | 15 | 99 | 其他医疗保障管理事务支出 | 医保宣传经费、全民参保及医疗服务经费 | 3.00 |  | 2.48 |  |  |  | 0.52 |  |  |  | "),
                      table.joined(separator: "\n"))
        XCTAssertTrue(table.contains("  行 210 | 15 |  | 医疗保障管理事务 |  | 3.00 |  | 2.48 |  |  |  | 0.52 |  |  |  | "), table.joined(separator: "\n"))
    }
}

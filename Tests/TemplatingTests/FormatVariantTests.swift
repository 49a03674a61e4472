import Budget
import Document
import Foundation
import Templating
import XCTest

/// A format's years and levels are data (变体, 编号): an older Hebei year renders with its own
/// outline, rows, “三公” table and glossary from data alone; a level variant numbers its sections its way.
final class FormatVariantTests: XCTestCase {
    static let templates = TemplateEngineTests.root.appendingPathComponent("Templates")

    func lines(_ example: String, templates: URL = templates) throws -> [String] {
        let budget = try DocumentSnapshotTests.budget(example)
        let document = try DocumentTemplate(format: "hebei", templatesDirectory: templates).document(for: budget)
        return DocumentDump.text(document).components(separatedBy: "\n")
    }

    func sections(_ lines: [String]) -> [String] { lines.filter { $0.hasPrefix("标题2 ") && $0.contains("、") } }

    func testAnOlderYearHasItsOwnOutlineRowsTableAndGlossary() throws {
        let old = try lines("hebei/高阳县医疗保障局-2023"), new = try lines("hebei/高阳县医疗保障局-2025")
        XCTAssertEqual(sections(old), [
            "标题2 一、部门职责及机构设置情况", "标题2 二、部门预算安排的总体情况", "标题2 三、机关运行经费安排情况",
            "标题2 四、财政拨款“三公”经费预算情况及增减变化原因", "标题2 五、部门整体绩效目标", "标题2 六、部门项目预算安排情况及绩效目标",
            "标题2 七、政府采购预算情况", "标题2 八、国有资产信息", "标题2 九、名词解释",
        ])
        XCTAssertEqual(sections(new).count, 11)
        XCTAssertEqual(sections(new).last, "标题2 十一、其他需要说明的事项")
        // 30 categories in 2023 (no 人行科目 row), 31 in 2025.
        XCTAssertFalse(old.contains { $0.contains("三十一、人行科目") })
        XCTAssertTrue(new.contains { $0.contains("三十一、人行科目") })
        // The older “三公” table always lists 会议费 and 培训费.
        XCTAssertTrue(old.contains("  行 10 | 四、会议费 | 0.80 | 0.80 |  | "), old.filter { $0.contains("会议费") }.joined(separator: "\n"))
        XCTAssertTrue(old.contains("  行 11 | 五、培训费 | 1.20 | 1.20 |  | "))
        // The spending plan per quarter (the data is typed per quarter), not cumulative as in 2025.
        XCTAssertTrue(old.contains("  行 13.75 | 13.75⟨跨列2⟩ | 13.75 | 13.75⟨跨列2⟩"), old.filter { $0.contains("13.75") }.joined(separator: "\n"))
        XCTAssertTrue(new.contains("  行 13.75 | 27.50⟨跨列2⟩ | 41.25 | 55.00⟨跨列2⟩"))
        // Its glossary replaces the default one.
        XCTAssertTrue(old.contains("段落 1、财政拨款收入：指本级财政当年拨付的资金。"))
        XCTAssertFalse(old.contains { $0.hasPrefix("段落 2、财政专户管理资金收入") })
    }

    /// A copy of the Hebei format with a variant for 单位 documents that numbers sections 第一节 ….
    func testALevelVariantNumbersSectionsItsWay() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-variant-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.templates, to: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        let format = directory.appendingPathComponent("hebei/format.yaml")
        let text = try String(contentsOf: format, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "变体:\n", with: "变体:\n  - 层级: 单位\n    编号: {2: \"第{{序号|中文序号}}节 \"}\n")
        XCTAssertNotEqual(edited, text)
        try edited.write(to: format, atomically: true, encoding: .utf8)
        let unit = try lines("hebei/高阳县城乡居民基本医疗保险服务中心-2026", templates: directory).filter { $0.hasPrefix("标题2 第") }
        XCTAssertEqual(unit.first, "标题2 第一节 单位职责及机构设置情况")
        XCTAssertEqual(unit.count, 11)
        let department = try lines("hebei/高阳县医疗保障局-2025", templates: directory)
        XCTAssertEqual(sections(department).first, "标题2 一、部门职责及机构设置情况")
    }

    func testAVariantNeedsYearsOrALevel() {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-variant-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        for (variant, message) in [("  - {文档: 文档.yaml}\n", "变体需要“年度”或“层级”（或两者）"),
                                   ("  - {年度: \"2023-2021\"}\n", "年度“2023-2021”的起年晚于止年"),
                                   ("  - {层级: 单元}\n", "层级“单元”应为 部门、单位 之一")] {
            try? FileManager.default.createDirectory(at: directory.appendingPathComponent("t"), withIntermediateDirectories: true)
            try? "文档: []\n变体:\n\(variant)".write(to: directory.appendingPathComponent("t/format.yaml"), atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try DocumentTemplate(format: "t", templatesDirectory: directory)) { error in
                XCTAssertEqual((error as? TemplateError)?.message, message)
            }
        }
    }
}

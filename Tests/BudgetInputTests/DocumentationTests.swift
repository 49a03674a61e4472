import BudgetInput
import Foundation
import XCTest

/// docs/input-format.md carries the key reference the program itself describes.
final class DocumentationTests: XCTestCase {
    func testInputFormatDocumentIsCurrent() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let document = try String(contentsOf: root.appendingPathComponent("docs/input-format.md"), encoding: .utf8)
        XCTAssertTrue(document.contains(MarkdownReference.reference()),
                      "docs/input-format.md 的键说明已过时：运行 make docs 重新生成")
    }

    func testSchemaNamesEveryTopLevelKeyOfTheExamples() throws {
        let schema = JSONSchemaWriter.schema()
        for key in ["名称", "支出", "项目", "基本支出经济分类", "三公经费", "上年", "增减原因", "核对数", "国有资产", "部门整体绩效"] {
            XCTAssertTrue(schema.contains("\"\(key)\""), key)
        }
    }
}

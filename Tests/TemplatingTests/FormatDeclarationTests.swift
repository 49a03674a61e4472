import Budget
import BudgetCore
import Document
import Foundation
import Templating
import XCTest

/// What format.yaml declares besides the document: 元数据, 增减说法 and 金额, with the wording
/// and precision gongkai used before as the default.
final class FormatDeclarationTests: XCTestCase {
    static let root = TemplateEngineTests.root
    var budget: Budget!
    var directory: URL!

    override func setUpWithError() throws {
        let outcome = BudgetFile.derive(Self.root.appendingPathComponent("Examples/hebei/高阳县医疗保障局-2025.yaml").path)
        budget = try XCTUnwrap(outcome.budget)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-declarations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("t"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A format `t` whose format.yaml is `declarations` followed by a document of one paragraph.
    func render(_ declarations: String, paragraph: String = "无") throws -> Document {
        let text = declarations + "\n文档:\n  - 段落: \"\(paragraph)\"\n"
        try text.write(to: directory.appendingPathComponent("t/format.yaml"), atomically: true, encoding: .utf8)
        return try DocumentTemplate(format: "t", templatesDirectory: directory).document(for: budget)
    }

    func paragraph(_ document: Document) -> String? {
        for case .paragraph(let paragraph) in document.blocks { return paragraph.text }
        return nil
    }

    func templateError(_ declarations: String, paragraph: String = "无") -> String {
        do {
            _ = try render(declarations, paragraph: paragraph)
            XCTFail("format.yaml accepted: \(declarations)")
            return ""
        } catch {
            return "\(error)"
        }
    }

    func testWithoutMetadataThePropertiesKeepTheirFormerWording() throws {
        let metadata = try render("").metadata
        XCTAssertEqual(metadata.title, "高阳县医疗保障局2025年部门预算")
        XCTAssertEqual(metadata.subject, "部门预算公开")
        XCTAssertEqual(metadata.keywords, ["高阳县医疗保障局", "2025年", "部门预算", "预算公开"])
        XCTAssertEqual(metadata.author, "高阳县医疗保障局")
    }

    func testMetadataIsWordedByTheFormat() throws {
        let metadata = try render("""
            元数据:
              标题: "{{年度}}年{{单位.名称}}{{单位.层级}}预算公开"
              关键词: ["{{单位.名称}}", "河北"]
            """).metadata
        XCTAssertEqual(metadata.title, "2025年高阳县医疗保障局部门预算公开")
        XCTAssertEqual(metadata.subject, "部门预算公开", "a key left out keeps its default")
        XCTAssertEqual(metadata.keywords, ["高阳县医疗保障局", "河北"])
    }

    func testUnknownNameInMetadataIsAnErrorAtItsLine() {
        let error = templateError("""
            元数据:
              主题: "{{单位.名字}}"
            """)
        XCTAssertTrue(error.hasPrefix("Templates/t/format.yaml:2:"), error)
        XCTAssertTrue(error.contains("单位.名字"), error)
    }

    /// The default wording is YearOverYearChange.phrase's, which stage 2's diagnostics use.
    func testDefaultChangeWordingIsStageTwos() throws {
        let changes = Dictionary(budget.changes.map { ($0.key, $0.change) }, uniquingKeysWith: { a, _ in a })
        let document = try render("", paragraph: "{{比上年.合计|增减}}／{{比上年.基本支出|增减}}")
        let expected = try ["合计", "基本支出"].map { try XCTUnwrap(changes[$0]).phrase(unit: .wanYuan) }
        XCTAssertEqual(paragraph(document), expected.joined(separator: "／"))
        XCTAssertEqual(expected, ["减少400.50万元，下降40.20%", "增加17.50万元，增长7.31%"])
    }

    func testChangeWordingIsDeclaredPerDirection() throws {
        let document = try render("""
            增减说法:
              增加: "上升{{额}}{{单位}}（{{百分比}}）"
              减少: "下调{{额}}{{单位}}，降幅{{百分比}}"
            """, paragraph: "{{比上年.基本支出|增减}}；{{比上年.合计|增减}}")
        XCTAssertEqual(paragraph(document), "上升17.50万元（7.31%）；下调400.50万元，降幅40.20%")
    }

    func testUnknownNameInChangeWordingIsAnErrorAtItsLine() {
        let error = templateError("""
            增减说法:
              持平: "增加{{金额}}{{单位}}"
            """)
        XCTAssertEqual(error, "Templates/t/format.yaml:2:7: 模板错误: 增减说法中没有“金额”（可用：额、单位、百分比）")
    }

    /// Seed 002 never prints 持平: an unchanged figure “increases by 0.00万元, 0.00%”.
    func testXinjiangWordsAnUnchangedFigureAsItsSeed() throws {
        let outcome = BudgetFile.derive(Self.root.appendingPathComponent("Examples/xinjiang/和硕县医疗保障局-2024.yaml").path)
        let template = try DocumentTemplate(format: "xinjiang", templatesDirectory: Self.root.appendingPathComponent("Templates"))
        let texts = try template.document(for: try XCTUnwrap(outcome.budget)).blocks.compactMap { block -> String? in
            if case .paragraph(let paragraph) = block { return paragraph.text }
            return nil
        }
        XCTAssertTrue(texts.contains("6、卫生健康支出（类）行政事业单位医疗（款）其他行政事业单位医疗支出（项）：2024年预算数为0.40万元，比上年预算增加0.00万元，增长0.00%。主要原因是本年度其他行政事业单位医疗支出与上年保持一致。"))
        XCTAssertFalse(texts.contains { $0.contains("持平") })
    }

    /// A budget derived at the format's precision (as DocumentBuild derives it).
    func budget(_ example: String, at precision: PrintPrecision) throws -> Budget {
        let path = Self.root.appendingPathComponent("Examples/\(example).yaml").path
        let read = BudgetFile.read(path) { _ in precision }
        return try XCTUnwrap(read.budget, read.diagnostics.errors.map(\.description).joined(separator: "\n"))
    }

    func testAmountsPrintWithTheDeclaredDecimals() throws {
        budget = try budget("hebei/高阳县医疗保障局-2025", at: PrintPrecision(unit: .wanYuan, decimals: 1))
        XCTAssertEqual(budget.printRounding, PrintPrecision(unit: .wanYuan, decimals: 1))
        let document = try render("金额: {单位: 万元, 小数: 1}", paragraph: "{{支出.合计|金额}}；{{比上年.基本支出|增减}}")
        XCTAssertEqual(paragraph(document), "595.9；增加17.5万元，增长7.31%")
    }

    /// 元 data in a 万元 format: rounded under control to 万元 in stage 2, printed in 万元, 金额单位 万元.
    func testYuanDataPrintsInTheFormatsUnit() throws {
        budget = try budget("shaanxi/西乡县医疗保险业务经办中心-2024", at: PrintPrecision(unit: .wanYuan))
        XCTAssertEqual(budget.department.unit, .yuan)
        let document = try render("金额: {单位: 万元}", paragraph: "{{支出.合计|金额}}{{金额单位}}，{{支出.合计|千分位}}")
        XCTAssertEqual(paragraph(document), "236.88万元，236.88")
    }

    /// Rounded to 万元/2 but printed at 万元/1, the tables would show gaps the data has not.
    func testABudgetRoundedToAnotherPrecisionIsRefused() {
        let error = templateError("金额: {小数: 1}")
        XCTAssertEqual(error, "Templates/t/format.yaml:1:5: 模板错误: 格式“t”按 万元/1 印金额（金额），预算却按 万元/2 受控舍入：应按格式的精度推算（BudgetFile.read 的 precision）")
    }

    func testDecimalsFinerThanTheRoundingAreAnError() {
        let error = templateError("金额: {小数: 3}")
        XCTAssertTrue(error.hasPrefix("Templates/t/format.yaml:1:"), error)
        XCTAssertTrue(error.contains("金额.小数应为 0、1 或 2"), error)
    }
}

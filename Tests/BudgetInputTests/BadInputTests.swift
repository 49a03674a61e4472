import BudgetCore
import BudgetInput
import Foundation
import XCTest

/// Every kind of bad input gets a Chinese diagnostic at the right line and column, never a crash.
final class BadInputTests: XCTestCase {
    static let valid = """
        名称: 测试局
        年度: 2025
        格式: hebei
        金额单位: 万元
        支出:
          - 科目: 2101501
            人员经费: 10

        """

    func load(_ text: String, path: String = "测试.yaml") -> InputLoader.Outcome {
        InputLoader.load(data: Data(text.utf8), path: path)
    }

    func only(_ outcome: InputLoader.Outcome, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        XCTAssertEqual(outcome.diagnostics.count, 1, "\(outcome.diagnostics)", file: file, line: line)
        return outcome.diagnostics.first
    }

    func testValidFileLoads() {
        let outcome = load(Self.valid)
        XCTAssertNotNil(outcome.input)
        XCTAssertEqual(outcome.diagnostics, [])
    }

    func testEmptyFile() {
        let diagnostic = only(load(""))
        XCTAssertEqual(diagnostic?.rule, "input.empty")
        XCTAssertEqual(diagnostic?.description, "测试.yaml:1:1: 错误: 文件为空：应至少写出 名称、年度、格式、金额单位 和 支出")
    }

    func testBytesThatAreNotUTF8() {
        var bytes = Array("名称: 测试局\n年度: 2025\n格式: ".utf8)
        bytes += [0xBA, 0xD3, 0xB1, 0xB1] // 河北 in GBK
        let outcome = InputLoader.load(data: Data(bytes), path: "gbk.yaml")
        let diagnostic = only(outcome)
        XCTAssertEqual(diagnostic?.rule, "input.encoding")
        XCTAssertEqual(diagnostic?.location, SourceLocation(file: "gbk.yaml", line: 3, column: 5))
        XCTAssertTrue(diagnostic?.message.contains("不是 UTF-8 编码") ?? false)
    }

    func testTextThatIsNotYAML() {
        let diagnostic = only(load("名称: 测试局\n支出: [一, 二\n年度: 2025\n"))
        XCTAssertEqual(diagnostic?.rule, "yaml.syntax")
        XCTAssertEqual(diagnostic?.location?.line, 3)
        XCTAssertTrue(diagnostic?.message.hasPrefix("YAML 语法错误") ?? false)
    }

    func testTopLevelThatIsNotAMapping() {
        let diagnostic = only(load("- 一\n- 二\n"))
        XCTAssertEqual(diagnostic?.rule, "input.type")
    }

    func testAliasBombIsCutShortQuickly() {
        // Nine levels of nine aliases: 387 million nodes if walked naively.
        var text = "a0: &a0 [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n"
        for level in 1...9 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",") + "]\n"
        }
        text += "其他说明: *a9\n名词解释: *a9\n" + Self.valid
        let start = Date()
        let outcome = load(text)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertNil(outcome.completeInput)
        XCTAssertTrue(outcome.diagnostics.contains { $0.rule == "input.unknown-key" && $0.location?.line == 1 })
        XCTAssertLessThan(outcome.diagnostics.count, 100)
    }

    func testNodeBudgetStopsTheWalk() {
        let outcome = InputLoader.load(data: Data(Self.valid.utf8), path: "测试.yaml", readingPriorYear: false, nodeBudget: 5)
        XCTAssertEqual(outcome.diagnostics.map(\.rule), ["input.too-many-nodes"])
    }

    func testWrongType() {
        let outcome = load(Self.valid.replacingOccurrences(of: "年度: 2025", with: "年度: 二〇二五"))
        let diagnostic = only(outcome)
        XCTAssertEqual(diagnostic?.rule, "input.not-integer")
        XCTAssertEqual(diagnostic?.location, SourceLocation(file: "测试.yaml", line: 2, column: 5))
        XCTAssertEqual(diagnostic?.message, "“年度”应为整数，写的是“二〇二五”")
    }

    func testListWhereAMappingBelongs() {
        let diagnostic = only(load(Self.valid + "三公经费: [1, 2]\n"))
        XCTAssertEqual(diagnostic?.message, "“三公经费”应为“键: 值”映射，写的是列表")
        XCTAssertEqual(diagnostic?.location?.line, 8)
    }

    func testUnknownKeySuggestsTheClosest() {
        let diagnostic = only(load(Self.valid.replacingOccurrences(of: "    人员经费: 10", with: "    人员经费: 10\n    资金来原: 一般公共预算")))
        XCTAssertEqual(diagnostic?.rule, "input.unknown-key")
        XCTAssertEqual(diagnostic?.location, SourceLocation(file: "测试.yaml", line: 8, column: 5))
        XCTAssertEqual(diagnostic?.message, "“支出[1]”中没有键“资金来原”，是否想写“资金来源”？")
    }

    func testMalformedAmount() {
        let diagnostic = only(load(Self.valid.replacingOccurrences(of: "人员经费: 10", with: "人员经费: 12.3.4")))
        XCTAssertEqual(diagnostic?.rule, "amount.malformed")
        XCTAssertEqual(diagnostic?.location, SourceLocation(file: "测试.yaml", line: 7, column: 11))
        XCTAssertEqual(diagnostic?.message, "“支出[1].人员经费”“12.3.4”不是金额：应写成 595.88 这样的数字")
    }

    func testMoreDecimalsThanTheUnitAllows() {
        let text = Self.valid.replacingOccurrences(of: "金额单位: 万元", with: "金额单位: 元")
            .replacingOccurrences(of: "人员经费: 10", with: "人员经费: 10.005")
        let diagnostic = only(load(text))
        XCTAssertEqual(diagnostic?.rule, "amount.decimals")
        XCTAssertEqual(diagnostic?.message, "“支出[1].人员经费”“10.005”有 3 位小数，金额单位为元时最多 2 位")
    }

    func testCodeOfTheWrongLength() {
        let diagnostic = only(load(Self.valid.replacingOccurrences(of: "科目: 2101501", with: "科目: 21015")))
        XCTAssertEqual(diagnostic?.rule, "code.length")
        XCTAssertEqual(diagnostic?.location, SourceLocation(file: "测试.yaml", line: 6, column: 9))
        XCTAssertEqual(diagnostic?.message, "“支出[1].科目”“21015”是 5 位，应为 7 位")
    }

    func testNegativeAmount() {
        let diagnostic = only(load(Self.valid.replacingOccurrences(of: "人员经费: 10", with: "人员经费: -10")))
        XCTAssertEqual(diagnostic?.rule, "amount.negative")
        XCTAssertEqual(diagnostic?.message, "“支出[1].人员经费”不能为负数，写的是“-10”")
    }

    func testDuplicateKeyPointsAtTheSecond() {
        let diagnostic = only(load(Self.valid + "年度: 2024\n"))
        XCTAssertEqual(diagnostic?.rule, "yaml.duplicate-key")
        XCTAssertEqual(diagnostic?.location, SourceLocation(file: "测试.yaml", line: 8, column: 1))
        XCTAssertEqual(diagnostic?.message, "键“年度”重复出现（第一次在第 2 行）：同一映射中每个键只能写一次")
    }

    func testMissingRequiredKey() {
        let diagnostic = only(load(Self.valid.replacingOccurrences(of: "格式: hebei\n", with: "")))
        XCTAssertEqual(diagnostic?.rule, "input.missing-key")
        XCTAssertEqual(diagnostic?.message, "文件顶层缺少必填的键“格式”（公开格式（省份模板）：Templates/ 下的文件夹名，如 hebei（gongkai formats 列出可用的格式））")
    }

    func testUnknownChoiceSuggests() {
        let diagnostic = only(load(Self.valid.replacingOccurrences(of: "金额单位: 万元", with: "金额单位: 万")))
        XCTAssertEqual(diagnostic?.rule, "input.choice")
        XCTAssertTrue(diagnostic?.message.contains("是否想写“万元”") ?? false, diagnostic?.message ?? "")
    }

    func testMissingPriorYearFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-prior-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("本年.yaml").path
        try (Self.valid + "上年: 上年.yaml\n").write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = InputLoader.load(path: path)
        let diagnostic = only(outcome)
        XCTAssertEqual(diagnostic?.rule, "prior.missing")
        XCTAssertEqual(diagnostic?.location, SourceLocation(file: path, line: 8, column: 5))
        XCTAssertTrue(diagnostic?.message.hasPrefix("找不到上年数据文件“上年.yaml”") ?? false)
    }

    func testReportsEveryErrorOfAFile() {
        let text = """
            名字: 测试局
            年度: 2025
            格式: henan
            金额单位: 万元
            支出:
              - 科目: 210150
                人员经费: 1.2.3
              - 科目: 2101502
                公用经费: -1

            """
        let outcome = load(text)
        XCTAssertNil(outcome.completeInput)
        // 格式: henan is no error here: the formats are the folders of Templates/, checked in DocumentBuild.
        XCTAssertEqual(outcome.diagnostics.map(\.rule).sorted(),
                       ["amount.malformed", "amount.negative", "code.length", "input.missing-key", "input.unknown-key"])
    }

    func testNeverCrashesOnArbitraryBytes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let count = Int.random(in: 0..<200, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = InputLoader.load(data: Data(bytes), path: "随机.yaml")
        }
        let seeds = ["名称: [", "支出:\n  - 科目: 2101501\n    人员经费: 1e309", "年度: 99999999999999999999", "? [a]\n: b", "名称: !!binary abc"]
        for text in seeds { _ = load(text) }
    }
}

/// Control characters in text values: refused in stage 1 at the character's own line and column,
/// named by code point, never echoed.
extension BadInputTests {
    static let controlMessage = "：看不见的控制字符无法排印，请删去（需要空白时用空格）"

    func testTabInAPlainValueIsReportedWhereItStands() {
        let diagnostic = only(load(Self.valid.replacingOccurrences(of: "名称: 测试局", with: "名称: 测试\t局")))
        XCTAssertEqual(diagnostic?.rule, "text.control-character")
        XCTAssertEqual(diagnostic?.description, "测试.yaml:1:7: 错误: “名称”含有字符 U+0009（制表符）" + Self.controlMessage)
        XCTAssertFalse(diagnostic?.description.contains("\t") ?? true, "the character itself is never printed")
    }

    func testEscapeInADoubleQuotedValuePointsAtTheBackslash() {
        let diagnostic = only(load(Self.valid.replacingOccurrences(of: "名称: 测试局", with: #"名称: "测试\e局""#)))
        XCTAssertEqual(diagnostic?.description, "测试.yaml:1:8: 错误: “名称”含有字符 U+001B（转义符）" + Self.controlMessage)
    }

    func testTabOnTheSecondLineOfABlockScalar() {
        let diagnostic = only(load(Self.valid + "其他说明: |\n  第一段。\n    第二段\t有制表符。\n"))
        XCTAssertEqual(diagnostic?.description, "测试.yaml:10:8: 错误: “其他说明”含有字符 U+0009（制表符）" + Self.controlMessage)
    }

    func testBidiOverrideInAListItem() {
        let diagnostic = only(load(Self.valid + "其他说明:\n  - 第一条\n  - 第二\u{202E}条\n"))
        XCTAssertEqual(diagnostic?.description, "测试.yaml:10:7: 错误: “其他说明[2]”含有字符 U+202E（从右至左强制符）" + Self.controlMessage)
    }

    func testLineSeparatorEscapeInAKey() {
        let diagnostic = only(load(Self.valid + "科目说明:\n  \"2101501\\L\": 说明\n"))
        XCTAssertEqual(diagnostic?.description, "测试.yaml:9:11: 错误: “科目说明”含有字符 U+2028（行分隔符）" + Self.controlMessage)
    }

    func testControlCharacterInARecordKey() {
        // A tab between a plain key and its colon is white space, not part of the key; in quotes it is.
        XCTAssertEqual(load(Self.valid.replacingOccurrences(of: "年度: 2025", with: "年度\t: 2025")).diagnostics, [])
        let diagnostic = only(load(Self.valid + "\"其他\t说明\": 无\n"))
        XCTAssertEqual(diagnostic?.description, "测试.yaml:8:4: 错误: 文件顶层中的键含有字符 U+0009（制表符）" + Self.controlMessage)
    }

    /// libyaml refuses raw control characters other than TAB and line breaks while reading.
    func testRawBellIsNamedByCodePoint() {
        let diagnostic = only(load(Self.valid.replacingOccurrences(of: "名称: 测试局", with: "名称: 测试\u{7}局")))
        XCTAssertEqual(diagnostic?.description, "测试.yaml:1:7: 错误: 无法读取文本：文本中含有控制字符 U+0007（响铃符）")
    }

    func testLineFeedsOfMultiLineValuesAreFine() {
        let outcome = load(Self.valid + "其他说明: |\n  第一段。\n  第二段。\n")
        XCTAssertEqual(outcome.diagnostics, [])
    }
}

/// libyaml's own complaints, each in Chinese at its place.
extension BadInputTests {
    func testLibyamlMessagesAreChinese() {
        let cases: [(String, String, Int, Int)] = [
            ("a: " + String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000) + "\n", "YAML 语法错误：嵌套层数过多（列表或映射套得太深）", 1, 5),
            ("名称: 甲\n---\n名称: 乙\n", "YAML 语法错误：一个文件只能写一份数据：这里出现了第二份（“---”之后）", 2, 1),
            ("%YAML 2.0\n---\n名称: 甲\n", "YAML 语法错误：不支持这个 YAML 版本（%YAML 指令）：请删去这一行", 1, 1),
            ("名称: \"\\ud800\"\n", "YAML 语法错误：引号中的 Unicode 转义无效（例如单独的代理码 \\ud800）", 1, 8),
        ]
        for (text, message, line, column) in cases {
            let diagnostic = only(load(text))
            XCTAssertEqual(diagnostic?.message, message, text.prefix(20).description)
            XCTAssertEqual(diagnostic?.location, SourceLocation(file: "测试.yaml", line: line, column: column), message)
        }
    }
}

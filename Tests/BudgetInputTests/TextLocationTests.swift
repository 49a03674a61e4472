import BudgetCore
import BudgetInput
import Foundation
import XCTest

/// The texts stage 1 hands on for character checks stand where they were typed, character by
/// character, whatever the scalar style: counting from a run's location finds each character.
final class TextLocationTests: XCTestCase {
    func load(_ text: String) -> InputLoader.Outcome {
        InputLoader.load(data: Data(text.utf8), path: "测试.yaml", readingPriorYear: false)
    }

    func testTextsOfABlockScalarAreLocatedLineByLine() {
        let outcome = load(BadInputTests.valid + "其他说明: >\n  第一段\n  接着写。\n")
        let runs = outcome.texts.filter { $0.value.contains("段") || $0.value.contains("接着") }
        // Folded into one value, "第一段 接着写。\n", whose second line starts after the indentation.
        XCTAssertEqual(runs, [Located("第一段", at: SourceLocation(file: "测试.yaml", line: 9, column: 3)),
                              Located("接着写。\n", at: SourceLocation(file: "测试.yaml", line: 10, column: 3))])
    }

    func testTextsOfAQuotedValueStartAfterTheQuote() {
        let outcome = load(BadInputTests.valid.replacingOccurrences(of: "名称: 测试局", with: "名称: \"测试局\""))
        XCTAssertEqual(outcome.texts.first, Located("测试局", at: SourceLocation(file: "测试.yaml", line: 1, column: 6)))
    }

    func testAnEscapedCharacterIsLocatedAtItsBackslash() {
        let outcome = load(BadInputTests.valid.replacingOccurrences(of: "名称: 测试局", with: #"名称: "测\u8BD5局""#))
        XCTAssertEqual(outcome.diagnostics, [])
        // 试 is the escape starting in column 7, right after 测; 局 follows the six-character escape.
        XCTAssertEqual(outcome.texts.prefix(2), [Located("测试", at: SourceLocation(file: "测试.yaml", line: 1, column: 6)),
                                                 Located("局", at: SourceLocation(file: "测试.yaml", line: 1, column: 13))])
    }

    /// Every style but escapes: each character of each run is the file's character at the place
    /// counted from the run's start.
    func testEveryRunStandsVerbatimWhereItIsLocated() {
        let text = BadInputTests.valid + """
            其他说明:
              - 普通的一行
              - 折叠的 plain
                第二行  接着
              - '单引号里''有''引号
                并且折行'
              - "双引号
                折行"
              - |+
                字面块
                  缩进的行

              - >-
                折叠块

                空行之后
            空表理由: {政府性基金: 不涉及, "国有资本": '不 涉及'}

            """
        let outcome = load(text)
        XCTAssertEqual(outcome.diagnostics, [])
        XCTAssertGreaterThan(outcome.texts.count, 20)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        for run in outcome.texts {
            var line = run.location.line, column = run.location.column
            for scalar in run.value.unicodeScalars {
                let source = lines[line - 1]
                if scalar == "\n" {
                    XCTAssertEqual(column, source.count + 1, "\(run) ends its line")
                    line += 1; column = 1
                } else {
                    XCTAssertEqual(column <= source.count ? source[column - 1] : nil, scalar, "\(run) at \(line):\(column)")
                    column += 1
                }
            }
        }
    }

    func testNeverCrashesOnEscapesAndBreaksInQuotes() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["\\", "\\x4", "\\u00", "\\U0010FFFF", "\\t", "\\\n", "\n", "\r\n", " ", "\t", "'", "''", "\"", "甲", "\\L", "\u{2028}", "\u{85}"]
        for _ in 0..<500 {
            let body = (0..<Int.random(in: 0..<12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let quote = Bool.random(using: &generator) ? "\"" : "'"
            _ = load("名称: \(quote)\(body)\(quote)\n其他说明: |\n  \(body)\n")
        }
    }
}

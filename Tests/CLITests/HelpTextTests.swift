import ArgumentParser
import XCTest
@testable import gongkai

/// `HelpText`: the parser's English put in Chinese and laid out by display width; every 示例 parses.
final class HelpTextTests: XCTestCase {
    func testDisplayWidthCountsWideCharactersTwice() {
        XCTAssertEqual(HelpText.displayWidth("--jobs"), 6)
        XCTAssertEqual(HelpText.displayWidth("<文件>"), 6)
        XCTAssertEqual(HelpText.displayWidth("（默认：受控）"), 14)
        XCTAssertEqual(HelpText.displayWidth("“上年”"), 6, "ambiguous quotation marks take one column, as most terminals show them")
        XCTAssertEqual(HelpText.displayWidth("e\u{301}"), 1, "a combining mark takes none")
    }

    func testWrapBreaksBetweenChineseCharactersButNotBeforeClosingPunctuation() {
        XCTAssertEqual(HelpText.wrap("一二三，四五", width: 6), ["一二", "三，四", "五"])
        XCTAssertEqual(HelpText.wrap("写成 report.json 与 一览表.csv", width: 16), ["写成 report.json", "与 一览表.csv"])
        XCTAssertEqual(HelpText.wrap("数据文件（.yaml）", width: 10), ["数据文件", "（.yaml）"], "an opening parenthesis goes with what follows")
        XCTAssertEqual(HelpText.wrap("短", width: 10), ["短"])
    }

    func testHelpScreenInChinese() {
        let english = """
            OVERVIEW: 检查预算数据。

            示例：
              gongkai check 数据.yaml

            USAGE: gongkai check <文件> ... [--rounding <方式>] [--jobs <数>]

            ARGUMENTS:
              <文件>                    要检查的数据文件（.yaml）

            OPTIONS:
              --rounding <方式>         舍入 (values: 受控, 独立; default: 受控)
              -j, --jobs <数>          同时检查的文件数 (default: 4)
              --a-very-long-option-name <值>
                                      说明在下一行
              --version               Show the version.
              -h, --help              Show help information.

            """
        let lines = HelpText.translated(english, width: 80).components(separatedBy: "\n")
        XCTAssertEqual(lines, [
            "概述：检查预算数据。",
            "",
            "示例：",
            "  gongkai check 数据.yaml",
            "",
            "用法：gongkai check <文件> ... [--rounding <方式>] [--jobs <数>]",
            "",
            "参数：",
            "  <文件>             要检查的数据文件（.yaml）",
            "",
            "选项：",
            "  --rounding <方式>  舍入（可选：受控、独立；默认：受控）",
            "  -j, --jobs <数>    同时检查的文件数（默认：4）",
            "  --a-very-long-option-name <值>",
            "                     说明在下一行",
            "  --version          显示版本",
            "  -h, --help         显示帮助信息",
            "",
        ])
    }

    func testSubcommandListAndItsClosingLine() {
        let english = """
            USAGE: gongkai <subcommand>

            SUBCOMMANDS:
              科目, subject             查科目

              See 'gongkai help <subcommand>' for detailed help.
            """
        XCTAssertEqual(HelpText.translated(english, width: 80), """
            用法：gongkai <子命令>

            子命令：
              科目, subject  查科目

              用 gongkai help <子命令> 查看各子命令的详细说明。
            """)
    }

    func testUsageErrorInChinese() {
        let english = """
            Error: The value 'x' is invalid for '--rounding <方式>'. Please provide one of '受控' and '独立'.
            Help:  --rounding <方式>  舍入
            Usage: gongkai check <文件> ... [--rounding <方式>]
              See 'gongkai check --help' for more information.
            """
        XCTAssertEqual(HelpText.translated(english, width: 80), """
            错误: “--rounding <方式>”的值“x”无效（可选：受控、独立）
            说明：--rounding <方式>  舍入
            用法：gongkai check <文件> ... [--rounding <方式>]
              用 gongkai check --help 查看详细说明。
            """)
    }

    func testReplacingTheParsersError() {
        let english = "Error: Missing expected argument '<文件> ...'\nHelp:  <文件>  要检查的数据文件\nUsage: gongkai check <文件> ...\n  See 'gongkai check --help' for more information."
        XCTAssertEqual(HelpText.replacingError(in: english, with: "Unknown option '--no-warning'"),
                       "Error: Unknown option '--no-warning'\nUsage: gongkai check <文件> ...\n  See 'gongkai check --help' for more information.")
    }

    func testParserMessages() {
        let options = { ["--no-warnings", "--format", "-j", "--jobs", "-h", "--help"] }
        let cases = [
            ("Unknown option '--no-warning'. Did you mean '--no-warnings'?", "没有选项“--no-warning”，是否想写“--no-warnings”？"),
            ("Unknown option '--nowarnings'", "没有选项“--nowarnings”，是否想写“--no-warnings”？"),
            ("Unknown option '--zzz'", "没有选项“--zzz”"),
            ("Unknown option '-x'", "没有选项“-x”"),
            ("Missing expected argument '<文件> ...'", "缺少参数“<文件> ...”"),
            ("Missing value for '--jobs <数>'", "选项“--jobs <数>”缺少值"),
            ("The option '--no-warnings' does not take any value, but '3' was specified.", "选项“--no-warnings”不带值，却给了“3”"),
            ("Unexpected argument 'x'", "多余的参数“x”"),
            ("2 unexpected arguments: 'x', 'y'", "2 个多余的参数：“x”、“y”"),
            ("The value 'abc' is invalid for '-j <数>'", "“-j <数>”的值“abc”无效"),
            ("Missing required subcommand.", "缺少子命令"),
            ("有多个数据文件时请用 --out-dir 指定输出目录", "有多个数据文件时请用 --out-dir 指定输出目录"),
        ]
        for (english, chinese) in cases {
            XCTAssertEqual(HelpText.message(english, optionNames: options), chinese)
        }
    }

    func testOptionNamesFromHelp() {
        let help = Gongkai.helpMessage(for: CheckCommand.self, columns: HelpText.unwrapped)
        let names = HelpText.optionNames(inHelp: help)
        XCTAssertTrue(Set(names).isSuperset(of: ["--no-warnings", "--format", "--templates", "--rounding", "-j", "--jobs", "--help"]), "\(names)")
    }

    /// Every 示例 line of every command's help is a command line the parser takes.
    func testEveryExampleParses() throws {
        let commands: [ParsableCommand.Type] = [Gongkai.self] + Gongkai.configuration.subcommands
        for command in commands {
            let examples = command.configuration.discussion.components(separatedBy: "\n").filter { $0.hasPrefix("  gongkai ") }
            XCTAssertGreaterThanOrEqual(examples.count, 2, "\(command) has 示例")
            for example in examples {
                // The shell's part (a redirection) is not the program's.
                let words = example.split(separator: " ").map(String.init).dropFirst().prefix { $0 != ">" }
                XCTAssertNoThrow(try Gongkai.parseAsRoot(Array(words)), example)
            }
        }
    }
}

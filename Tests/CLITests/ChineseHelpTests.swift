import XCTest

/// The command line as a user meets it: help in Chinese, aligned by display width, with 示例; the
/// parser's usage errors in Chinese with a suggestion for a misspelt option; completion scripts.
final class ChineseHelpTests: XCTestCase {
    static let subcommands = ["check", "render", "batch", "watch", "new", "sample", "科目", "inspect", "formats", "schema"]

    /// An 80-column terminal whatever the test runner's is.
    func gongkai(_ arguments: [String]) throws -> GongkaiProcess.Run {
        try GongkaiProcess.run(GongkaiProcess.binary, arguments, environment: ["COLUMNS": "80"])
    }

    func testCheckHelpIsChinese() throws {
        let run = try gongkai(["check", "--help"])
        XCTAssertEqual(run.status, 0)
        for heading in ["概述：", "用法：gongkai check", "参数：", "选项：", "示例：", "显示帮助信息", "（可选：受控、独立；默认：受控）"] {
            XCTAssertTrue(run.output.contains(heading), "\(heading) in\n\(run.output)")
        }
        for english in ["OVERVIEW", "USAGE", "ARGUMENTS", "OPTIONS", "Show help information", "Show the version", "values:", "default:"] {
            XCTAssertFalse(run.output.contains(english), "\(english) in\n\(run.output)")
        }
    }

    func testEveryHelpIsChineseWithExamples() throws {
        for arguments in [["--help"], ["help", "render"], ["-h"]] + Self.subcommands.map({ [$0, "--help"] }) {
            let run = try gongkai(arguments)
            XCTAssertEqual(run.status, 0, "\(arguments): \(run.errors)")
            XCTAssertTrue(run.output.contains("用法：gongkai"), "\(arguments):\n\(run.output)")
            XCTAssertTrue(run.output.contains("示例：\n  gongkai "), "\(arguments):\n\(run.output)")
            XCTAssertFalse(run.output.contains("USAGE"), "\(arguments):\n\(run.output)")
        }
        let root = try gongkai(["--help"])
        XCTAssertTrue(root.output.contains("子命令："), root.output)
        XCTAssertTrue(root.output.contains("用 gongkai help <子命令> 查看各子命令的详细说明"), root.output)
        XCTAssertFalse(root.output.contains("See '"), root.output)
    }

    /// Every description in 参数 and 选项 starts at one display column, and no line is wider than the terminal.
    func testOptionColumnAlignedByDisplayWidth() throws {
        for command in ["check", "render", "batch", "科目", "sample"] {
            let run = try gongkai([command, "--help"])
            var columns: Set<Int> = []
            var inList = false
            for line in run.output.components(separatedBy: "\n") {
                XCTAssertLessThanOrEqual(Self.displayWidth(line), 80, line)
                if line == "参数：" || line == "选项：" { inList = true; continue }
                if line.isEmpty { inList = false; continue }
                guard inList else { continue }
                if line.hasPrefix("  -") || line.hasPrefix("  <") {
                    // `  --format <格式>     使用此格式…`: the label, then two spaces or more, then the description.
                    guard let gap = line.range(of: "  ", range: line.index(line.startIndex, offsetBy: 2)..<line.endIndex) else { continue }
                    let description = line[gap.lowerBound...].drop { $0 == " " }
                    columns.insert(Self.displayWidth(line[..<description.startIndex]))
                } else {
                    // A description's further lines are indented to its column.
                    columns.insert(line.prefix { $0 == " " }.count)
                }
            }
            XCTAssertEqual(columns.count, 1, "\(command): descriptions start at columns \(columns.sorted())\n\(run.output)")
        }
    }

    func testAMisspeltOptionGetsTheClosestInChinese() throws {
        let run = try gongkai(["check", "--no-warning", "x.yaml"])
        // The parser's exit code for a usage error (EX_USAGE), unchanged.
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.output, "")
        XCTAssertTrue(run.errors.hasPrefix("错误: 没有选项“--no-warning”，是否想写“--no-warnings”？\n用法：gongkai check "), run.errors)
        XCTAssertTrue(run.errors.contains("用 gongkai check --help 查看详细说明。"), run.errors)
        XCTAssertFalse(run.errors.contains("Error") || run.errors.contains("Usage") || run.errors.contains("Did you mean"), run.errors)
    }

    /// The parser checks a command's rules and arguments before unknown options; the misspelt option is reported.
    func testAMisspeltOptionComesBeforeTheErrorsItCauses() throws {
        let new = try gongkai(["new", "--form", "hebei", "新部门.yaml"])
        XCTAssertEqual(new.status, 1)
        XCTAssertTrue(new.errors.hasPrefix("错误: 没有选项“--form”，是否想写“--format”？\n用法：gongkai new "), new.errors)
        let check = try gongkai(["check", "--no-warning"])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.errors.hasPrefix("错误: 没有选项“--no-warning”，是否想写“--no-warnings”？\n用法："), check.errors)
        XCTAssertFalse(check.errors.contains("说明："), check.errors)
    }

    func testParserErrorsInChinese() throws {
        let missing = try gongkai(["check"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.errors.hasPrefix("错误: 缺少参数“<文件> ...”\n说明：<文件>  要检查的数据文件（.yaml）\n用法：gongkai check"), missing.errors)
        let value = try gongkai(["inspect", "x.yaml", "--rounding", "四舍五入"])
        XCTAssertEqual(value.status, 1)
        XCTAssertTrue(value.errors.hasPrefix("错误: “--rounding <方式>”的值“四舍五入”无效（可选：受控、独立）"), value.errors)
        let noValue = try gongkai(["render", "x.yaml", "--jobs"])
        XCTAssertTrue(noValue.errors.hasPrefix("错误: 选项“--jobs <数>”缺少值"), noValue.errors)
        let ours = try gongkai(["render", "a.yaml", "b.yaml", "-o", "x.pdf"])
        XCTAssertEqual(ours.status, 1)
        XCTAssertTrue(ours.errors.hasPrefix("错误: 有多个数据文件时请用 --out-dir 指定输出目录，而不是 -o\n用法："), ours.errors)
    }

    func testVersionAndCompletionScriptsAreTheParsers() throws {
        let version = try gongkai(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.output.hasPrefix("gongkai ") && version.output.split(separator: "\n").count == 1, version.output)
        for shell in ["bash", "zsh", "fish"] {
            let run = try gongkai(["--generate-completion-script", shell])
            XCTAssertEqual(run.status, 0, shell + run.errors)
            XCTAssertTrue(run.output.contains("check"), shell)
            XCTAssertTrue(run.output.contains("科目"), shell)
            XCTAssertTrue(run.output.contains("no-warnings"), shell)
        }
        let bash = try gongkai(["--generate-completion-script", "bash"])
        XCTAssertTrue(bash.output.hasPrefix("#!/bin/bash"), bash.output)
        XCTAssertTrue(bash.output.contains("complete -o filenames -F _gongkai gongkai"), bash.output)
        let unknown = try gongkai(["--generate-completion-script", "tcsh"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.errors.hasPrefix("错误: 不能为“tcsh”生成补全脚本。"), unknown.errors)
    }

    /// Terminal columns, counted independently of `HelpText`: CJK ideographs and fullwidth forms take two.
    static func displayWidth<S: StringProtocol>(_ text: S) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let wide = (0x3000...0x303F).contains(scalar.value) || (0x4E00...0x9FFF).contains(scalar.value)
                || (0xFF00...0xFF60).contains(scalar.value)
            return width + (wide ? 2 : 1)
        }
    }
}

import ArgumentParser
import BudgetCore
import Foundation
import Preflight

/// `gongkai check FILE...`: every diagnostic of every file, one per line, like a compiler. It
/// builds the document as `render` would, without layout, so what `render` refuses shows here.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "检查预算数据：格式、科目、合计与各表之间的一致性，以及字符能否排印、模板能否生成文件（不排版）。有错误时退出码为 1。",
        discussion: HelpText.examples(
            "gongkai check Examples/hebei/高阳县医疗保障局-2025.yaml",
            "gongkai check Examples/*/*.yaml --no-warnings",
            "gongkai check 数据.yaml --rounding 独立"))

    @Argument(help: ArgumentHelp("要检查的数据文件（.yaml）", valueName: "文件"))
    var files: [String]

    @Flag(name: .customLong("no-warnings"), help: "只显示错误，不显示警告和舍入信息")
    var hideWarnings = false

    @Option(name: .customLong("message-format"),
            help: ArgumentHelp("诊断的输出形式：text（每条一行，附原文与插入符，默认）或 json（每条一个 JSON 对象，供编辑器与脚本）", valueName: "形式"))
    var messageFormat: MessageFormat = .text

    @OptionGroup var templateOptions: TemplateOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("同时检查的文件数（默认：处理器核数）", valueName: "数"))
    var jobs: Int?

    func validate() throws {
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs 应在 1 到 256 之间，写的是 \(jobs)") }
    }

    /// Several files are checked on every core (fonts of their own per worker); their diagnostics
    /// come in the order the files were given.
    func run() throws {
        var errorCount = 0, warningCount = 0, infoCount = 0
        let printer = DiagnosticPrinter.forStandardOutput(), messageFormat = messageFormat, sources = SourceLines()
        let options = templateOptions, files = files
        options.preloadFormat(for: files)
        let outcome = OrderedWork.run(
            count: files.count, workers: min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, files.count),
            makeState: { try options.makeDocumentBuild() },
            job: { build, index in build.run(files[index]).diagnostics },
            emit: { diagnostics in
                errorCount += diagnostics.errors.count
                warningCount += diagnostics.warnings.count
                infoCount += diagnostics.infos.count
                for diagnostic in diagnostics where !(hideWarnings && diagnostic.severity != .error) {
                    print(messageFormat == .json ? DiagnosticJSON.line(diagnostic, sources: sources) : printer.text(diagnostic))
                }
            })
        if let error = outcome.stateError, !outcome.completed {
            Console.note("错误: \(error)")
            throw ExitCode.failure
        }
        let infos = infoCount > 0 ? "，\(infoCount) 条舍入信息" : ""
        Console.note("检查了 \(files.count) 个文件：\(errorCount) 个错误，\(warningCount) 个警告\(infos)")
        if errorCount > 0 { throw ExitCode.failure }
    }
}

/// How `check` prints its diagnostics.
enum MessageFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

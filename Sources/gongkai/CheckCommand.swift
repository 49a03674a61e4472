import ArgumentParser
import Budget
import BudgetCore
import BudgetInput
import Foundation

/// `gongkai check FILE...`: every diagnostic of every file, one per line, like a compiler.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "检查预算数据：格式、科目、合计与各表之间的一致性。有错误时退出码为 1。")

    @Argument(help: ArgumentHelp("要检查的数据文件（.yaml）", valueName: "文件"))
    var files: [String]

    @Flag(name: .customLong("no-warnings"), help: "只显示错误，不显示警告")
    var hideWarnings = false

    func run() throws {
        var errorCount = 0
        var warningCount = 0
        for file in files {
            let diagnostics = BudgetFile.derive(file).diagnostics
            errorCount += diagnostics.errors.count
            warningCount += diagnostics.warnings.count
            for diagnostic in diagnostics where !(hideWarnings && diagnostic.severity == .warning) {
                print(diagnostic)
            }
        }
        Console.note("检查了 \(files.count) 个文件：\(errorCount) 个错误，\(warningCount) 个警告")
        if errorCount > 0 { throw ExitCode.failure }
    }
}

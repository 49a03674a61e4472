import ArgumentParser
import Budget
import BudgetCore
import Foundation

/// `gongkai inspect FILE --json`: the derived budget, every table's rows and every narrative figure.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "显示推算出的预算：各表的行与合计、占比、比上年增减。")

    @Argument(help: ArgumentHelp("数据文件（.yaml）", valueName: "文件"))
    var file: String

    @Flag(help: "以 JSON 输出")
    var json = false

    func run() throws {
        let outcome = BudgetFile.derive(file)
        for diagnostic in outcome.diagnostics { Console.note(diagnostic.description) }
        guard let budget = outcome.budget else { throw ExitCode.failure }
        if json {
            print(try BudgetJSON.encode(budget))
        } else {
            print(BudgetSummary.text(budget))
        }
    }
}

import ArgumentParser
import Budget
import BudgetCore
import Foundation
import Templating

/// `gongkai inspect FILE [--json]`: the derived budget as a summary, or as JSON the view templates
/// read, under the names they use (docs/templates.md).
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "显示推算出的预算：各表的行与合计、占比、比上年增减；--json 输出模板所用的全部数据（名称与模板中一致）。",
        discussion: HelpText.examples(
            "gongkai inspect Examples/hebei/高阳县医疗保障局-2025.yaml",
            "gongkai inspect 数据.yaml --json > 数据.json"))

    @Argument(help: ArgumentHelp("数据文件（.yaml）", valueName: "文件"))
    var file: String

    @Flag(help: "以 JSON 输出模板所见的数据（与模板中的名称一致，金额为印出的数）")
    var json = false

    @Option(help: ArgumentHelp("舍入：受控（默认）或 独立", valueName: "方式"))
    var rounding: RoundingMode = .controlled

    @Flag(name: .customLong("prior-anywhere"), help: "允许“上年”指向本文件夹以外的文件（绝对路径或“..”）")
    var priorAnywhere = false

    func run() throws {
        let outcome = BudgetFile.read(file, rounding: rounding, priorYear: priorAnywhere ? .anywhere : .dataFolder).derived
        let printer = DiagnosticPrinter(colour: false)
        for diagnostic in outcome.diagnostics { Console.note(printer.text(diagnostic)) }
        guard let budget = outcome.budget else { throw ExitCode.failure }
        if json {
            print(try TemplateView.json(for: budget))
        } else {
            print(BudgetSummary.text(budget))
        }
    }
}

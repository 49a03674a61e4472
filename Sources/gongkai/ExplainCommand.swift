import ArgumentParser
import BudgetCore
import BudgetInput

/// `gongkai explain G0701`: the page of docs/diagnostics.md for one diagnostic code.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "说明一个诊断编号（如 G0701）：含义、触发它的最小示例和改法。",
        discussion: """
            示例：
              gongkai explain G0701
              gongkai explain --all > docs/diagnostics.md
            """)

    @Argument(help: ArgumentHelp("诊断编号，即 check 输出行末方括号中的编号", valueName: "编号"))
    var code: String?

    @Flag(help: "输出全部编号的说明（docs/diagnostics.md）")
    var all = false

    func validate() throws {
        if code == nil && !all { throw ValidationError("请写出要说明的编号，如 gongkai explain G0701；或用 --all 输出全部") }
    }

    func run() throws {
        if all {
            print(DiagnosticPage.document(), terminator: "")
            return
        }
        let code = code ?? ""
        guard let page = DiagnosticPage.page(code: code) else {
            let codes = DiagnosticCode.all.map(\.code)
            var message = "错误: 没有诊断编号“\(code)”"
            if let closest = KeySuggestion.closest(to: code.uppercased(), among: codes) { message += "，是否想写“\(closest)”？" }
            Console.note(message + "（gongkai explain --all 列出全部编号）")
            throw ExitCode.failure
        }
        print(page.markdown, terminator: "")
    }
}

import BudgetCore

/// What `gongkai explain G0701` prints and docs/diagnostics.md lists: what a diagnostic means,
/// a minimal input that triggers it, what `check` then says, and the fix.
struct DiagnosticPage {
    let code: String
    /// Why the rule exists and when it fires, in plain Chinese.
    let explanation: String
    /// The smallest YAML (a fragment of a data file, other keys as usual) that triggers it; for a
    /// rule that a command line triggers, the commands, each line starting with `$ `.
    let example: String
    /// What `check` prints for the example (the headline, without the excerpt).
    let output: String
    /// What to change.
    let fix: String

    /// Every page, in code order: each group's pages live in a file of their own.
    static let all: [DiagnosticPage] = (inputPages + valuePages + subjectPages + expenditurePages + threePublicPages
        + projectPages + statedPages + priorYearPages + procurementPages + documentPages + countyPages)
        .sorted { $0.code < $1.code }

    static func page(code: String) -> DiagnosticPage? { all.first { $0.code == code.uppercased() } }

    /// The page as Markdown, under a heading with the code, the severity-neutral title and the rule.
    var markdown: String {
        let entry = DiagnosticCode.entry(code: code)
        return """
            ## \(code) \(entry?.title ?? "")

            规则：`\(entry?.rule ?? "")`

            \(explanation)

            示例：

            ```\(example.hasPrefix("$ ") ? "sh" : "yaml")
            \(example)
            ```

            ```
            \(output)
            ```

            改正：\(fix)

            """
    }

    /// docs/diagnostics.md: every page, with the introduction.
    static func document() -> String {
        """
        # 诊断编号

        `gongkai check` 的每条诊断都以 `[G0701]` 这样的编号结尾。编号长期不变，一个编号只表示一种问题；
        `gongkai explain G0701` 在终端打印本页中的那一节。本文件由 `gongkai explain --all` 生成（`make docs`），
        请改 Sources/gongkai/DiagnosticPages/ 中的说明，而不是直接改本文件。

        诊断的形式与编译器相同：第一行是 `文件:行:列: 错误: 说明 [编号]`（编辑器和脚本按此解析），
        其后是该行原文和指向出错位置的 `^~~~`，再后是 `注：` 列出的其他相关位置和 `提示：` 给出的改法。
        `check --message-format json` 每条诊断输出一行 JSON（severity、code、rule、message、hint；spans 为全部位置：file、line、column、值结束处的 end（不含）、primary，注的位置带 label；没有位置的注在 notes 中）。

        编号按改正的位置分组：G01 读取文件与 YAML，G02 键与值，G03 科目，G04 支出与经济分类，
        G05 “三公”经费与机关运行经费，G06 项目与绩效，G07 核对数，G08 上年数据与增减，G09 政府采购、资产与人员，
        G10 模板、字体与生成文件，G11 县设置。


        """ + all.map(\.markdown).joined(separator: "\n")
    }
}

import Budget
import BudgetCore
import Document

/// 情况说明: the sentences with figures, every figure derived.
struct BudgetNarrative {
    let builder: BudgetDocumentBuilder

    var budget: Budget { builder.budget }
    var styles: BudgetStyles { builder.styles }

    func blocks() -> [Block] {
        var blocks: [Block] = [.heading(Heading("一、收支预算总体情况", level: 2, style: styles.section))]
        blocks += paragraphs([incomeSentence(), spendingSentence()] + changeSentences())
        blocks.append(.heading(Heading("二、机关运行经费安排情况", level: 2, style: styles.section)))
        blocks += paragraphs(["\(builder.year)年，机关运行经费安排\(builder.phrase(budget.officeOperation))。"])
        blocks.append(.heading(Heading("三、财政拨款“三公”经费预算情况", level: 2, style: styles.section)))
        blocks += paragraphs([threePublicSentence()])
        return blocks
    }

    private func paragraphs(_ texts: [String]) -> [Block] {
        texts.filter { !$0.isEmpty }.map { .paragraph(Paragraph($0, style: styles.body)) }
    }

    func incomeSentence() -> String {
        let parts = FundSourceLabels.groups.map { "\($0.label)\(builder.phrase(budget.income.byGroup[$0.group] ?? .zero))" }
        return "\(builder.year)年预算收入\(builder.phrase(budget.total))，其中：" + parts.joined(separator: "，") + "。"
    }

    func spendingSentence() -> String {
        let totals = budget.totals
        return "\(builder.year)年支出预算\(builder.phrase(budget.total))，其中基本支出\(builder.phrase(totals.basic))，"
            + "包括人员经费\(builder.phrase(totals.personnel))和日常公用经费\(builder.phrase(totals.publicUse))；"
            + "项目支出\(builder.phrase(totals.project))。"
    }

    func changeSentences() -> [String] {
        budget.changes.filter { ["合计", "基本支出", "项目支出"].contains($0.key) }.map { comparison in
            let reason = comparison.reason.map { "，主要原因是\($0)" } ?? ""
            return "\(comparison.label)比上年\(comparison.change.phrase(unit: builder.unit))\(reason)。"
        }
    }

    func threePublicSentence() -> String {
        let three = budget.threePublic
        func item(_ key: String) -> Money { three.items[key] ?? .zero }
        return "\(builder.year)年财政拨款“三公”经费预算安排\(builder.phrase(three.subtotal))，其中因公出国（境）费\(builder.phrase(three.overseas))；"
            + "公务用车购置及运维费\(builder.phrase(three.vehicles))（其中：公务用车购置费\(builder.phrase(item("公务用车购置")))，"
            + "公务用车运维费\(builder.phrase(item("公务用车运行维护")))）；公务接待费\(builder.phrase(item("公务接待")))。"
    }
}

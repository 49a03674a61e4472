import Budget
import BudgetCore
import Document

/// Lays a derived budget out as a Document: the budget tables and the sentences with figures.
/// A plain, format-neutral layout; the province templates (Templates/) replace it format by format.
public struct BudgetDocumentBuilder {
    let budget: Budget
    let styles = BudgetStyles()

    public init(budget: Budget) {
        self.budget = budget
    }

    var unit: AmountUnit { budget.department.unit }
    var level: String { budget.department.level }
    var name: String { budget.department.name }
    var year: Int { budget.department.year }

    /// The document; its PDF creation date is the 落款日期, else 1 January of the budget year.
    public func document() -> Document {
        var blocks: [Block] = [
            .space(120),
            .heading(Heading(name, level: 1, style: styles.cover, inContents: false, bookmarked: false)),
            .heading(Heading("\(year)年\(level)预算", level: 1, style: styles.cover, inContents: false, bookmarked: false)),
            .pageBreak(orientation: nil),
            .tableOfContents(TableOfContents(title: "目  录", titleStyle: styles.contentsTitle, entryStyle: styles.contentsEntry, depth: 2)),
            .pageBreak(orientation: nil),
            .heading(Heading("第一部分  \(year)年\(level)预算表", level: 1, style: styles.part)),
        ]
        blocks += BudgetTables(builder: self).blocks()
        blocks.append(.pageBreak(orientation: nil))
        blocks.append(.heading(Heading("第二部分  \(name)\(year)年\(level)预算情况说明", level: 1, style: styles.part)))
        blocks += BudgetNarrative(builder: self).blocks()
        return Document(
            metadata: Metadata(title: "\(name)\(year)年\(level)预算", author: name, subject: "\(level)预算公开",
                               keywords: [name, "\(year)年", "\(level)预算", "预算公开"],
                               creationDate: budget.department.signOffDate ?? "\(year)-01-01"),
            page: PageSetup(),
            blocks: blocks)
    }

    /// An amount as the tables print it: blank for zero, two decimals.
    func cell(_ money: Money) -> String { money.isZero ? "" : money.formatted(in: unit) }

    /// An amount in a sentence: always printed, with the unit.
    func phrase(_ money: Money) -> String { money.formatted(in: unit) + unit.rawValue }
}

/// The styles of the plain layout (GB/T 9704 habits: 3号 body, 2号 title).
struct BudgetStyles {
    let cover = TextStyle(role: .title, size: 26, bold: true, alignment: .center, lineHeight: 48)
    let part = TextStyle(role: .title, size: 22, alignment: .center, lineHeight: 36, spaceBefore: 12, spaceAfter: 18)
    let section = TextStyle(role: .heiti, size: 16, alignment: .left, lineHeight: 29, spaceBefore: 8, spaceAfter: 4)
    let body = TextStyle(role: .body, size: 16, alignment: .justified, firstLineIndent: 2, lineHeight: 29)
    let tableTitle = TextStyle(role: .title, size: 18, alignment: .center, lineHeight: 30, spaceBefore: 6, spaceAfter: 6)
    let cell = TextStyle(role: .table, size: 10.5, alignment: .left, lineHeight: 14)
    let note = TextStyle(role: .table, size: 10.5, alignment: .left, lineHeight: 16)
    let contentsTitle = TextStyle(role: .heiti, size: 22, alignment: .center, lineHeight: 40, spaceAfter: 12)
    let contentsEntry = TextStyle(role: .body, size: 14, alignment: .left, lineHeight: 26)
}

import Budget
import BudgetCore
import Document

/// The budget tables: 收支总表, 收入总表, 支出总表, 一般公共预算支出表, 基本支出表, “三公”经费表, 项目表.
struct BudgetTables {
    let builder: BudgetDocumentBuilder

    var styles: BudgetStyles { builder.styles }
    var budget: Budget { builder.budget }

    func blocks() -> [Block] {
        [summary(), income(), expenditure(), general(), basicEconomic(), threePublic(), projects()].map { .table($0) }
    }

    private func captions() -> [Table.CaptionLine] {
        [Table.CaptionLine(left: "编制单位：\(budget.department.code ?? "")\(builder.name)",
                           center: "预算年度：\(builder.year)", right: "单位：\(builder.unit.rawValue)")]
    }

    private func table(_ title: String, columns: [Table.Column], header: [[Table.Cell]], body: [[Table.Cell]], notes: [String] = []) -> Table {
        Table(title: "\(builder.level)预算\(title)", titleStyle: styles.tableTitle, captionLines: captions(), columns: columns,
              header: header, body: body, cellStyle: styles.cell, notes: notes, outlineLevel: 2, continuationCaption: "续表")
    }

    private func subjectColumns(_ amounts: Int) -> [Table.Column] {
        [Table.Column(.fit(maximum: 60), alignment: .left, wraps: false), Table.Column(.proportional(1))]
            + Array(repeating: Table.Column(.fixed(64), numeric: true), count: amounts)
    }

    /// 收支总表: income by group beside expenditure by 类.
    func summary() -> Table {
        let groups = FundSourceLabels.groups.map { ($0.label, budget.income.byGroup[$0.group] ?? .zero) }
        let categories = budget.functional.filter { $0.depth == 1 }.map { ($0.name, $0.columns.total) }
        let count = max(groups.count, categories.count)
        var body: [[Table.Cell]] = []
        for index in 0..<count {
            let income = index < groups.count ? groups[index] : ("", Money.zero)
            let spending = index < categories.count ? categories[index] : ("", Money.zero)
            body.append([Table.Cell(income.0), Table.Cell(builder.cell(income.1)), Table.Cell(spending.0), Table.Cell(builder.cell(spending.1))])
        }
        body.append([Table.Cell("收入总计", bold: true), Table.Cell(builder.cell(budget.total)), Table.Cell("支出总计", bold: true), Table.Cell(builder.cell(budget.total))])
        return table("收支总表",
                     columns: [Table.Column(.proportional(1)), Table.Column(.fixed(80), numeric: true), Table.Column(.proportional(1)), Table.Column(.fixed(80), numeric: true)],
                     header: [[Table.Cell("收入", columnSpan: 2), Table.Cell("支出", columnSpan: 2)],
                              [Table.Cell("项  目"), Table.Cell("预算数"), Table.Cell("项  目"), Table.Cell("预算数")]],
                     body: body)
    }

    /// 收入总表: every subject with its amount by income group.
    func income() -> Table {
        let groups = FundSourceLabels.groups.filter { budget.income.byGroup[$0.group] != nil }
        let header: [[Table.Cell]] = [
            [Table.Cell("功能分类科目", columnSpan: 2), Table.Cell("合计", rowSpan: 2), Table.Cell("本年收入", columnSpan: max(1, groups.count))],
            [Table.Cell("科目编码"), Table.Cell("科目名称")] + groups.map { Table.Cell($0.label) },
        ]
        let body = [[Table.Cell(""), Table.Cell("合计", alignment: .center, bold: true), Table.Cell(builder.cell(budget.total))]
            + groups.map { Table.Cell(builder.cell(budget.income.byGroup[$0.group] ?? .zero)) }]
            + budget.functional.map { row in
                [Table.Cell(row.code), Table.Cell(row.name), Table.Cell(builder.cell(row.columns.total))]
                    + groups.map { group in Table.Cell(builder.cell(FundSourceLabels.amount(row.bySource, in: group.group))) }
            }
        return table("收入总表", columns: subjectColumns(1 + groups.count), header: header, body: body)
    }

    private func spendingRows(_ rows: [SubjectRow], total: ExpenditureColumns) -> [[Table.Cell]] {
        [[Table.Cell(""), Table.Cell("合计", alignment: .center, bold: true), Table.Cell(builder.cell(total.total)),
          Table.Cell(builder.cell(total.basic)), Table.Cell(builder.cell(total.project))]]
            + rows.map { row in
                [Table.Cell(row.code), Table.Cell(row.name), Table.Cell(builder.cell(row.columns.total)),
                 Table.Cell(builder.cell(row.columns.basic)), Table.Cell(builder.cell(row.columns.project))]
            }
    }

    private var spendingHeader: [[Table.Cell]] {
        [[Table.Cell("功能分类科目", columnSpan: 2), Table.Cell("合计", rowSpan: 2), Table.Cell("基本支出", rowSpan: 2), Table.Cell("项目支出", rowSpan: 2)],
         [Table.Cell("科目编码"), Table.Cell("科目名称")]]
    }

    /// 支出总表: every subject with 基本支出 and 项目支出.
    func expenditure() -> Table {
        table("支出总表", columns: subjectColumns(3), header: spendingHeader, body: spendingRows(budget.functional, total: budget.totals))
    }

    /// 一般公共预算支出表.
    func general() -> Table {
        let rows = budget.functionalByGroup["一般公共预算"] ?? []
        let total = rows.filter { $0.depth == 1 }.map(\.columns).reduce(ExpenditureColumns(), +)
        return table("一般公共预算支出表", columns: subjectColumns(3), header: spendingHeader, body: spendingRows(rows, total: total),
                     notes: rows.isEmpty ? ["注：无一般公共预算支出，空表列示。"] : [])
    }

    /// 一般公共预算基本支出表 by 部门经济分类.
    func basicEconomic() -> Table {
        let rows = budget.basicEconomic
        let personnel = rows.filter { $0.depth == 1 }.map(\.personnel).sum()
        let publicUse = rows.filter { $0.depth == 1 }.map(\.publicUse).sum()
        let body = [[Table.Cell(""), Table.Cell("合计", alignment: .center, bold: true), Table.Cell(builder.cell(personnel + publicUse)),
                     Table.Cell(builder.cell(personnel)), Table.Cell(builder.cell(publicUse))]]
            + rows.map { row in
                [Table.Cell(row.code), Table.Cell(row.name), Table.Cell(builder.cell(row.personnel + row.publicUse)),
                 Table.Cell(builder.cell(row.personnel)), Table.Cell(builder.cell(row.publicUse))]
            }
        return table("一般公共预算基本支出表", columns: subjectColumns(3),
                     header: [[Table.Cell("部门经济分类科目", columnSpan: 2), Table.Cell("一般公共预算基本支出", columnSpan: 3)],
                              [Table.Cell("科目编码"), Table.Cell("科目名称"), Table.Cell("合计"), Table.Cell("人员经费"), Table.Cell("公用经费")]],
                     body: body)
    }

    /// 财政拨款“三公”经费支出表.
    func threePublic() -> Table {
        let three = budget.threePublic
        func item(_ key: String) -> Money { three.items[key] ?? .zero }
        let rows: [(String, Money)] = [
            ("合计", three.total), ("“三公”经费小计", three.subtotal), ("一、因公出国（境）费", three.overseas),
            ("    其中：教学科研人员因公出国（境）费", item("教学科研人员因公出国")), ("          其他因公出国（境）费", item("因公出国")),
            ("二、公务用车购置及运维费", three.vehicles), ("    其中：公务用车购置费", item("公务用车购置")),
            ("          公务用车运行维护费", item("公务用车运行维护")), ("三、公务接待费", item("公务接待")),
        ]
        return table("财政拨款“三公”经费支出表",
                     columns: [Table.Column(.proportional(2)), Table.Column(.fixed(90), numeric: true)],
                     header: [[Table.Cell("项  目"), Table.Cell("一般公共预算财政拨款")]],
                     body: rows.map { [Table.Cell($0.0), Table.Cell(builder.cell($0.1))] },
                     notes: three.total.isZero ? ["注：无财政拨款“三公”经费预算，空表列示。"] : [])
    }

    /// 项目支出表: each project with its subject and amount.
    func projects() -> Table {
        let body = budget.projects.map { project in
            [Table.Cell(project.code ?? ""), Table.Cell(project.name), Table.Cell(project.subject), Table.Cell(builder.cell(project.amount))]
        }
        return table("项目支出表",
                     columns: [Table.Column(.fit(maximum: 150), wraps: false), Table.Column(.proportional(1)),
                               Table.Column(.fit(maximum: 60), wraps: false), Table.Column(.fixed(70), numeric: true)],
                     header: [[Table.Cell("项目编码"), Table.Cell("项目名称"), Table.Cell("功能科目"), Table.Cell("预算数")]],
                     body: body, notes: body.isEmpty ? ["注：无项目支出，空表列示。"] : [])
    }
}

/// The income groups as the tables name them.
enum FundSourceLabels {
    static let groups: [(group: String, label: String)] = [
        ("一般公共预算", "一般公共预算拨款收入"), ("政府性基金", "政府性基金预算拨款收入"),
        ("国有资本经营", "国有资本经营预算拨款收入"), ("财政专户", "财政专户管理资金收入"),
        ("单位资金", "单位资金"), ("上年结转结余", "上年结转结余"),
    ]

    static func amount(_ bySource: [String: Money], in group: String) -> Money {
        bySource.filter { (FundSource(rawValue: $0.key)?.group.rawValue ?? FundSource.Group.carryOver.rawValue) == group }.map(\.value).sum()
    }
}

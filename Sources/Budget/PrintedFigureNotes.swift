import BudgetCore
import BudgetInput

/// Lists the figures whose printed value (controlled rounding) is not their own rounding, at the
/// line that holds the figure's first leaf: a reader comparing with the budget system sees why.
struct PrintedFigureNotes {
    let input: BudgetInput

    func differences(exact: Budget, printed: Budget, step: Int64) -> [Diagnostic] {
        var notes: [Diagnostic] = []
        let unit = exact.department.unit
        func compare(_ label: String, _ exactValue: Money, _ printedValue: Money, at location: SourceLocation) {
            let own = Apportionment.nearest(exactValue, step: step)
            guard own != printedValue else { return }
            notes.append(.info("rounding.controlled",
                "\(label)印为 \(printedValue.formatted(in: unit))\(unit.rawValue)，其精确值 \(exactValue.exactText(in: unit))\(unit.rawValue) 单独舍入为 \(own.formatted(in: unit))；受控舍入使各表合计与明细相符",
                at: location))
        }
        compare("收支总计", exact.total, printed.total, at: firstRow(""))
        for (exactRow, printedRow) in zip(exact.functional, printed.functional) where exactRow.code == printedRow.code {
            for (name, exactValue, printedValue) in columns(exactRow.columns, printedRow.columns) {
                compare("功能科目 \(exactRow.code) \(exactRow.name)的\(name)", exactValue, printedValue, at: firstRow(exactRow.code))
            }
        }
        for (name, exactValue, printedValue) in columns(exact.totals, printed.totals) where name != "合计" {
            compare("支出\(name)", exactValue, printedValue, at: firstRow(""))
        }
        for (exactRow, printedRow) in zip(exact.generalEconomic, printed.generalEconomic) where exactRow.code == printedRow.code {
            compare("经济科目 \(exactRow.code) \(exactRow.name)的合计", exactRow.total, printedRow.total, at: economicLine(exactRow.code))
        }
        return notes
    }

    private func columns(_ exact: ExpenditureColumns, _ printed: ExpenditureColumns) -> [(String, Money, Money)] {
        [("合计", exact.total, printed.total), ("基本支出", exact.basic, printed.basic), ("人员经费", exact.personnel, printed.personnel),
         ("公用经费", exact.publicUse, printed.publicUse), ("项目支出", exact.project, printed.project)]
    }

    /// The first 支出 row under `prefix` (any row for the empty prefix).
    private func firstRow(_ prefix: String) -> SourceLocation {
        input.expenditures.first { $0.subject.value.hasPrefix(prefix) }?.subject.location
            ?? input.projects.first { $0.subject.value.hasPrefix(prefix) }?.subject.location
            ?? SourceLocation(file: input.file, line: 1, column: 1)
    }

    private func economicLine(_ prefix: String) -> SourceLocation {
        let lines = input.basicEconomic.personnel + input.basicEconomic.publicUse + input.projects.flatMap(\.economic)
        return lines.first { $0.code.value.hasPrefix(prefix) }?.code.location ?? firstRow("")
    }
}

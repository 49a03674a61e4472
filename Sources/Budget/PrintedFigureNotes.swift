import BudgetCore
import BudgetInput

/// Lists the figures whose printed value (controlled rounding) is not their own rounding, at the
/// line that holds the figure's first leaf: a reader comparing with the budget system sees why.
/// One note for all the figures one rounding moved (a 项, its 款 and 类, in each column).
struct PrintedFigureNotes {
    let input: BudgetInput
    /// The first place each subject code (and each of its prefixes) is typed: one pass, not one per figure.
    private let firstRows: [String: SourceLocation]
    private let firstEconomicLines: [String: SourceLocation]

    init(input: BudgetInput) {
        self.input = input
        var rows: [String: SourceLocation] = [:]
        for (code, location) in input.expenditures.map({ ($0.subject.value, $0.subject.location) }) + input.projects.map({ ($0.subject.value, $0.subject.location) }) {
            for prefix in Self.prefixes(of: code) where rows[prefix] == nil { rows[prefix] = location }
        }
        firstRows = rows
        var lines: [String: SourceLocation] = [:]
        for line in input.basicEconomic.personnel + input.basicEconomic.publicUse + input.projects.flatMap(\.economic) {
            for prefix in Self.prefixes(of: line.code.value) where lines[prefix] == nil { lines[prefix] = line.code.location }
        }
        firstEconomicLines = lines
    }

    static func prefixes(of code: String) -> [String] {
        ["", String(code.prefix(3)), String(code.prefix(5)), code]
    }

    private struct Moved {
        let kind: String
        let code: String
        let column: String
        let exact: Money
        let printed: Money
        let location: SourceLocation
    }

    /// `unit`: the unit the figures are printed in (the format's), which the notes speak in.
    func differences(exact: Budget, printed: Budget, step: Int64, unit: AmountUnit) -> [Diagnostic] {
        var moved: [Moved] = []
        // The place is looked up only for a figure that moved: most do not.
        func compare(_ kind: String, _ code: String, _ column: String, _ exactValue: Money, _ printedValue: Money,
                     at location: @autoclosure () -> SourceLocation) {
            guard Apportionment.nearest(exactValue, step: step) != printedValue else { return }
            moved.append(Moved(kind: kind, code: code, column: column, exact: exactValue, printed: printedValue, location: location()))
        }
        for (exactRow, printedRow) in zip(exact.functional, printed.functional) where exactRow.code == printedRow.code {
            for (name, exactValue, printedValue) in columns(exactRow.columns, printedRow.columns) {
                compare("功能科目", exactRow.code, name, exactValue, printedValue, at: firstRow(exactRow.code))
            }
        }
        for (name, exactValue, printedValue) in columns(exact.totals, printed.totals) {
            compare("支出总计", "", name, exactValue, printedValue, at: firstRow(""))
        }
        for source in FundSource.allCases {
            guard let exactValue = exact.income.bySource[source.rawValue], let printedValue = printed.income.bySource[source.rawValue] else { continue }
            compare("收入", source.rawValue, "合计", exactValue, printedValue, at: firstRow(source))
        }
        for (exactRow, printedRow) in zip(exact.generalEconomic, printed.generalEconomic) where exactRow.code == printedRow.code {
            compare("经济科目", exactRow.code, "合计", exactRow.total, printedRow.total, at: economicLine(exactRow.code))
        }
        return notes(moved, unit: unit, step: step)
    }

    /// One note per place, kind and pair of values.
    private func notes(_ moved: [Moved], unit: AmountUnit, step: Int64) -> [Diagnostic] {
        var order: [String] = []
        var groups: [String: [Moved]] = [:]
        for entry in moved {
            let key = "\(entry.location)|\(entry.kind)|\(entry.exact.fen)|\(entry.printed.fen)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(entry)
        }
        return order.map { key in
            let entries = groups[key]!, first = entries[0]
            let codes = unique(entries.map(\.code)).filter { !$0.isEmpty }.joined(separator: "、")
            let what = "\(first.kind)\(codes.isEmpty ? "" : " \(codes) ")的\(unique(entries.map(\.column)).joined(separator: "、"))"
            let own = Apportionment.nearest(first.exact, step: step)
            return .info("rounding.controlled",
                "\(what)印为 \(first.printed.formatted(in: unit))\(unit.rawValue)（精确值 \(first.exact.exactText(in: unit))\(unit.rawValue)，单独舍入为 \(own.formatted(in: unit))）：受控舍入使各表合计与明细相符",
                at: first.location)
        }
    }

    private func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    private func columns(_ exact: ExpenditureColumns, _ printed: ExpenditureColumns) -> [(String, Money, Money)] {
        [("合计", exact.total, printed.total), ("基本支出", exact.basic, printed.basic), ("人员经费", exact.personnel, printed.personnel),
         ("公用经费", exact.publicUse, printed.publicUse), ("项目支出", exact.project, printed.project)]
    }

    /// The first 支出 row (or project) under `prefix` (any row for the empty prefix).
    private func firstRow(_ prefix: String) -> SourceLocation {
        firstRows[prefix] ?? SourceLocation(file: input.file, line: 1, column: 1)
    }

    /// The first 支出 row paid from `source`.
    private func firstRow(_ source: FundSource) -> SourceLocation {
        input.expenditures.first { $0.source.value == source }?.source.location
            ?? input.projects.first { $0.source.value == source }?.source.location ?? firstRow("")
    }

    private func economicLine(_ prefix: String) -> SourceLocation {
        firstEconomicLines[prefix] ?? firstRow("")
    }
}

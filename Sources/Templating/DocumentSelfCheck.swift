import BudgetCore
import Document

/// After the templates have run, every printed table is re-added from what its cells printed: a
/// numeric cell prints one figure and exactly its printed value, a total printed beside some of its
/// parts is printed beside all of them (nothing typed disappears), and they add up at the printed
/// precision. A failure is a bug of the format or of gongkai, never of the data.
struct DocumentSelfCheck {
    let format: String
    let sums: [FigureBook.Sum]
    let values: [NameKey: Money]
    /// The filter family whose figures were rounded under control (`万元/2`): only its gaps are
    /// errors; a figure printed coarser (整数金额) or in another unit is rounded on its own, and its
    /// gaps are warnings. Nil with independent rounding: every gap is a warning.
    let controlledFamily: String?
    /// The splits of each total, found once for all tables.
    private let sumsByTotal: [NameKey: [FigureBook.Sum]]

    init(format: String, sums: [FigureBook.Sum], values: [NameKey: Money], controlledFamily: String?) {
        self.format = format
        self.sums = sums
        self.values = values
        self.controlledFamily = controlledFamily
        self.sumsByTotal = Dictionary(grouping: sums, by: \.totalKey)
    }

    typealias Problem = SelfCheckProblem

    func problems(in document: Document) -> [Problem] {
        var found: [Problem] = []
        for case .table(let table) in document.blocks { found += problems(in: table) }
        return found
    }

    private struct Printed {
        let figure: PrintedFigure
        let row: Int
        let column: Int
    }

    /// A figure printed in one family (`万元/2`), anywhere in the table (column nil) or in one column.
    private struct Place: Hashable {
        let id: NameKey
        /// The family's place among the table's families.
        let family: Int
        /// 0: anywhere in the table.
        let column: Int
    }

    private func problems(in table: Table) -> [Problem] {
        let name = table.title ?? "（无标题）"
        var found: [Problem] = []
        let positions = CellGrid.columns(table.body)
        func problem(_ row: Int, _ column: Int, _ message: String, family: String? = nil) {
            let independent = family.map { $0 != controlledFamily } ?? false
            let cell = zip(table.body[row - 1], positions[row - 1]).first { $0.1 == column - 1 }?.0
            found.append(Problem(format: format, table: name, row: row, column: column, message: message, isWarning: independent,
                                 source: cell?.source))
        }
        var printed: [Place: Printed] = [:]
        /// The figures in the order the table prints them (so that a table always reports the same way).
        var order: [(printed: Printed, id: NameKey, family: Int)] = []
        var families: [String] = []
        for (rowIndex, row) in table.body.enumerated() {
            for (cell, column) in zip(row, positions[rowIndex]) {
                let numeric = table.columns.indices.contains(column) && table.columns[column].numeric
                if numeric, let message = textProblem(cell) { problem(rowIndex + 1, column + 1, message) }
                for figure in cell.figures {
                    let id = NameKey(figure.id)
                    let family = families.firstIndex(of: figure.family) ?? families.count
                    if family == families.count { families.append(figure.family) }
                    let here = Printed(figure: figure, row: rowIndex + 1, column: column + 1)
                    let inColumn = Place(id: id, family: family, column: column + 1)
                    if printed[inColumn] == nil { printed[inColumn] = here }
                    let anywhere = Place(id: id, family: family, column: 0)
                    if let earlier = printed[anywhere] {
                        if earlier.figure.printedFen != figure.printedFen {
                            problem(rowIndex + 1, column + 1, "\(figure.id) 印为 \(show(figure))，第 \(earlier.row) 行第 \(earlier.column) 列却印为 \(show(earlier.figure))")
                        }
                    } else {
                        printed[anywhere] = here
                        order.append((here, id, family))
                    }
                }
            }
        }
        /// The rows (`功能科目[208]`) each column shows a figure of, for totals whose column shows
        /// other fields of their parts' rows; found when first needed.
        var rowsByColumn: [Int: Set<NameKey>]?
        func rows(in column: Int) -> Set<NameKey> {
            if rowsByColumn == nil {
                var rows: [Int: Set<NameKey>] = [:]
                for (rowIndex, row) in table.body.enumerated() {
                    for (cell, column) in zip(row, positions[rowIndex]) {
                        for figure in cell.figures { rows[column + 1, default: []].insert(Self.rowName(figure.id)) }
                    }
                }
                rowsByColumn = rows
            }
            return rowsByColumn?[column] ?? []
        }
        for (shown, id, family) in order {
            guard let splits = sumsByTotal[id] else { continue }
            for kind in [FigureBook.Kind.columns, .subjects, .sources] where splits.contains(where: { $0.kind == kind }) {
                let alternatives = splits.filter { split in
                    split.kind == kind && (split.partKeys.contains { isShown($0, family: family, printed: printed, depth: 0) }
                        || kind == .subjects && showsOtherFields(of: split, in: rows(in: shown.column)))
                }
                guard !alternatives.isEmpty else { continue }
                if let message = footing(shown, alternatives, family: family, printed: printed) {
                    problem(shown.row, shown.column, message, family: shown.figure.family)
                }
            }
        }
        return found
    }

    /// A part is shown when it is printed, or some part of it is (三公.合计 over 因公出国 … without
    /// 小计): the table then claims to add up to the total and must show all of it.
    private func isShown(_ id: NameKey, family: Int, printed: [Place: Printed], depth: Int) -> Bool {
        if printed[Place(id: id, family: family, column: 0)] != nil { return true }
        guard depth < 3 else { return false }
        return (sumsByTotal[id] ?? []).contains { split in
            split.kind != .subjects && split.partKeys.contains { isShown($0, family: family, printed: printed, depth: depth + 1) }
        }
    }

    /// The column of a total shows some field of its parts' rows (`功能科目[208].基本支出` under
    /// `支出.合计`, whose parts are `功能科目[…].合计`): the rows are there, so their own field must be.
    private func showsOtherFields(of split: FigureBook.Sum, in column: Set<NameKey>) -> Bool {
        !column.isEmpty && split.parts.contains { column.contains(Self.rowName($0)) }
    }

    /// `功能科目[208].基本支出` → `功能科目[208]`: the row a figure belongs to.
    static func rowName(_ id: String) -> NameKey {
        guard let bracket = id.utf8.lastIndex(of: UInt8(ascii: "]")) else { return NameKey(id) }
        return NameKey(String(id.utf8[...bracket])!)
    }

    /// Nil when one of the splits of a printed total is printed whole and adds up to it; otherwise
    /// what is wrong with the split closest to being whole.
    private func footing(_ total: Printed, _ splits: [FigureBook.Sum], family: Int, printed: [Place: Printed]) -> String? {
        var best: (missing: [String], message: String)?
        for split in splits {
            // A subject tree is read down one column: its parts count only where the total's column shows them.
            let column = split.kind == .subjects ? total.column : 0
            let parts = split.partKeys.map { resolve($0, family: family, column: column, printed: printed, depth: 0) }
            let missing = zip(split.partKeys, parts).filter { $0.1 == nil && !(values[$0.0] ?? .zero).isZero }.map(\.0.text)
            let message: String
            if missing.isEmpty {
                let added = parts.compactMap { $0 }.reduce(0, +)
                if added == total.figure.printedFen { return nil }
                message = "\(split.total) 印为 \(show(total.figure))，而表中它的部分 \(split.parts.joined(separator: "、")) 加起来是 \(show(added, family: total.figure.family))"
            } else {
                message = "印出了 \(split.total) 和它的部分，却没有印出部分 \(missing.joined(separator: "、"))（合计不能由表中各数加得）"
            }
            if best == nil || missing.count < best!.missing.count { best = (missing, message) }
        }
        return best?.message
    }

    /// A part's printed value: printed itself, or the sum of a split of it whose parts are all printed
    /// (基本支出 shown as 人员经费 and 公用经费; a fund group shown source by source).
    /// `column` 0: anywhere in the table.
    private func resolve(_ id: NameKey, family: Int, column: Int, printed: [Place: Printed], depth: Int) -> Int64? {
        if let own = printed[Place(id: id, family: family, column: column)] { return own.figure.printedFen }
        guard depth < 3 else { return nil }
        for split in sumsByTotal[id] ?? [] where column == 0 || split.kind == .subjects {
            let parts = split.partKeys.map { part -> Int64? in
                resolve(part, family: family, column: column, printed: printed, depth: depth + 1)
                    ?? ((values[part] ?? .zero).isZero ? 0 : nil)
            }
            if parts.allSatisfy({ $0 != nil }), split.partKeys.contains(where: { printed[Place(id: $0, family: family, column: column)] != nil }) {
                return parts.compactMap { $0 }.reduce(0, +)
            }
        }
        return nil
    }

    /// A numeric cell holds at most one figure, and its text is that figure's printed value.
    private func textProblem(_ cell: Table.Cell) -> String? {
        if cell.figures.count > 1 {
            return "一个数字单元格印了 \(cell.figures.count) 个金额（\(cell.figures.map(\.id).joined(separator: "、"))），印成了“\(cell.text)”"
        }
        guard let figure = cell.figures.first else { return nil }
        let text = Self.plainNumber(cell.text)
        if text.isEmpty { return figure.printedFen == 0 ? nil : "\(figure.id) 不为零，却印成了空白" }
        guard let printed = PrintedNumber.fen(text, family: figure.family) else {
            return "\(figure.id) 所在的数字单元格只能印数字，却印成了“\(cell.text)”（单位写在表头或标题中）"
        }
        guard printed == figure.printedFen else {
            return "\(figure.id) 应印为 \(show(figure))，单元格却是“\(cell.text)”"
        }
        return nil
    }

    /// A cell's text without thousands separators and surrounding blanks (`1,020.11 ` → `1020.11`):
    /// commas out, then spaces and tabs off both ends.
    static func plainNumber(_ text: String) -> String {
        func blank(_ scalar: Unicode.Scalar) -> Bool { scalar.isSpaceOrTab }
        var scalars = text.unicodeScalars[...]
        if scalars.contains(",") {
            var plain = String.UnicodeScalarView()
            plain.append(contentsOf: scalars.lazy.filter { $0 != "," })
            scalars = plain[...]
        }
        while let first = scalars.first, blank(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, blank(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }

    private func show(_ figure: PrintedFigure) -> String { PrintedNumber.text(figure.printedFen, family: figure.family) }
    private func show(_ fen: Int64, family: String) -> String { PrintedNumber.text(fen, family: family) }
}

/// One thing the self-check found, placed by format, table, row and column, and at the template
/// text of the cell.
public struct SelfCheckProblem: Sendable, Equatable, CustomStringConvertible {
    public let format: String
    public let table: String
    public let row: Int
    public let column: Int
    public let message: String
    /// A footing gap of figures rounded on their own: reported, not fatal.
    public var isWarning = false
    /// The template text of the cell in question.
    public var source: TextSource?

    public var description: String {
        row == 0 ? "格式 \(format)，\(table)：\(message)" : "格式 \(format)，表“\(table)”第 \(row) 行第 \(column) 列：\(message)"
    }
}

/// Reads a printed amount back: the unit comes from the filter family (`万元/2`, `元/0`, `万元精确`).
enum PrintedNumber {
    static func unit(of family: String) -> AmountUnit { family.hasPrefix("万元") ? .wanYuan : .yuan }

    /// `1020.11` in 万元 → 分; nil when the text is not one plain decimal number.
    static func fen(_ text: String, family: String) -> Int64? {
        let negative = text.hasPrefix("-")
        let parts = text.dropFirst(negative ? 1 : 0).split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCII) }), let whole = Int64(parts[0]), whole >= 0 else { return nil }
        var fen = whole * unit(of: family).fenPerUnit
        if parts.count == 2 {
            var scale = unit(of: family).fenPerUnit
            for digit in parts[1] {
                guard let value = digit.wholeNumberValue, scale % 10 == 0 else { return nil }
                scale /= 10
                fen += Int64(value) * scale
            }
        }
        return negative ? -fen : fen
    }

    static func text(_ fen: Int64, family: String) -> String {
        Money(fen: fen).exactText(in: unit(of: family)) + unit(of: family).rawValue
    }
}

/// The column each written cell of a body starts in: cells spanning rows from above take places.
enum CellGrid {
    static func columns(_ rows: [[Table.Cell]]) -> [[Int]] {
        /// The columns of each row taken by cells spanning down from rows above.
        var taken: [Int: Set<Int>] = [:]
        return rows.enumerated().map { rowIndex, cells in
            var column = 0
            let above = taken.removeValue(forKey: rowIndex) ?? []
            return cells.map { cell in
                while above.contains(column) { column += 1 }
                let start = column
                if cell.rowSpan > 1 {
                    for row in (rowIndex + 1)..<(rowIndex + cell.rowSpan) {
                        taken[row, default: []].formUnion(start..<(start + max(1, cell.columnSpan)))
                    }
                }
                column += max(1, cell.columnSpan)
                return start
            }
        }
    }
}

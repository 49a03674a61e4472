import BudgetCore
import Document

/// An amount of the template data with its name (`功能科目[2101501].合计`, `三公.会议费`): what a
/// printed cell means, so the Document can check itself after the templates have run.
final class Figure: CustomStringConvertible, @unchecked Sendable {
    let id: String
    let value: Money
    /// `id` as a key.
    let key: NameKey

    init(_ id: String, _ value: Money, key: NameKey? = nil) {
        self.id = id
        self.value = value
        self.key = key ?? NameKey(id)
    }

    var description: String { value.description }
}

/// Every figure the view hands to templates, and which of them are sums of others (合计 = 各部分之和).
final class FigureBook: @unchecked Sendable {
    /// A total and one way of splitting it into parts; a total may have several (by column, by subject).
    struct Sum {
        let total: String
        let parts: [String]
        /// Splits of one kind are alternatives (收入 by group or by 财政拨款 and the rest): a table
        /// shows a total rightly when it shows one of them whole. Kinds are checked apart: a table
        /// that shows a row's columns must still show all rows of the subject tree.
        let kind: Kind
        /// `total` and `parts` as keys.
        let totalKey: NameKey
        let partKeys: [NameKey]
    }

    enum Kind: Hashable { case columns, subjects, sources }

    private(set) var values: [NameKey: Money] = Dictionary(minimumCapacity: 8192)
    private(set) var sums: [Sum] = []
    private var declared = Set<[NameKey]>()

    /// Names given two different amounts: the view would print one figure two ways (a bug of the view).
    private(set) var conflicts: [String] = []

    func figure(_ id: String, _ value: Money) -> Figure {
        let key = NameKey(id)
        if let earlier = values.updateValue(value, forKey: key), earlier != value {
            conflicts.append("\(id)：\(earlier) 与 \(value)")
        }
        return Figure(id, value, key: key)
    }

    /// Declares `total` = Σ `parts`, kept only when it holds for the view's figures (an amount typed
    /// at 类 level, a 基本支出 typed without its split, make some candidate identities untrue).
    func sum(_ total: String, of parts: [String], kind: Kind = .columns) {
        guard !parts.isEmpty else { return }
        let totalKey = NameKey(total)
        guard let whole = values[totalKey] else { return }
        var partKeys: [NameKey] = []
        partKeys.reserveCapacity(parts.count)
        var added = Money.zero
        for part in parts {
            let key = NameKey(part)
            guard let value = values[key] else { return }
            added += value
            partKeys.append(key)
        }
        // Declared once, whichever way the same identity was reached.
        guard added == whole, declared.insert([totalKey] + partKeys).inserted else { return }
        sums.append(Sum(total: total, parts: parts, kind: kind, totalKey: totalKey, partKeys: partKeys))
    }
}

/// The figures each money filter printed, cell by cell (the renderer starts and takes each cell).
final class PrintLog: @unchecked Sendable {
    private(set) var current: [PrintedFigure] = []
    private var printed = Set<NameKey>()

    /// Every figure printed anywhere in the document (tables and sentences): what reached the reader.
    var everPrinted: Set<String> { Set(printed.map(\.text)) }

    func record(_ figure: Figure, printed: Money, family: String) {
        current.append(PrintedFigure(id: figure.id, printedFen: printed.fen, family: family))
        self.printed.insert(figure.key)
    }

    /// What was printed since the last call.
    func take() -> [PrintedFigure] {
        defer { current = [] }
        return current
    }
}

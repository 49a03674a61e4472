import Budget
import BudgetCore
import Foundation
import Render

/// The totals of one department that the county summary (一览表) shows, kept in the batch manifest
/// so that a department not rendered again still has its row.
struct DepartmentFigures: Codable, Sendable {
    let name: String
    let code: String?
    let year: Int
    let total: Money
    let basic: Money
    let project: Money
    let threePublic: Money
    let officeOperation: Money
    /// 收支总计 last year, when the data gives it.
    let priorTotal: Money?

    init(_ budget: Budget) {
        name = budget.department.name
        code = budget.department.code
        year = budget.department.year
        total = budget.total
        basic = budget.totals.basic
        project = budget.totals.project
        threePublic = budget.threePublic.subtotal
        officeOperation = budget.officeOperation
        priorTotal = budget.changes.first { $0.key == "合计" }?.change.prior
    }
}

/// 一览表.csv: every department of the run with its totals and change on last year, the county's
/// totals, and the departments that failed or carry warnings: what a bureau reviews before it
/// publishes. Sorted by department code (then name). Amounts in 万元, each rounded on its own.
enum CountySummary {
    struct Row {
        let file: String
        let status: String
        let warnings: Int
        let figures: DepartmentFigures?
    }

    static let header = ["部门编码", "部门名称", "年度", "状态", "收支总计（万元）", "基本支出", "项目支出", "“三公”经费",
                         "机关运行经费", "上年收支总计", "比上年增减", "警告（条）", "数据文件"]

    /// The table's rows after the header: one per department in order, then the county's totals;
    /// the last field of each is the data file.
    static func table(_ rows: [Row]) -> [[String]] {
        let sorted = rows.sorted { order($0) < order($1) }
        var lines: [[String]] = []
        for row in sorted {
            let figures = row.figures
            // A department that failed has no figures: its file names it.
            let name = figures?.name ?? "（\((row.file as NSString).lastPathComponent)）"
            lines.append([figures?.code ?? "", name, figures.map { String($0.year) } ?? "", status(row),
                          amount(figures?.total), amount(figures?.basic), amount(figures?.project), amount(figures?.threePublic),
                          amount(figures?.officeOperation), amount(figures?.priorTotal),
                          amount(figures?.priorTotal.flatMap { prior in figures.map { $0.total - prior } }),
                          String(row.warnings), row.file])
        }
        let counted = sorted.compactMap(\.figures)
        func sum(_ value: (DepartmentFigures) -> Money) -> String { amount(counted.reduce(Money.zero) { $0 + value($1) }) }
        lines.append(["", "合计（\(counted.count) 个部门）", "", "", sum(\.total), sum(\.basic), sum(\.project), sum(\.threePublic),
                      sum(\.officeOperation), "", "", String(sorted.reduce(0) { $0 + $1.warnings }), ""])
        return lines
    }

    static func csv(_ rows: [Row]) -> String {
        let lines = [header] + table(rows)
        // A byte-order mark: spreadsheet programs then read the Chinese as UTF-8.
        return "\u{FEFF}" + lines.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private static func order(_ row: Row) -> String {
        "\(row.figures?.code ?? "~")\u{0}\(row.figures?.name ?? "")\u{0}\(row.file)"
    }

    private static func status(_ row: Row) -> String {
        switch row.status {
        case "failed": return "失败"
        case "unchanged": return row.warnings > 0 ? "成功（未变），有警告" : "成功（未变）"
        default: return row.warnings > 0 ? "成功，有警告" : "成功"
        }
    }

    private static func amount(_ money: Money?) -> String {
        money.map { $0.formatted(in: .wanYuan, decimals: 2) } ?? ""
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Writes 一览表.csv and 一览表.pdf (a shard's: 一览表-i-of-n.*); returns the CSV's path.
    static func write(_ rows: [Row], county: String, fonts: FontLibrary, to directory: String, shard: Shard?) throws -> String {
        let name = shard.map { "一览表-\($0.index)-of-\($0.count)" } ?? "一览表"
        let path = (directory as NSString).appendingPathComponent(name + ".csv")
        try Data(csv(rows).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        try CountySummaryDocument.write(rows, county: county, fonts: fonts,
                                        to: (directory as NSString).appendingPathComponent(name + ".pdf"))
        return path
    }
}

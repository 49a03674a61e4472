import BudgetCore
import BudgetInput

/// Last year's figures are checked like this year's: parts add up to their totals and income
/// equals expenditure. A comparison drawn from figures that contradict each other would print a
/// change sentence that cannot be true, so a contradiction is an error at the prior data's line.
///
/// Figures derived from last year's file agree by construction (that file's own errors are
/// reported at its lines), so a relation is only checked when one of its terms is typed inline.
struct PriorYearConsistency {
    /// Last year's figures: derived from its file, with the inline ones over them.
    let figures: FigureSet<Money>
    /// The inline ones, with their places.
    let stated: FigureSet<Located<Money>>
    let unit: AmountUnit
    /// Whether this year has 经营支出 and the like, which 上年 cannot state: then 基本 + 项目 may
    /// fall short of 合计.
    let hasOtherColumns: Bool
    private(set) var diagnostics: [Diagnostic] = []

    init(figures: FigureSet<Money>, stated: FigureSet<Located<Money>>, unit: AmountUnit, hasOtherColumns: Bool) {
        self.figures = figures
        self.stated = stated
        self.unit = unit
        self.hasOtherColumns = hasOtherColumns
    }

    static func check(figures: FigureSet<Money>, stated: FigureSet<Located<Money>>, unit: AmountUnit,
                      hasOtherColumns: Bool) -> [Diagnostic] {
        var checker = PriorYearConsistency(figures: figures, stated: stated, unit: unit, hasOtherColumns: hasOtherColumns)
        checker.basicSplit()
        checker.basicAndProject()
        checker.incomeAgainstExpenditure()
        checker.subjectTree(figures.functional, stated: stated.functional, label: "科目")
        checker.subjectTree(figures.economic, stated: stated.economic, label: "经济科目")
        checker.subjectTree(figures.governmentEconomic, stated: stated.governmentEconomic, label: "政府经济科目")
        checker.threePublic()
        checker.officeOperation()
        return checker.diagnostics
    }

    private func show(_ money: Money) -> String { money.exactText(in: unit) + unit.rawValue }

    /// Reports when a typed term is involved: at the whole when it is typed, else at the first typed part.
    private mutating func report(_ message: String, whole: Located<Money>?, parts: [Located<Money>?]) {
        let typedParts = parts.compactMap { $0 }.map(\.location).sorted()
        guard let place = whole?.location ?? typedParts.first else { return }
        diagnostics.append(.error("prior.sum", message, at: place))
    }

    /// 人员经费 + 公用经费 = 基本支出.
    mutating func basicSplit() {
        guard let personnel = figures.personnel, let publicUse = figures.publicUse, let basic = figures.basic,
              personnel + publicUse != basic else { return }
        report("上年人员经费 \(show(personnel)) 与公用经费 \(show(publicUse)) 之和 \(show(personnel + publicUse)) 不等于上年基本支出 \(show(basic))",
               whole: stated.basic, parts: [stated.personnel, stated.publicUse])
    }

    /// 基本支出 + 项目支出 = 收支总计 (at most, when this year has other kinds of spending).
    mutating func basicAndProject() {
        guard let basic = figures.basic, let project = figures.project, let total = figures.total else { return }
        let sum = basic + project
        guard hasOtherColumns ? sum > total : sum != total else { return }
        report("上年基本支出 \(show(basic)) 与项目支出 \(show(project)) 之和 \(show(sum)) \(sum > total ? "多于" : "不等于")上年收支总计 \(show(total))",
               whole: stated.total, parts: [stated.basic, stated.project])
    }

    /// Income by source adds up to the expenditure total: 上年 收入 lists all of last year's income.
    mutating func incomeAgainstExpenditure() {
        guard !figures.income.isEmpty, let total = figures.total else { return }
        let income = figures.income.values.sum()
        guard income != total else { return }
        let listing = FundSource.allCases.compactMap { source in figures.income[source].map { "\(source.rawValue) \(show($0))" } }
        let expenditure: String
        if stated.total != nil || figures.basic == nil || figures.project == nil {
            expenditure = "上年收支总计 \(show(total))"
        } else {
            expenditure = "上年支出合计 \(show(total))（基本支出 \(show(figures.basic!)) + 项目支出 \(show(figures.project!))）"
        }
        report("上年收入合计 \(show(income))（\(listing.joined(separator: "、"))）不等于\(expenditure)：上年的收入与支出应相等",
               whole: nil, parts: Array(stated.income.values) + [stated.total, stated.basic, stated.project])
    }

    /// Subjects given at several levels: the 款 under a 类 (the 项 under a 款) cannot add up to more
    /// than it, nor the 类 to more than the total. (A list may leave subjects out, so less is allowed.)
    mutating func subjectTree(_ amounts: [String: Money], stated typed: [String: Located<Money>], label: String) {
        for (parent, amount) in amounts.sorted(by: { $0.key < $1.key }) {
            let children = amounts.filter { $0.key.count == parent.count + 2 && $0.key.hasPrefix(parent) }
            let sum = children.values.sum()
            guard sum > amount else { continue }
            report("上年\(label) \(parent) 的下级科目（\(children.keys.sorted().joined(separator: "、"))）之和 \(show(sum)) 多于它的 \(show(amount))",
                   whole: typed[parent], parts: children.keys.sorted().map { typed[$0] })
        }
        guard let total = figures.total else { return }
        let categories = amounts.filter { $0.key.count == 3 }
        let sum = categories.values.sum()
        guard sum > total else { return }
        report("上年各类\(label)之和 \(show(sum)) 多于上年收支总计 \(show(total))",
               whole: stated.total, parts: categories.keys.sorted().map { typed[$0] })
    }

    /// The “三公” items add up to the “三公” total (at most, while some items are not given).
    mutating func threePublic() {
        guard let total = figures.threePublicTotal else { return }
        let items = ThreePublicItem.allCases.filter(\.isThreePublic)
        let given = items.compactMap { figures.threePublic[$0] }
        let sum = given.sum()
        guard given.count == items.count ? sum != total : sum > total else { return }
        report("上年“三公”经费各项之和 \(show(sum)) 不等于上年“三公”经费 \(show(total))",
               whole: stated.threePublicTotal, parts: items.map { stated.threePublic[$0] })
    }

    /// 机关运行经费 is part of 公用经费.
    mutating func officeOperation() {
        guard let office = figures.officeOperation, let publicUse = figures.publicUse, office > publicUse else { return }
        report("上年机关运行经费 \(show(office)) 多于上年公用经费 \(show(publicUse))：机关运行经费是行政单位和参公事业单位的公用经费",
               whole: stated.officeOperation, parts: [stated.publicUse])
    }
}

import Budget
import BudgetCore
import Yams

/// 金额 in format.yaml: the unit and decimals the money filters print (`金额: {单位: 万元, 小数: 2}`).
/// Absent, a format prints in the data's unit with two decimals. Stage 2's controlled rounding
/// rounds to this precision (DocumentBuild asks the format before deriving), so that every table
/// foots as printed (docs/rounding.md).
struct AmountStyle: Sendable {
    /// Nil: the data's unit.
    var unit: AmountUnit?
    var decimals: Int = 2
    /// Where 金额 is written, for the error when the budget was rounded to another precision.
    var source: TemplateSource?

    init() {}

    init(node: Node, yaml: TemplateYAML) throws {
        let f = try yaml.fields(node, "金额", allowed: ["单位", "小数"])
        source = yaml.source(node)
        if let unitNode = f["单位"] {
            let name = try yaml.string(unitNode, "金额.单位")
            guard let unit = AmountUnit(rawValue: name) else {
                throw yaml.error(unitNode, "金额单位“\(name)”应为 \(AmountUnit.allCases.map(\.rawValue).joined(separator: " 或 "))")
            }
            self.unit = unit
        }
        // Finer than two decimals would be finer than 1 分 in a 元 document: nothing to round to.
        if let decimalsNode = f["小数"] {
            guard let decimals = Int(try yaml.string(decimalsNode, "金额.小数")), (0...2).contains(decimals) else {
                throw yaml.error(decimalsNode, "金额.小数应为 0、1 或 2")
            }
            self.decimals = decimals
        }
    }

    /// The precision to print a budget whose data is in `dataUnit` at.
    func precision(dataUnit: AmountUnit) -> PrintPrecision {
        PrintPrecision(unit: unit ?? dataUnit, decimals: decimals)
    }
}

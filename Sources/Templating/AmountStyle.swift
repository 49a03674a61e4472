import BudgetCore
import Yams

/// 金额 in format.yaml: the unit and decimals the money filters print (`金额: {单位: 万元, 小数: 2}`).
/// Absent, a format prints in the data's unit with two decimals, the precision stage 2's
/// controlled rounding makes every table foot at (docs/rounding.md).
struct AmountStyle {
    /// Nil: the data's unit.
    var unit: AmountUnit?
    var decimals: Int = 2
    /// Where 单位 is written, for the error when the data is in another unit.
    var unitSource: TemplateSource?

    init() {}

    init(node: Node, yaml: TemplateYAML) throws {
        let f = try yaml.fields(node, "金额", allowed: ["单位", "小数"])
        if let unitNode = f["单位"] {
            let name = try yaml.string(unitNode, "金额.单位")
            guard let unit = AmountUnit(rawValue: name) else {
                throw yaml.error(unitNode, "金额单位“\(name)”应为 \(AmountUnit.allCases.map(\.rawValue).joined(separator: " 或 "))")
            }
            self.unit = unit
            self.unitSource = yaml.source(unitNode)
        }
        if let decimalsNode = f["小数"] {
            guard let decimals = Int(try yaml.string(decimalsNode, "金额.小数")), (0...2).contains(decimals) else {
                throw yaml.error(decimalsNode, "金额.小数应为 0、1 或 2（印出的位数不能比受控舍入的两位小数更细）")
            }
            self.decimals = decimals
        }
    }

    /// The unit to print a budget's amounts in. Stage 2 rounded the figures in the data's unit,
    /// so that every table foots there; printing them in another unit would round them again, on
    /// their own, and the tables would no longer foot. Until the rounding follows the format, a
    /// format in another unit than the data's is refused, saying which way to convert.
    func printUnit(for dataUnit: AmountUnit, format: String) throws -> AmountUnit {
        guard let unit, unit != dataUnit else { return dataUnit }
        throw (unitSource ?? TemplateSource(file: "Templates/\(format)/format.yaml", line: 1, column: 1)).error(
            "格式“\(format)”以\(unit.rawValue)印金额（金额.单位），数据的金额单位是\(dataUnit.rawValue)：受控舍入按数据的单位进行，不能另行换算；请把数据换算为\(unit.rawValue)，或改用以\(dataUnit.rawValue)印金额的格式")
    }
}

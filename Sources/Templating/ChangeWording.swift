import BudgetCore
import Yams

/// 增减说法 in format.yaml: how the 增减 filter words a change against last year. Each direction
/// is a template text with 额 (the change, printed like 金额), 单位 and 百分比; provinces word the
/// same change differently (Xinjiang prints an unchanged figure as “增加0.00万元，增长0.00%”).
struct ChangeWording: Sendable {
    /// The names a wording may use.
    static let names: Set<String> = ["额", "单位", "百分比"]

    private(set) var texts: [YearOverYearChange.Direction: TextSpec]

    /// YearOverYearChange.phrase's wording, which the diagnostics of stage 2 keep using.
    static let standard = ChangeWording(texts: [
        .increase: builtIn("增加{{额}}{{单位}}，增长{{百分比}}"),
        .decrease: builtIn("减少{{额}}{{单位}}，下降{{百分比}}"),
        .unchanged: builtIn("持平"),
    ])

    private static func builtIn(_ text: String) -> TextSpec {
        TextSpec(text: text, source: TemplateSource(file: "（默认增减说法）", line: 1, column: 1))
    }

    private init(texts: [YearOverYearChange.Direction: TextSpec]) { self.texts = texts }

    /// `增减说法: {增加: "…", 减少: "…", 持平: "…"}`; a direction left out keeps its default.
    /// Names other than 额, 单位, 百分比 are errors here, at their line, not when a change is printed.
    init(node: Node, yaml: TemplateYAML) throws {
        let f = try yaml.fields(node, "增减说法", allowed: ["增加", "减少", "持平"])
        var texts = ChangeWording.standard.texts
        for direction in [YearOverYearChange.Direction.increase, .decrease, .unchanged] {
            guard let value = f[direction.rawValue] else { continue }
            let text = TextSpec(text: try yaml.string(value, "增减说法.\(direction.rawValue)"), source: yaml.source(value))
            if let unknown = text.compiled.firstUnknownName(among: Self.names) {
                throw text.source.error("增减说法中没有“\(unknown.name)”（可用：额、单位、百分比）", lineOffset: unknown.line - 1)
            }
            texts[direction] = text
        }
        self.texts = texts
    }

    /// The wording of `change`, its amount printed in `unit` with `decimals` decimals. A new item
    /// grows by 100.00%, and an unchanged one by 0.00%, as the published documents print them.
    func phrase(_ change: YearOverYearChange, unit: AmountUnit, decimals: Int) throws -> String {
        let text = texts[change.direction] ?? ChangeWording.standard.texts[change.direction]!
        let share = change.percent ?? (change.direction == .unchanged ? Percent(basisPoints: 0) : .hundred)
        let scope = TemplateScope(["额": .text(change.delta.magnitude.formatted(in: unit, decimals: decimals)),
                                   "单位": .text(unit.rawValue), "百分比": .text(share.description)])
        do {
            return try text.compiled.render(scope, .plain)
        } catch let error as TemplateError {
            throw text.source.error("增减说法：\(error.message)")
        }
    }
}

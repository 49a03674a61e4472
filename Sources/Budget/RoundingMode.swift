/// How figures finer than the print are rounded (舍入).
public enum RoundingMode: String, Sendable, CaseIterable, Codable {
    /// 受控: the printed Budget is derived from rounded leaves, so every printed table foots and
    /// every figure prints one way; a figure may then differ from its own rounding by a few 0.01.
    case controlled = "受控"
    /// 独立: every figure rounded on its own; printed totals may then miss their parts by 0.01.
    case independent = "独立"
}

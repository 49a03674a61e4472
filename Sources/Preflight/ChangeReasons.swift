import Budget
import BudgetCore

/// 增减原因 as the chosen format prints them: a change without its reason is worth a warning only
/// where the format prints a reason (the templates read it), at the place the reason goes and
/// naming its key; a reason that says the opposite of the figure is a contradiction in print.
enum ChangeReasons {
    static func diagnostics(budget: Budget, format: String, reasonsRead: Set<String>) -> [Diagnostic] {
        let unit = budget.department.unit
        return budget.changes.filter { reasonsRead.contains($0.key) }.compactMap { comparison in
            let direction = comparison.change.direction
            guard direction != .unchanged else { return nil }
            if let reason = comparison.reason {
                guard let says = saidDirection(reason), says != direction else { return nil }
                return .warning("change.reason-direction",
                                "\(comparison.label)比上年\(comparison.change.phrase(unit: unit))，增减原因却说“\(excerpt(reason))”（\(says.rawValue)）",
                                at: comparison.reasonLocation)
            }
            guard comparison.requiresReason else { return nil }
            let path = comparison.reasonPath
            return Diagnostic.warning("change.no-reason",
                                      "\(comparison.label)比上年\(comparison.change.phrase(unit: unit))，格式“\(format)”印出增减原因，但没有写“\(path)”",
                                      at: comparison.fixLocation)
                .hinting(comparison.reasonsTyped ? "在“增减原因”下写 \(yaml(path))" : "加上 增减原因: {\(yaml(path))}")
        }
    }

    /// The direction a reason's wording states, when it states only one.
    static func saidDirection(_ reason: String) -> YearOverYearChange.Direction? {
        let up = ["增加", "增长", "提高", "上升", "新增"].contains { reason.contains($0) }
        let down = ["减少", "下降", "降低", "压减", "压缩", "缩减", "削减"].contains { reason.contains($0) }
        switch (up, down) {
        case (true, false): return .increase
        case (false, true): return .decrease
        default: return nil
        }
    }

    /// `增减原因.科目.2101501` as the YAML to add under 增减原因: `科目: {2101501: …}`.
    static func yaml(_ path: String) -> String {
        let parts = path.split(separator: ".").dropFirst().map(String.init)
        var text = "\(parts.last ?? ""): …"
        for part in parts.dropLast().reversed() { text = "\(part): {\(text)}" }
        return text
    }

    private static func excerpt(_ text: String) -> String { text.count > 24 ? String(text.prefix(24)) + "…" : text }
}

import BudgetCore

/// One wrong leaf makes every total above it disagree by the same amount: the department's 合计,
/// the 基本支出 against the economic table, each 核对数. Those errors are folded into the one closest
/// to the leaf, as notes with their places, so the first error a user reads is the one to fix and
/// no figure derived after a failure stands as an error of its own.
enum RootCauses {
    /// How close a rule's finding is to a typed leaf: lower is closer.
    static func distance(_ rule: String) -> Int? {
        switch rule {
        case "row.basic-split", "economic.personnel-under-public", "economic.public-under-personnel", "economic.functional-match", "economic.functional-at-most", "economic.economic-at-most",
             "three-public.vehicle-operation", "three-public.vehicle-purchase", "three-public.meetings", "three-public.training":
            return 0
        case "economic.basic-total", "economic.personnel":
            return 1
        case "stated.mismatch":
            return 2
        // Compared against the derived total: moved by whatever moved the total.
        case "performance.task-total":
            return 3
        default:
            return nil
        }
    }

    /// Warnings that can be the cause of errors.
    static let misplacedLines: Set = ["economic.personnel-under-public", "economic.public-under-personnel"]

    static func fold(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        // Errors that disagree by the same amount, in the order they were found.
        var groups: [Money: [Int]] = [:]
        for (index, diagnostic) in diagnostics.enumerated() {
            // A line under the wrong heading is a warning alone, and the cause when the 核对数 of
            // 人员经费 and 公用经费 then disagree by its amount.
            guard diagnostic.severity == .error || misplacedLines.contains(diagnostic.rule),
                  let difference = diagnostic.difference, !difference.isZero, distance(diagnostic.rule) != nil else { continue }
            groups[abs(difference), default: []].append(index)
        }
        var folded: [Int: Diagnostic] = [:]
        var absorbed: Set<Int> = []
        for members in groups.values where members.count > 1 {
            let root = members.min { (distance(diagnostics[$0].rule)!, $0) < (distance(diagnostics[$1].rule)!, $1) }!
            let others = members.filter { $0 != root }
            // Only totals fold into a finding closer to the leaves, never two leaf findings together.
            let knockOn = others.filter { distance(diagnostics[$0].rule)! > distance(diagnostics[root].rule)! }
            guard !knockOn.isEmpty else { continue }
            // Whatever it absorbs is an error, so the finding that explains it is one too.
            var diagnostic = diagnostics[root].asError()
            // 核对数 of totals and subjects are compared with what the functional rows add up to (a
            // 核对数 of an economic code would speak for the other side).
            let statedToo = knockOn.contains {
                diagnostics[$0].rule == "stated.mismatch" && !diagnostics[$0].message.hasPrefix("核对数“经济科目")
                    && !diagnostics[$0].message.hasPrefix("核对数“政府经济科目")
            }
            // The totals derived from the rows disagree with the 核对数 as the pair does, the economic
            // table agrees with them: the one functional row of the pair is where the fix goes.
            if statedToo, diagnostic.rule == "economic.functional-match", let row = diagnostic.notes.onlyFunctionalRow {
                diagnostic = diagnostic.moved(to: row.location, leaving: "对应的经济科目（与核对数一致）")
                    .hinting("经济分类与核对数一致，而由这一行算得的合计与核对数相差同样的数：多半是这一行写错了")
            }
            for index in knockOn {
                diagnostic = diagnostic.noting("因此：\(diagnostics[index].message)", at: diagnostics[index].location)
                // What the absorbed finding pointed at (the rows behind a subject's 核对数) stays in view.
                diagnostic = diagnostic.noting(diagnostics[index].notes.filter { $0.location != nil })
            }
            if misplacedLines.contains(diagnostic.rule) {
                let heading = diagnostic.rule == "economic.personnel-under-public" ? "人员经费" : "公用经费"
                diagnostic = diagnostic.hinting("把这一行移到“基本支出经济分类”的“\(heading)”下")
            } else if diagnostic.hint == nil, statedToo, diagnostic.rule.hasPrefix("economic.") {
                // The totals derived from the functional rows are what disagree with the 核对数; the
                // economic table agrees with them: the functional side is the likelier slip.
                diagnostic = diagnostic.hinting(diagnostic.rule == "economic.basic-total"
                    ? "由支出算得的合计与核对数相差同样的数，而经济分类与核对数一致：多半是支出中某一行的基本支出写错了"
                    : "由支出算得的合计与核对数相差同样的数，而经济分类与核对数一致：多半是支出中功能科目那一行写错了")
            }
            folded[root] = diagnostic
            absorbed.formUnion(knockOn)
        }
        return diagnostics.indices.compactMap { index in
            absorbed.contains(index) ? nil : folded[index] ?? diagnostics[index]
        }
    }

    private static func abs(_ money: Money) -> Money { money.isNegative ? .zero - money : money }
}

private extension Array where Element == Diagnostic.Note {
    /// The note naming a functional row, when there is exactly one.
    var onlyFunctionalRow: Diagnostic.Note? {
        let rows = filter { $0.message.hasPrefix("功能科目 ") && $0.location != nil }
        return rows.count == 1 ? rows[0] : nil
    }
}

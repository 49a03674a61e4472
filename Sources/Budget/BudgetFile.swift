import BudgetCore
import BudgetInput
import Catalog
import Foundation

/// Stages 1 and 2 together for one file: what `check`, `inspect` and `render` start from.
public enum BudgetFile {
    /// Both stages' outcome together with stage 1's own: the typed input says where things were
    /// written, and its texts are what the characters are checked on (can a font print them?).
    public struct Outcome: Sendable {
        public let derived: BudgetDeriver.Outcome
        public let loaded: InputLoader.Outcome

        public var budget: Budget? { derived.budget }
        public var diagnostics: [Diagnostic] { derived.diagnostics }
    }

    /// Reads and derives `path`; diagnostics of both stages in source order.
    public static func derive(_ path: String, catalog: SubjectCatalog = .standard) -> BudgetDeriver.Outcome {
        read(path, catalog: catalog).derived
    }

    /// The same, keeping what stage 1 read. `precision` gives the printed precision for the
    /// typed input (the format its `格式` names prints at; nil: the data's unit, two decimals).
    public static func read(_ path: String, catalog: SubjectCatalog = .standard, rounding: RoundingMode = .controlled,
                            priorYear: PriorYearScope = .dataFolder, defaults: InputDefaults = .none,
                            precision: (BudgetInput) -> PrintPrecision? = { _ in nil }) -> Outcome {
        let loaded = InputLoader.load(path: path, priorYear: priorYear, defaults: defaults)
        return Outcome(derived: combine(loaded, catalog: catalog, rounding: rounding, precision: precision), loaded: loaded)
    }

    /// The same from bytes (tests and the fuzzer); `上年` files are not read.
    public static func derive(data: Data, path: String, catalog: SubjectCatalog = .standard) -> BudgetDeriver.Outcome {
        combine(InputLoader.load(data: data, path: path, readingPriorYear: false), catalog: catalog)
    }

    private static func combine(_ loaded: InputLoader.Outcome, catalog: SubjectCatalog, rounding: RoundingMode = .controlled,
                                precision: (BudgetInput) -> PrintPrecision? = { _ in nil }) -> BudgetDeriver.Outcome {
        // A draft from `gongkai new` with items still 待填: those are what to fix; anything derived
        // from the amounts typed so far would only restate that others are missing.
        guard let input = loaded.input, !loaded.diagnostics.contains(where: { $0.rule == "input.unfilled" }) else {
            return BudgetDeriver.Outcome(budget: nil, diagnostics: loaded.diagnostics.sortedBySource())
        }
        // With errors in the file, only the checks local to one row or project run: sums over
        // parts that could not be read would only repeat the same errors in other words.
        let complete = !loaded.diagnostics.hasErrors
        let derived = BudgetDeriver.derive(input, catalog: catalog, localChecksOnly: !complete, rounding: rounding,
                                           precision: precision(input))
        // The file's own errors (a misspelt key, an amount that is not one) come first: what the
        // row and project checks then say about the same records follows from them.
        let diagnostics = complete ? (loaded.diagnostics + derived.diagnostics).sortedBySource()
            : loaded.diagnostics.sortedBySource() + derived.diagnostics.sortedBySource()
        return BudgetDeriver.Outcome(budget: complete ? derived.budget : nil, diagnostics: diagnostics)
    }
}

import Budget
import Foundation

/// Feeds arbitrary bytes through parse → derive → check (and on through templates, layout and PDF
/// with GONGKAI_FUZZ_PIPELINE=1). Every input must end in a budget or in diagnostics with a
/// position; a crash, a hang or a sanitizer report is a bug.
enum FuzzEntry {
    static func run(_ data: Data) {
        let outcome = BudgetFile.derive(data: data, path: "fuzz.yaml")
        for diagnostic in outcome.diagnostics {
            // Every diagnostic names a place and says something.
            precondition(!diagnostic.message.isEmpty)
            _ = diagnostic.description
        }
        if let budget = outcome.budget {
            _ = try? BudgetJSON.encode(budget)
            _ = BudgetSummary.text(budget)
            if FuzzPipeline.enabled { FuzzPipeline.run(budget) }
        }
    }
}

#if FUZZING
/// libFuzzer's entry point (built with `--sanitize=fuzzer` by Fuzz/run.sh).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzEntry.run(Data(bytes: bytes, count: count))
    return 0
}
#else
/// Without libFuzzer: replays the files named on the command line (crash reproducers, the corpus).
@main
struct FuzzReplay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            FuzzEntry.run(data)
        }
    }
}
#endif

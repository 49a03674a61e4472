import ArgumentParser

/// `--shard i/n`: part i of n of a province-wide run (Kubernetes Indexed Jobs, Slurm job arrays).
/// A department belongs to the part its path under the county folder hashes to: every department
/// is in exactly one part, the same on every machine, and adding a department moves no other.
struct Shard: ExpressibleByArgument, Sendable {
    /// 1-based, as people and array indices count (`JOB_COMPLETION_INDEX` + 1, `SLURM_ARRAY_TASK_ID`).
    let index: Int
    let count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]),
              count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    static var defaultCompletionKind: CompletionKind { .default }

    /// Whether the department at `relativePath` is this part's.
    func contains(_ relativePath: String) -> Bool {
        Int(ContentHash.of(relativePath) % UInt64(count)) == index - 1
    }
}

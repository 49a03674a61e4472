import Foundation

/// Runs jobs 0..<count on `workers` threads, each worker with a state of its own (fonts and a
/// shaper: FreeType and HarfBuzz objects are never shared between threads), and hands each result
/// to `emit` in job order on whichever thread completes the run of jobs before it: the messages of
/// several files read the same serial or parallel.
enum OrderedWork {
    /// Results not yet emitted wait here; `emit` runs under the lock, so output never interleaves.
    private final class Outbox<Result: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var waiting: [Int: Result] = [:]
        private var next = 0
        private var claimed = 0
        let count: Int
        private let emit: (Result) -> Void

        init(count: Int, emit: @escaping (Result) -> Void) {
            self.count = count
            self.emit = emit
        }

        /// The next job nobody has taken, or nil when all are taken.
        func claim() -> Int? {
            lock.withLock {
                guard claimed < count else { return nil }
                defer { claimed += 1 }
                return claimed
            }
        }

        func deliver(_ result: Result, of job: Int) {
            lock.withLock {
                waiting[job] = result
                while let ready = waiting.removeValue(forKey: next) {
                    emit(ready)
                    next += 1
                }
            }
        }

        var allEmitted: Bool { lock.withLock { next == count } }
    }

    /// Returns false when no worker could make its state (every `makeState` threw); the first
    /// such error is then in `stateError`.
    static func run<State, Result: Sendable>(
        count: Int, workers: Int,
        makeState: @Sendable () throws -> State,
        job: @Sendable (inout State, Int) -> Result,
        emit: @escaping (Result) -> Void
    ) -> (completed: Bool, stateError: Error?) {
        let outbox = Outbox(count: count, emit: emit)
        let errors = ErrorBox()
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, count))) { _ in
            var state: State
            do { state = try makeState() } catch { errors.keep(error); return }
            while let index = outbox.claim() {
                outbox.deliver(job(&state, index), of: index)
            }
        }
        return (outbox.allEmitted, errors.first)
    }

    private final class ErrorBox: @unchecked Sendable {
        private let lock = NSLock()
        private var error: Error?
        func keep(_ error: Error) { lock.withLock { if self.error == nil { self.error = error } } }
        var first: Error? { lock.withLock { error } }
    }
}

import Foundation

/// Wall-clock time per stage, for `render --timing` (where the time goes). Not CPU time: a stage
/// may use several threads (fonts are subset in parallel), and waiting is time the user waits too.
struct StageClock {
    let enabled: Bool
    private var last = StageClock.now()
    private var laps: [(String, Double)] = []

    init(enabled: Bool) { self.enabled = enabled }

    mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = StageClock.now()
        laps.append((stage, now - last))
        last = now
    }

    /// The line `--timing` prints for `file`, or nil when timing is off.
    func report(_ file: String) -> String? {
        guard enabled else { return nil }
        let parts = laps.map { "\($0.0) \(String(format: "%.1f", $0.1 * 1000)) ms" }
        return "\(file)：" + parts.joined(separator: "，")
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

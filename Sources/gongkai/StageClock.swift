import Foundation

/// Process CPU time per stage, for `render --timing` (where the time goes).
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

    func report(_ file: String) {
        guard enabled else { return }
        let parts = laps.map { "\($0.0) \(String(format: "%.1f", $0.1 * 1000)) ms" }
        Console.note("\(file)：" + parts.joined(separator: "，"))
    }

    static func now() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}

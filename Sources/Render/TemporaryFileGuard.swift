import Foundation

/// Removes the temporary files being written if the process is interrupted (SIGINT, SIGTERM), so that
/// Ctrl-C leaves no `.OUT.pdf.PID-XXXX.tmp` behind, also when several documents are written at once.
/// The handler may only do async-signal-safe work, so each path lives in a fixed C buffer (a slot)
/// and the handler calls unlink and _exit alone.
enum TemporaryFileGuard {
    /// More documents than this written at once leave the extra temporaries unguarded (the next
    /// render to the same target still removes them).
    static let slotCount = 64
    private static let capacity = 4096
    nonisolated(unsafe) private static let paths: UnsafeMutablePointer<CChar> = {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * capacity)
        buffer.initialize(repeating: 0, count: slotCount * capacity)
        return buffer
    }()
    nonisolated(unsafe) private static var taken = [Bool](repeating: false, count: slotCount)
    nonisolated(unsafe) private static var installed = false
    private static let lock = NSLock()

    /// From now until `clear(slot)`, an interrupt removes `file`. Returns the slot, or nil when all
    /// are in use.
    static func watch(_ file: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        install()
        guard let slot = taken.firstIndex(of: false) else { return nil }
        taken[slot] = true
        let path = paths + slot * capacity
        // The first byte last: while the rest is copied, the handler sees an empty path, never half of one.
        let bytes = Array(file.utf8CString.prefix(capacity - 1))
        path[0] = 0
        for (index, byte) in bytes.enumerated().dropFirst() { path[index] = byte }
        path[bytes.count] = 0
        path[0] = bytes.first ?? 0
        return slot
    }

    static func clear(_ slot: Int?) {
        guard let slot else { return }
        lock.lock()
        defer { lock.unlock() }
        paths[slot * capacity] = 0
        taken[slot] = false
    }

    private static func install() {
        guard !installed else { return }
        installed = true
        for signal in [SIGINT, SIGTERM] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                for slot in 0..<TemporaryFileGuard.slotCount {
                    let path = TemporaryFileGuard.paths + slot * TemporaryFileGuard.capacity
                    if path[0] != 0 { unlink(path) }
                }
                _exit(128 + number)
            }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }
}

extension FileReplacement {
    /// Temporaries of `target` left by processes that no longer run (killed with SIGKILL, a power
    /// cut): the next write to the same target removes them.
    static func removeStaleTemporaries(of target: URL) {
        let directory = target.deletingLastPathComponent()
        let prefix = ".\(target.lastPathComponent)."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let middle = name.dropFirst(prefix.count).dropLast(4)
            guard let dash = middle.firstIndex(of: "-"), let pid = Int32(middle[..<dash]), pid > 0 else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH { unlink(directory.appendingPathComponent(name).path) }
        }
    }
}

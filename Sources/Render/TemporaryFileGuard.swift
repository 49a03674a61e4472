import Foundation

/// Removes the temporary file being written if the process is interrupted (SIGINT, SIGTERM), so that
/// Ctrl-C leaves no `.OUT.pdf.PID-XXXX.tmp` behind. The handler may only do async-signal-safe work,
/// so the path lives in a fixed C buffer and the handler calls unlink and _exit alone.
enum TemporaryFileGuard {
    private static let capacity = 4096
    nonisolated(unsafe) private static let path: UnsafeMutablePointer<CChar> = {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        buffer.initialize(repeating: 0, count: capacity)
        return buffer
    }()
    nonisolated(unsafe) private static var installed = false

    /// From now until `clear`, an interrupt removes `file`.
    static func watch(_ file: String) {
        install()
        // The first byte last: while the rest is copied, the handler sees an empty path, never half of one.
        let bytes = Array(file.utf8CString.prefix(capacity - 1))
        path[0] = 0
        for (index, byte) in bytes.enumerated().dropFirst() { path[index] = byte }
        path[bytes.count] = 0
        path[0] = bytes.first ?? 0
    }

    static func clear() { path[0] = 0 }

    private static func install() {
        guard !installed else { return }
        installed = true
        for signal in [SIGINT, SIGTERM] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                if TemporaryFileGuard.path[0] != 0 { unlink(TemporaryFileGuard.path) }
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

import Foundation

/// A file written beside its target under a temporary name and renamed over the target only when
/// complete: a failed render never destroys the previous good file. Use from one thread.
final class FileReplacement {
    let target: URL
    let temporary: URL
    /// Where TemporaryFileGuard keeps the temporary's path for an interrupt.
    private var guardSlot: Int?

    init(target: URL) {
        self.target = target
        Self.removeStaleTemporaries(of: target)
        // Same directory as the target, so the rename is atomic (one file system).
        let name = ".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8)).tmp"
        temporary = target.deletingLastPathComponent().appendingPathComponent(name)
        guardSlot = TemporaryFileGuard.watch(temporary.path)
    }

    /// Moves the finished temporary file over the target.
    func commit() throws {
        defer { release() }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw RenderError("无法写入 \(target.path)：\(reason)")
        }
    }

    /// Removes the temporary file after a failure.
    func discard() {
        unlink(temporary.path)
        release()
    }

    /// Gives the guard's slot back, once: another thread may take it the moment it is free.
    private func release() {
        TemporaryFileGuard.clear(guardSlot)
        guardSlot = nil
    }
}

import Foundation

/// A file written beside its target under a temporary name and renamed over the target only when
/// complete: a failed render never destroys the previous good file.
struct FileReplacement {
    let target: URL
    let temporary: URL

    init(target: URL) {
        self.target = target
        Self.removeStaleTemporaries(of: target)
        // Same directory as the target, so the rename is atomic (one file system).
        let name = ".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8)).tmp"
        temporary = target.deletingLastPathComponent().appendingPathComponent(name)
        TemporaryFileGuard.watch(temporary.path)
    }

    /// Moves the finished temporary file over the target.
    func commit() throws {
        defer { TemporaryFileGuard.clear() }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw RenderError("无法写入 \(target.path)：\(reason)")
        }
    }

    /// Removes the temporary file after a failure.
    func discard() {
        unlink(temporary.path)
        TemporaryFileGuard.clear()
    }
}

import Foundation

/// Waits for data files to change (inotify): blocked in `read` until the kernel reports a write,
/// so watching costs no processor time. Editors save by writing in place or by renaming a new file
/// over the old, so a folder is watched, not the file itself.
final class FileWatcher {
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]

    /// Watches `folders` (each one itself, not below it).
    init(folders: [String]) throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw OutputError("无法监视文件变化（inotify）：\(String(cString: strerror(errno)))") }
        let events = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE)
        for folder in folders {
            let watch = inotify_add_watch(descriptor, folder, events)
            guard watch >= 0 else { throw OutputError("无法监视 \(folder)：\(String(cString: strerror(errno)))") }
            self.folders[watch] = folder
        }
    }

    deinit { close(descriptor) }

    /// The `.yaml` files changed since the last call: waits for the first change, then gathers what
    /// follows within `quiet` seconds (one save is often several events; a batch of saves is one run).
    func changes(quiet: Double = 0.2) -> [String] {
        var changed = Set<String>()
        repeat {
            changed.formUnion(readEvents())
        } while changed.isEmpty || hasEvents(within: quiet)
        return changed.sorted()
    }

    private func hasEvents(within seconds: Double) -> Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, Int32(seconds * 1000)) > 0
    }

    /// One read of the kernel's queue (blocking), as paths of changed `.yaml` files.
    private func readEvents() -> [String] {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return [] }
        var paths: [String] = []
        var offset = 0
        while offset + MemoryLayout<inotify_event>.size <= count {
            let (watch, length) = buffer.withUnsafeBytes { bytes -> (Int32, Int) in
                let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, Int(event.len))
            }
            let nameStart = offset + MemoryLayout<inotify_event>.size
            let nameBytes = buffer[nameStart..<min(nameStart + length, count)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            if name.lowercased().hasSuffix(".yaml"), !name.hasPrefix("."), let folder = folders[watch] {
                paths.append((folder as NSString).appendingPathComponent(name))
            }
            offset = nameStart + length
        }
        return paths
    }
}

import Foundation

/// A format's folder loaded and compiled once: the base spec and the spec of each variant (变体),
/// every text in them compiled. Immutable, so documents rendered at the same time share it.
final class CompiledFormat: Sendable {
    let spec: FormatSpec
    /// `spec` as each of its variants changes it, in the order they are declared.
    private let variants: [FormatSpec]

    init(_ spec: FormatSpec) {
        self.spec = spec
        self.variants = spec.variants.indices.map { spec.applying(variant: $0) }
    }

    /// The format as it applies to a budget of `year` and `level`: the first variant that matches,
    /// else the format itself.
    func spec(year: Int, level: String) -> FormatSpec {
        guard let index = spec.variants.firstIndex(where: { $0.matches(year: year, level: level) }) else { return spec }
        return variants[index]
    }
}

/// The formats loaded in this process, by folder: rendering many documents in one format reads
/// and compiles its YAML once. An entry is used only while every file it was read from is unchanged
/// (same inode, size and modification time), so an edited template is read again; a format that
/// failed to load is not kept. A thread asking for a format another thread is loading waits for
/// that load instead of compiling it a second time (workers of a batch start together, and the
/// format may already be loading ahead of them: `preload`).
final class FormatCache: @unchecked Sendable {
    static let shared = FormatCache()

    private struct Entry {
        let format: CompiledFormat
        let files: [FileStamp]
    }

    private let condition = NSCondition()
    private var entries: [String: Entry] = [:]
    private var loading: Set<String> = []

    /// The compiled format of `directory` (errors reported under `displayRoot`).
    func format(directory: URL, displayRoot: String) throws -> CompiledFormat {
        let key = directory.standardizedFileURL.path + "\u{0}" + displayRoot
        condition.lock()
        while loading.contains(key) { condition.wait() }
        if let cached = entries[key], cached.files.allSatisfy({ $0.isCurrent }) {
            condition.unlock()
            return cached.format
        }
        loading.insert(key)
        condition.unlock()
        defer {
            condition.lock()
            loading.remove(key)
            condition.broadcast()
            condition.unlock()
        }
        let loader = FormatLoader(directory: directory, displayRoot: displayRoot)
        let format = CompiledFormat(try loader.load())
        condition.lock()
        entries[key] = Entry(format: format, files: loader.files.stamps)
        condition.unlock()
        return format
    }
}

/// What tells a file's version apart without reading it.
struct FileStamp: Equatable, Sendable {
    let path: String
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modified: Int64
    let modifiedNanoseconds: Int64

    init(_ path: String) {
        self.path = path
        var info = stat()
        if stat(path, &info) == 0 {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            #if canImport(Darwin)
            modified = Int64(info.st_mtimespec.tv_sec)
            modifiedNanoseconds = Int64(info.st_mtimespec.tv_nsec)
            #else
            modified = Int64(info.st_mtim.tv_sec)
            modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
            #endif
        } else {
            device = 0
            inode = 0
            size = -1
            modified = 0
            modifiedNanoseconds = 0
        }
    }

    var isCurrent: Bool { FileStamp(path) == self }
}

/// The files a load read (format.yaml, tables, glossaries, variant outlines), each stamped just
/// before it was read.
final class ReadFiles: @unchecked Sendable {
    private(set) var stamps: [FileStamp] = []

    func add(_ path: String) {
        if !stamps.contains(where: { $0.path == path }) { stamps.append(FileStamp(path)) }
    }
}

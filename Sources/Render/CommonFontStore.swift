import CHarfBuzz
import Foundation

/// Common subsets (`CommonFace`) by key: read from the cache folder, else made and written there,
/// once per process however many workers ask (the others wait for the first). The folder is
/// GONGKAI_CACHE_DIR, else $XDG_CACHE_HOME/gongkai, else ~/.cache/gongkai; where none can be
/// written the subsets are made anew in each process. A file is written under a temporary name and
/// renamed, so another process never reads half of one; a file that does not check is made again.
final class CommonFontStore: @unchecked Sendable {
    static let shared = CommonFontStore()

    private let condition = NSCondition()
    private var fonts: [String: SubsetFont] = [:]
    private var making: Set<String> = []

    /// The font stored under `key`, else `make()`'s, which is then stored. `replacing` ignores what
    /// is stored (it failed to open).
    func font(key: String, make: () throws -> SubsetFont, replacing: Bool = false) throws -> SubsetFont {
        condition.lock()
        while making.contains(key) { condition.wait() }
        if !replacing, let font = fonts[key] {
            condition.unlock()
            return font
        }
        making.insert(key)
        condition.unlock()
        defer {
            condition.lock()
            making.remove(key)
            condition.broadcast()
            condition.unlock()
        }
        let file = CommonFontStore.directory.map { $0.appendingPathComponent(String(format: "common-%016llx.font", FNV.hash(key))) }
        let font: SubsetFont
        if !replacing, let file, let stored = CommonFontFile.read(file, key: key) {
            font = stored
        } else {
            font = try make()
            if let file { CommonFontFile.write(font, key: key, to: file) }
        }
        condition.lock()
        fonts[key] = font
        condition.unlock()
        return font
    }

    /// Where common subsets are kept, or nil when no folder is named.
    static var directory: URL? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["GONGKAI_CACHE_DIR"], !explicit.isEmpty { return URL(fileURLWithPath: explicit) }
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return URL(fileURLWithPath: cache).appendingPathComponent("gongkai") }
        if let home = environment["HOME"], home.hasPrefix("/") { return URL(fileURLWithPath: home).appendingPathComponent(".cache/gongkai") }
        return nil
    }
}

/// One common subset on disk: a header naming its key (checked on reading: file names are hashes),
/// the kept glyph ids, the font bytes and a checksum of everything before it.
enum CommonFontFile {
    private static let magic: [UInt8] = Array("GKCF0001".utf8)

    static func read(_ url: URL, key: String) -> SubsetFont? {
        guard let blob = hb_blob_create_from_file_or_fail(url.path) else { return nil }
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length) else { return nil }
        let bytes = UnsafeRawBufferPointer(start: data, count: Int(length))
        var reader = Reader(bytes: bytes)
        guard reader.take(magic.count).map(Array.init) == magic,
              let keyLength = reader.word(), let keyBytes = reader.take(Int(keyLength)), Array(keyBytes) == Array(key.utf8),
              let glyphCount = reader.word(), Int(glyphCount) <= (bytes.count - reader.offset) / 4 else { return nil }
        var glyphs: [UInt32] = []
        glyphs.reserveCapacity(Int(glyphCount))
        for _ in 0..<glyphCount {
            // OpenType numbers glyphs with 16 bits: anything larger is not a file this program wrote.
            guard let glyph = reader.word(), glyph <= UInt32(UInt16.max) else { return nil }
            glyphs.append(glyph)
        }
        guard let fontLength = reader.word(), let font = reader.take(Int(fontLength)), reader.offset + 8 == bytes.count,
              checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<reader.offset])) == reader.doubleWord() else { return nil }
        guard let sub = hb_blob_create_sub_blob(blob, UInt32(font.startIndex), UInt32(font.count)) else { return nil }
        return SubsetFont(bytes: FontBytes(blob: sub), keptGlyphs: glyphs)
    }

    /// Writes `font` to `url` (best effort: a cache that cannot be written is no error).
    static func write(_ font: SubsetFont, key: String, to url: URL) {
        var out = magic
        append(UInt32(key.utf8.count), to: &out)
        out += Array(key.utf8)
        append(UInt32(font.keptGlyphs.count), to: &out)
        for glyph in font.keptGlyphs { append(glyph, to: &out) }
        append(UInt32(font.bytes.count), to: &out)
        out += UnsafeBufferPointer(start: font.bytes.start, count: font.bytes.count)
        let sum = out.withUnsafeBytes { checksum($0) }
        for shift in stride(from: 0, to: 64, by: 8) { out.append(UInt8(truncatingIfNeeded: sum >> UInt64(shift))) }
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(out).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
            removeSuperseded(in: directory, by: key, keeping: url.lastPathComponent)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    /// Removes the cached subsets `key` replaces: the same face with the same features, made from an
    /// older font file, by another recipe or HarfBuzz. A face's subsets for other features stay (two
    /// font configurations may be in use).
    private static func removeSuperseded(in directory: URL, by key: String, keeping name: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for other in names where other.hasPrefix("common-") && other.hasSuffix(".font") && other != name {
            let url = directory.appendingPathComponent(other)
            guard let otherKey = storedKey(url), otherKey != key, identity(otherKey) == identity(key) else { continue }
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// The key a cache file was written under, read from its header alone.
    private static func storedKey(_ url: URL) -> String? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: magic.count + 4), head.count == magic.count + 4,
              Array(head.prefix(magic.count)) == magic else { return nil }
        let length = head.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        guard length < 1 << 16, let key = try? handle.read(upToCount: length), key.count == length else { return nil }
        return String(data: key, encoding: .utf8)
    }

    /// What names the face in a key (`CommonFace.cacheKey`): the font file, the face's index, the features.
    private static func identity(_ key: String) -> [Substring] {
        let lines = key.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > 7 else { return [] }
        return [lines[1], lines[2], lines[7]]
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    /// FNV-1a over 8-byte words (the tail byte by byte): a few milliseconds for a 4 MB file.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let words = bytes.count / 8
        for index in 0..<words {
            hash ^= bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
            hash = hash &* 0x100_0000_01b3
        }
        for byte in bytes[(words * 8)...] {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// Little-endian fields read in turn; nil past the end.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        mutating func take(_ count: Int) -> Slice<UnsafeRawBufferPointer>? {
            guard count >= 0, offset + count <= bytes.count else { return nil }
            defer { offset += count }
            return bytes[offset..<(offset + count)]
        }

        mutating func word() -> UInt32? {
            take(4).map { slice in slice.reversed().reduce(0) { $0 << 8 | UInt32($1) } }
        }

        mutating func doubleWord() -> UInt64? {
            take(8).map { slice in slice.reversed().reduce(0) { $0 << 8 | UInt64($1) } }
        }
    }
}

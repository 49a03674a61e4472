import Foundation

/// A 64-bit FNV-1a digest, for noticing that an input changed between runs and for placing a
/// department in a shard. Not for security: nothing gains from forging a county's data to make
/// gongkai skip a render. Fixed across processes and machines (Swift's Hasher is seeded per process).
struct ContentHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    /// Adds `text` and a separator, so that ("ab", "c") and ("a", "bc") differ.
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        withUnsafeBytes(of: UInt8(0xFF)) { add($0) }
    }

    /// Adds a file's bytes, or a marker when it cannot be read.
    mutating func addFile(_ path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return add("（无法读取）\(path)") }
        add("\(data.count)")
        data.withUnsafeBytes { add($0) }
    }

    var hex: String { String(value, radix: 16) }

    static func of(_ text: String) -> UInt64 {
        var hash = ContentHash()
        hash.add(text)
        return hash.value
    }
}

import Foundation

/// A name used as a dictionary key where lookups are hot: a figure's id (`功能科目[2101501].合计`),
/// a record's member, a name of the view. Hashed and compared by its UTF-8 bytes, the hash computed
/// once when the key is made.
///
/// Swift hashes a String by its Unicode normalisation, which for Chinese text means a table
/// lookup per character on every hash; these names are all made by gongkai from the same texts
/// (the data, the templates, its own literals), so equal names have equal bytes.
struct NameKey: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    let text: String
    private let hash: Int

    init(_ text: String) {
        self.text = text
        var hasher = Hasher()
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        self.hash = hasher.finalize()
    }

    init(stringLiteral text: String) {
        self.init(text)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(hash)
    }

    static func == (a: NameKey, b: NameKey) -> Bool {
        guard a.hash == b.hash else { return false }
        let bytes = a.text.utf8.withContiguousStorageIfAvailable { l in
            b.text.utf8.withContiguousStorageIfAvailable { r in
                l.count == r.count && (l.count == 0 || memcmp(l.baseAddress!, r.baseAddress!, l.count) == 0)
            }
        }
        return (bytes ?? nil) ?? a.text.utf8.elementsEqual(b.text.utf8)
    }

    static func < (a: NameKey, b: NameKey) -> Bool { a.text < b.text }

    var description: String { text }
}

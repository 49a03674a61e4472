/// A text as a cache key, equal to another only with the same UTF-8 bytes. String's own hashing
/// normalises non-ASCII text (NFC) on every call, which made hashing Chinese cache keys a
/// visible share of layout; byte equality is also the stricter key for a setting.
public struct ExactText: Hashable, Sendable {
    public let text: String

    public init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
    }

    public static func == (left: ExactText, right: ExactText) -> Bool {
        left.text.utf8.elementsEqual(right.text.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

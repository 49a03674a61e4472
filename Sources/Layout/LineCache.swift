import Document

/// Laid-out lines by (text, style, width, wraps): the second pass of a document with a contents,
/// and every later document of the process, set the same headers, subject names and sentences again.
/// Setting a text is a pure function of these four (the shaper and rules are fixed per layouter).
final class LineCache {
    private struct Key: Hashable {
        let text: ExactText
        let style: TextStyle
        let width: Double
        let wraps: Bool
    }

    private let entries: BoundedCache<Key, [LaidLine]>

    init(capacity: Int = 20_000) {
        entries = BoundedCache(capacity: capacity)
    }

    func lines(_ text: String, style: TextStyle, width: Double, wraps: Bool,
               setting: () throws -> [LaidLine]) rethrows -> [LaidLine] {
        try entries.value(for: Key(text: ExactText(text), style: style, width: width, wraps: wraps), computing: setting)
    }
}

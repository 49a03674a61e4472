import Document

/// Shaped segments by (text, role, size, bold): the same words and figures recur thousands of times
/// in a budget document, so each is shaped once.
final class ShapeCache {
    private struct Key: Hashable {
        let text: ExactText
        let role: FontRole
        let size: Double
        let bold: Bool
    }

    let shaper: TextShaper
    private let entries: BoundedCache<Key, ShapedText>

    init(shaper: TextShaper, capacity: Int = 50_000) {
        self.shaper = shaper
        self.entries = BoundedCache(capacity: capacity)
    }

    /// The shaped `text` in `style`'s role, size and weight, shaping it only the first time.
    func shape(_ text: String, style: TextStyle) throws -> ShapedText {
        let key = Key(text: ExactText(text), role: style.role, size: style.size, bold: style.bold)
        return try entries.value(for: key) {
            try shaper.shape(text, role: style.role, size: style.size, bold: style.bold)
        }
    }
}

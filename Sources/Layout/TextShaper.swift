import Document

/// Turns text into positioned glyphs in a role's font. The real one (HarfBuzz, with per-character
/// fallback to the role's fallback faces) lives in Render; tests use fixed fake metrics.
public protocol TextShaper: AnyObject {
    /// Shapes `text` set in `role` at `size` points. Throws `MissingGlyph` for a character that
    /// no face of the role covers.
    func shape(_ text: String, role: FontRole, size: Double, bold: Bool) throws -> ShapedText
    /// Ascent and descent of the role's primary face at `size`, in points (both positive).
    func verticalMetrics(role: FontRole, size: Double) -> (ascent: Double, descent: Double)
}

/// A character no configured font has; reported with where it occurs, never drawn as a blank box.
public struct MissingGlyph: Error, Sendable, Equatable {
    public let character: Character
    public let role: FontRole
    public let text: String

    public init(character: Character, role: FontRole, text: String) {
        self.character = character
        self.role = role
        self.text = text
    }
}

/// Identifies one face of a role: index 0 is the role's primary face, 1… its fallbacks.
public struct FaceID: Hashable, Sendable {
    public let role: FontRole
    public let index: Int
    /// Drawn with a synthesised bold (outline stroke), for faces without a bold weight.
    public let syntheticBold: Bool
    public let bold: Bool

    public init(role: FontRole, index: Int, bold: Bool = false, syntheticBold: Bool = false) {
        self.role = role
        self.index = index
        self.bold = bold
        self.syntheticBold = syntheticBold
    }
}

/// One glyph of shaped text.
public struct ShapedGlyph: Sendable, Equatable {
    public var id: UInt32
    public var face: FaceID
    /// The UTF-8 byte offset in the shaped text of the cluster this glyph belongs to.
    public var cluster: Int
    /// Horizontal advance in points.
    public var advance: Double
    public var offsetX: Double
    public var offsetY: Double

    public init(id: UInt32, face: FaceID, cluster: Int, advance: Double, offsetX: Double = 0, offsetY: Double = 0) {
        self.id = id
        self.face = face
        self.cluster = cluster
        self.advance = advance
        self.offsetX = offsetX
        self.offsetY = offsetY
    }
}

/// Text with its glyphs, in logical order (left to right for Chinese and Latin).
public struct ShapedText: Sendable, Equatable {
    public var text: String
    public var size: Double
    public var glyphs: [ShapedGlyph]

    public init(text: String, size: Double, glyphs: [ShapedGlyph]) {
        self.text = text
        self.size = size
        self.glyphs = glyphs
    }

    public var width: Double { glyphs.reduce(0) { $0 + $1.advance } }
}

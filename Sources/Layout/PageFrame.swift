import Document

/// A laid-out page: its size and everything drawn on it at absolute positions
/// (points, origin at the top left, y growing downwards).
public struct PageFrame: Sendable {
    public var width: Double
    public var height: Double
    public var items: [FrameItem]

    public init(width: Double, height: Double, items: [FrameItem] = []) {
        self.width = width
        self.height = height
        self.items = items
    }
}

public enum FrameItem: Sendable {
    case text(GlyphRun)
    /// A straight rule.
    case line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double)
    /// A clickable area that goes to a page (0-based) at a height.
    case link(x: Double, y: Double, width: Double, height: Double, page: Int, targetY: Double)
}

/// Glyphs of one face on one baseline, with the text they stand for (so PDF text can be copied
/// and searched: each cluster maps back to its characters).
public struct GlyphRun: Sendable {
    public var face: FaceID
    public var size: Double
    /// Baseline origin.
    public var x: Double
    public var y: Double
    /// Glyph ids with their x positions relative to `x` (justification already applied).
    public var glyphs: [(id: UInt32, x: Double, y: Double)]
    /// The characters these glyphs show.
    public var text: String
    /// Clusters in order: (UTF-8 bytes of text, number of glyphs), covering all of `text` and `glyphs`.
    public var clusters: [(bytes: Int, glyphs: Int)]

    public init(face: FaceID, size: Double, x: Double, y: Double, glyphs: [(id: UInt32, x: Double, y: Double)],
                text: String, clusters: [(bytes: Int, glyphs: Int)]) {
        self.face = face
        self.size = size
        self.x = x
        self.y = y
        self.glyphs = glyphs
        self.text = text
        self.clusters = clusters
    }
}

/// An entry of the PDF outline (bookmarks).
public struct OutlineEntry: Sendable, Equatable {
    public var title: String
    public var level: Int
    public var page: Int
    public var y: Double

    public init(title: String, level: Int, page: Int, y: Double) {
        self.title = title
        self.level = level
        self.page = page
        self.y = y
    }
}

/// Layout's value: pages, bookmarks and the metadata the PDF carries.
public struct LaidOutDocument: Sendable {
    public var pages: [PageFrame]
    public var outline: [OutlineEntry]
    public var metadata: Metadata

    public init(pages: [PageFrame], outline: [OutlineEntry], metadata: Metadata) {
        self.pages = pages
        self.outline = outline
        self.metadata = metadata
    }
}

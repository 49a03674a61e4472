/// The pieces a document is made of, in reading order.
public enum Block: Sendable {
    case heading(Heading)
    case paragraph(Paragraph)
    case table(Table)
    /// Starts a new page; `orientation` sets the new page's orientation (nil: as the page setup).
    case pageBreak(orientation: Orientation?)
    /// 目录: filled with the page numbers of headings marked `inContents` after layout.
    case tableOfContents(TableOfContents)
    /// Vertical space in points.
    case space(Double)
}

/// A heading: its text, its level (1 = part), and how it appears in the contents and bookmarks.
public struct Heading: Sendable {
    public var text: String
    public var level: Int
    public var style: TextStyle
    /// Listed in the table of contents.
    public var inContents: Bool
    /// A PDF bookmark (outline entry) at this level.
    public var bookmarked: Bool

    public init(_ text: String, level: Int, style: TextStyle, inContents: Bool = true, bookmarked: Bool = true) {
        self.text = text
        self.level = level
        self.style = style
        self.inContents = inContents
        self.bookmarked = bookmarked
    }
}

/// A paragraph of running text.
public struct Paragraph: Sendable {
    public var text: String
    public var style: TextStyle

    public init(_ text: String, style: TextStyle) {
        self.text = text
        self.style = style
    }
}

public struct TableOfContents: Sendable {
    public var title: String
    public var titleStyle: TextStyle
    public var entryStyle: TextStyle
    /// Deepest heading level listed.
    public var depth: Int

    public init(title: String, titleStyle: TextStyle, entryStyle: TextStyle, depth: Int = 2) {
        self.title = title
        self.titleStyle = titleStyle
        self.entryStyle = entryStyle
        self.depth = depth
    }
}

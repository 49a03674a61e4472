/// A document to typeset: metadata, page setup and blocks, with no geometry yet.
public struct Document: Sendable {
    public var metadata: Metadata
    public var page: PageSetup
    public var blocks: [Block]

    public init(metadata: Metadata, page: PageSetup = PageSetup(), blocks: [Block]) {
        self.metadata = metadata
        self.page = page
        self.blocks = blocks
    }
}

/// What the PDF says about itself (document properties).
public struct Metadata: Sendable, Equatable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: [String]
    /// The creation date written into the PDF, `2025-01-25`: from the data, never the clock,
    /// so the same input gives the same bytes.
    public var creationDate: String

    public init(title: String, author: String, subject: String = "", keywords: [String] = [], creationDate: String) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creationDate = creationDate
    }
}

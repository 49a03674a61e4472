import CCairo
import Document
import Foundation
import Layout

/// Writes a laid-out document as one PDF with cairo: portrait and landscape pages, text as
/// embedded subset fonts with ToUnicode, rules, links, bookmarks and metadata. The same
/// document gives the same bytes (dates come from the metadata, never the clock).
public struct PDFWriter {
    public let fonts: FontLibrary

    /// The producer named in the PDF's Creator field.
    public static let creator = "gongkai"

    public init(fonts: FontLibrary) {
        self.fonts = fonts
    }

    /// Writes `document` to `url`, replacing the file only once the new PDF is complete; with
    /// `prefetch`, once its glyphs are loaded.
    public func write(_ document: LaidOutDocument, to url: URL, after prefetch: GlyphPrefetch? = nil) throws {
        prefetch?.wait()
        guard let first = document.pages.first else {
            throw RenderError("文档没有任何页面，未生成 PDF：\(url.path)")
        }
        let date = try PDFDate.iso8601(document.metadata.creationDate)
        try PageSize.validate(document.pages)
        let file = FileReplacement(target: url)
        do {
            let pdf = try PDFFile(path: file.temporary.path, target: url.path, firstPage: first, metadata: document.metadata,
                                  date: date, destinations: LinkDestinations(pages: document.pages))
            let drawer = FrameDrawer(faces: fonts.face(for:), pageCount: document.pages.count, drawsLinks: true,
                                     subsets: try DocumentFaces(pages: document.pages, fonts: fonts))
            for page in document.pages { try pdf.draw(page, with: drawer) }
            try pdf.finish(outline: document.outline)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }
}

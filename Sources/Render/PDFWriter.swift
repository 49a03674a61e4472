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
            try render(document, firstPage: first, date: date, to: file.temporary.path, target: url.path)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    private func render(_ document: LaidOutDocument, firstPage: PageFrame, date: String, to path: String, target: String) throws {
        let sink = try CheckedFileSink(path: path, target: target)
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        guard let surface = cairo_pdf_surface_create_for_stream(CheckedFileSink.write, closure, firstPage.width, firstPage.height) else {
            sink.abandon()
            throw RenderError("无法创建 PDF 文件 \(path)")
        }
        do {
            defer { cairo_surface_destroy(surface) }
            try CairoStatus.check(surface: surface, doing: "创建 PDF 文件 \(path)")
            setMetadata(document.metadata, date: date, on: surface)
            try drawPages(document.pages, on: surface)
            try PDFOutline.add(document.outline, pageCount: document.pages.count, to: surface)
            // Finishing subsets and embeds the fonts and writes the rest; write errors surface now.
            cairo_surface_finish(surface)
            try CairoStatus.check(surface: surface, doing: "写入 PDF 文件 \(path)")
        } catch {
            sink.abandon()
            // A failed write shows in cairo as an English stream error: say what really happened.
            throw sink.failure.map { RenderError("写入 \(target) 失败：\($0)（原有的文件没有改动）") } ?? error
        }
        try sink.close()
    }

    private func drawPages(_ pages: [PageFrame], on surface: OpaquePointer) throws {
        guard let context = cairo_create(surface) else { throw RenderError("无法创建 cairo 绘图上下文") }
        defer { cairo_destroy(context) }
        let drawer = FrameDrawer(fonts: fonts, pageCount: pages.count, drawsLinks: true,
                                 subsets: try DocumentFaces(pages: pages, fonts: fonts))
        let destinations = LinkDestinations(pages: pages)
        // Cairo 1.16 gives every link a structure parent and, unless the content sits inside a
        // structure element, never writes it: the file would reference a missing object.
        let structured = !destinations.isEmpty
        if structured { cairo_tag_begin(context, "Document", nil) }
        for (number, page) in pages.enumerated() {
            // Each page takes its own size: landscape table pages sit among portrait ones. The first
            // page has its size from cairo_pdf_surface_create: setting it again after the structure
            // tag began makes cairo 1.16 lose the structure tree.
            if number > 0 { cairo_pdf_surface_set_size(surface, page.width, page.height) }
            destinations.mark(page: number, on: context)
            try drawer.draw(page, number: number, on: context)
            cairo_show_page(context)
            try CairoStatus.check(context: context, doing: "输出第 \(number + 1) 页")
        }
        if structured { cairo_tag_end(context, "Document") }
        try CairoStatus.check(context: context, doing: "结束 PDF 结构")
    }

    private func setMetadata(_ metadata: Metadata, date: String, on surface: OpaquePointer) {
        let fields: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, metadata.title),
            (CAIRO_PDF_METADATA_AUTHOR, metadata.author),
            (CAIRO_PDF_METADATA_SUBJECT, metadata.subject),
            (CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords.joined(separator: ", ")),
            (CAIRO_PDF_METADATA_CREATOR, PDFWriter.creator),
            (CAIRO_PDF_METADATA_CREATE_DATE, date),
            (CAIRO_PDF_METADATA_MOD_DATE, date),
        ]
        for (field, value) in fields where !value.isEmpty {
            cairo_pdf_surface_set_metadata(surface, field, value)
        }
    }
}

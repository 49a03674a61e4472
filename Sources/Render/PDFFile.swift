import CCairo
import Document
import Layout

/// One PDF as cairo writes it into a checked file: pages drawn in order, then the bookmarks, and
/// finishing embeds the fonts. Used by one thread at a time; `PDFWriter` and `PDFPageStream` drive it.
final class PDFFile {
    private let sink: CheckedFileSink
    private let surface: OpaquePointer
    private let context: OpaquePointer
    private let destinations: LinkDestinations
    private var pagesDrawn = 0
    private var closed = false

    /// Opens `path` (the temporary sibling of `target`, which messages name) for a document whose
    /// first page is `firstPage`, linking to `destinations`.
    init(path: String, target: String, firstPage: PageFrame, metadata: Metadata, date: String,
         destinations: LinkDestinations) throws {
        let sink = try CheckedFileSink(path: path, target: target)
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        guard let surface = cairo_pdf_surface_create_for_stream(CheckedFileSink.write, closure, firstPage.width, firstPage.height) else {
            sink.abandon()
            throw RenderError("无法创建 PDF 文件 \(path)")
        }
        guard let context = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            sink.abandon()
            throw RenderError("无法创建 cairo 绘图上下文")
        }
        (self.sink, self.surface, self.context, self.destinations) = (sink, surface, context, destinations)
        do {
            try CairoStatus.check(surface: surface, doing: "创建 PDF 文件 \(path)")
            PDFFile.setMetadata(metadata, date: date, on: surface)
            // Cairo 1.16 gives every link a structure parent and, unless the content sits inside a
            // structure element, never writes it: the file would reference a missing object.
            if !destinations.isEmpty { cairo_tag_begin(context, "Document", nil) }
        } catch {
            abandon()
            throw error
        }
    }

    deinit {
        abandon()
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// Draws the next page with `drawer`.
    func draw(_ page: PageFrame, with drawer: FrameDrawer) throws {
        let number = pagesDrawn
        do {
            // Each page takes its own size: landscape table pages sit among portrait ones. The first
            // page has its size from cairo_pdf_surface_create: setting it again after the structure
            // tag began makes cairo 1.16 lose the structure tree.
            if number > 0 { cairo_pdf_surface_set_size(surface, page.width, page.height) }
            destinations.mark(page: number, on: context)
            try drawer.draw(page, number: number, on: context)
            cairo_show_page(context)
            try CairoStatus.check(context: context, doing: "输出第 \(number + 1) 页")
            pagesDrawn += 1
        } catch {
            throw failure(error)
        }
    }

    /// Ends the document with its bookmarks, embeds the fonts and closes the file.
    func finish(outline: [OutlineEntry]) throws {
        do {
            if !destinations.isEmpty { cairo_tag_end(context, "Document") }
            try CairoStatus.check(context: context, doing: "结束 PDF 结构")
            try PDFOutline.add(outline, pageCount: pagesDrawn, to: surface)
            // Finishing subsets and embeds the fonts and writes the rest; write errors surface now.
            cairo_surface_finish(surface)
            try CairoStatus.check(surface: surface, doing: "写入 PDF 文件 \(sink.path)")
        } catch {
            throw failure(error)
        }
        closed = true
        try sink.close()
    }

    /// Closes the file after a failure, without reporting (the caller removes it).
    func abandon() {
        guard !closed else { return }
        closed = true
        sink.abandon()
    }

    /// The error to report for `error`: a failed write shows in cairo as an English stream error,
    /// so it says what really happened. The file is abandoned.
    private func failure(_ error: Error) -> Error {
        abandon()
        return sink.failure.map { RenderError("写入 \(sink.target) 失败：\($0)（原有的文件没有改动）") } ?? error
    }

    private static func setMetadata(_ metadata: Metadata, date: String, on surface: OpaquePointer) {
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

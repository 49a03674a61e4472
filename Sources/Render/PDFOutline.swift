import CCairo
import Layout

/// Adds outline entries as PDF bookmarks, each under the nearest earlier entry of a lower level.
enum PDFOutline {
    static func add(_ entries: [OutlineEntry], pageCount: Int, to surface: OpaquePointer) throws {
        var parents: [(level: Int, id: Int32)] = []
        for entry in entries {
            guard (0..<pageCount).contains(entry.page) else {
                throw RenderError("书签“\(entry.title)”指向不存在的第 \(entry.page + 1) 页（共 \(pageCount) 页）")
            }
            while let last = parents.last, last.level >= entry.level { parents.removeLast() }
            let parent = parents.last?.id ?? Int32(CAIRO_PDF_OUTLINE_ROOT)
            // Top-level entries open, so a reader shows the parts and their sections at once.
            let flags = parents.isEmpty ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(rawValue: 0)
            let id = cairo_pdf_surface_add_outline(surface, parent, entry.title,
                                                   PDFDestination.attributes(page: entry.page, y: entry.y), flags)
            try CairoStatus.check(surface: surface, doing: "添加书签“\(entry.title)”")
            parents.append((entry.level, id))
        }
    }
}

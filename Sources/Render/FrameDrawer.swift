import CCairo
import Document
import Layout

/// Draws one page's frame items on a cairo context (PDF or image surface): glyph runs, rules and
/// links. It knows nothing of paragraphs or tables, only of what the frame holds.
struct FrameDrawer {
    /// The face a run was shaped with (`FontLibrary.face(for:)`, or a stream's copy of its answers).
    let faces: (FaceID) throws -> LoadedFace
    /// The number of pages in the document, to check link targets.
    let pageCount: Int
    /// PDF pages carry links; images have nothing to click.
    let drawsLinks: Bool
    /// The PDF's faces subset to the document's glyphs; nil draws with the whole fonts (images).
    var subsets: DocumentFaces? = nil

    /// The stroke width of synthetic bold, in ems: about what FreeType's emboldening adds.
    static let syntheticBoldStroke = 0.035

    func draw(_ page: PageFrame, number: Int, on context: OpaquePointer) throws {
        cairo_set_source_rgb(context, 0, 0, 0)
        var font = CurrentFont()
        var batch = GlyphBatch()
        var rules = RuleBatch()
        for item in page.items {
            switch item {
            case .text(let run):
                guard !run.glyphs.isEmpty else { continue }
                try RunClusters.validate(run, page: number)
                let loaded = try faces(run.face)
                let subset = try subsets?.subset(for: run, of: loaded)
                let face = try subset?.cairoFace ?? loaded.cairoFace()
                if !batch.accepts(face: face, syntheticBold: run.face.syntheticBold, size: run.size) {
                    draw(&batch, font: &font, on: context)
                }
                batch.append(run, face: face, syntheticBold: run.face.syntheticBold) { subset?.glyphs[$0] ?? $0 }
            case .line(let x1, let y1, let x2, let y2, let width):
                // Rules and text are all black and never cover each other: rules wait for the page's end.
                rules.append(from: (x1, y1), to: (x2, y2), width: width)
            case .link(let x, let y, let width, let height, let target, let targetY):
                guard drawsLinks else { continue }
                try drawLink(LinkArea(x: x, y: y, width: width, height: height, page: target, targetY: targetY),
                             page: number, on: context)
            }
        }
        draw(&batch, font: &font, on: context)
        draw(rules, on: context)
        try CairoStatus.check(context: context, doing: "绘制第 \(number + 1) 页")
    }

    /// The font set on the context, so runs in the same face and size do not set it again.
    struct CurrentFont {
        var face: OpaquePointer?
        var size: Double = 0
    }

    /// Draws the batch's glyphs with their clusters (the PDF gets a ToUnicode map, so its text can
    /// be copied and searched) and empties it.
    private func draw(_ batch: inout GlyphBatch, font: inout CurrentFont, on context: OpaquePointer) {
        guard let face = batch.face, !batch.isEmpty else { return }
        defer { batch.removeAll() }
        if font.face != face || font.size != batch.size {
            cairo_set_font_face(context, face)
            cairo_set_font_size(context, batch.size)
            font = CurrentFont(face: face, size: batch.size)
        }
        var glyphs = batch.glyphs, clusters = batch.clusters
        batch.text.withUnsafeBufferPointer { text in
            cairo_show_text_glyphs(context, text.baseAddress, Int32(text.count), &glyphs, Int32(glyphs.count),
                                   &clusters, Int32(clusters.count), cairo_text_cluster_flags_t(rawValue: 0))
        }
        if batch.syntheticBold { strokeOutlines(&glyphs, size: batch.size, on: context) }
    }

    /// Synthetic bold: the outlines stroked over the filled text. The text stays text (one copy,
    /// searchable); the stroke is a path.
    private func strokeOutlines(_ glyphs: inout [cairo_glyph_t], size: Double, on context: OpaquePointer) {
        cairo_new_path(context)
        cairo_glyph_path(context, &glyphs, Int32(glyphs.count))
        cairo_set_line_width(context, size * FrameDrawer.syntheticBoldStroke)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        cairo_stroke(context)
    }

    /// Strokes the page's rules, one path per line width: a table page has hundreds of rules, and
    /// each stroke costs cairo a recorded command, an analysis and a graphics state in the PDF.
    private func draw(_ rules: RuleBatch, on context: OpaquePointer) {
        // Square caps: a table's horizontal and vertical rules then close their corners.
        cairo_set_line_cap(context, CAIRO_LINE_CAP_SQUARE)
        for group in rules.groups {
            cairo_new_path(context)
            for segment in group.joinedSegments {
                cairo_move_to(context, segment.x1, segment.y1)
                cairo_line_to(context, segment.x2, segment.y2)
            }
            cairo_set_line_width(context, group.width)
            cairo_stroke(context)
        }
    }

    private func drawLink(_ link: LinkArea, page: Int, on context: OpaquePointer) throws {
        guard (0..<pageCount).contains(link.page) else {
            throw RenderError("第 \(page + 1) 页的链接指向不存在的第 \(link.page + 1) 页（共 \(pageCount) 页）")
        }
        let rectangle = [link.x, link.y, link.width, link.height].map(PDFNumber.text).joined(separator: " ")
        let attributes = "rect=[\(rectangle)] dest='\(LinkDestinations.name(page: link.page, y: link.targetY))'"
        cairo_tag_begin(context, CAIRO_TAG_LINK, attributes)
        cairo_tag_end(context, CAIRO_TAG_LINK)
    }
}

/// A link's clickable area on its page and where it goes.
struct LinkArea {
    var x, y, width, height: Double
    var page: Int
    var targetY: Double
}

import CCairo
import Layout

/// Glyph runs that follow each other on a page in one face and size, drawn with one
/// cairo_show_text_glyphs: every call costs cairo a recorded command, an extents analysis and a
/// text object, and a table page has hundreds of cells. Runs keep their order, so the PDF's text
/// still reads in the order it was laid out.
struct GlyphBatch {
    private(set) var face: FaceID?
    private(set) var size = 0.0
    private(set) var glyphs: [cairo_glyph_t] = []
    private(set) var clusters: [cairo_text_cluster_t] = []
    private(set) var text: [CChar] = []

    var isEmpty: Bool { glyphs.isEmpty }

    /// Whether `run` can join the batch (same face, weight and size).
    func accepts(_ run: GlyphRun) -> Bool {
        isEmpty || (face == run.face && size == run.size)
    }

    mutating func append(_ run: GlyphRun) {
        face = run.face
        size = run.size
        glyphs += run.glyphs.map { cairo_glyph_t(index: UInt($0.id), x: run.x + $0.x, y: run.y + $0.y) }
        clusters += run.clusters.map { cairo_text_cluster_t(num_bytes: Int32($0.bytes), num_glyphs: Int32($0.glyphs)) }
        text += run.text.utf8.map { CChar(bitPattern: $0) }
    }

    mutating func removeAll() {
        glyphs.removeAll(keepingCapacity: true)
        clusters.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
        face = nil
    }
}

import CCairo
import Layout

/// Glyph runs that follow each other on a page in one face and size, drawn with one
/// cairo_show_text_glyphs: every call costs cairo a recorded command, an extents analysis and a
/// text object, and a table page has hundreds of cells. Runs keep their order, so the PDF's text
/// still reads in the order it was laid out.
struct GlyphBatch {
    /// The cairo face the glyphs are drawn with, and whether its outlines are stroked (synthetic bold).
    private(set) var face: OpaquePointer?
    private(set) var syntheticBold = false
    private(set) var size = 0.0
    private(set) var glyphs: [cairo_glyph_t] = []
    private(set) var clusters: [cairo_text_cluster_t] = []
    private(set) var text: [CChar] = []

    var isEmpty: Bool { glyphs.isEmpty }

    /// Whether a run in `face` at `size` can join the batch.
    func accepts(face: OpaquePointer, syntheticBold: Bool, size: Double) -> Bool {
        isEmpty || (self.face == face && self.syntheticBold == syntheticBold && self.size == size)
    }

    /// Adds `run`, its glyph ids turned into the face's by `glyphID` (a subset numbers its glyphs afresh).
    mutating func append(_ run: GlyphRun, face: OpaquePointer, syntheticBold: Bool, glyphID: (UInt32) -> UInt32) {
        self.face = face
        self.syntheticBold = syntheticBold
        size = run.size
        for glyph in run.glyphs {
            glyphs.append(cairo_glyph_t(index: UInt(glyphID(glyph.id)), x: run.x + glyph.x, y: run.y + glyph.y))
        }
        for cluster in run.clusters {
            clusters.append(cairo_text_cluster_t(num_bytes: Int32(cluster.bytes), num_glyphs: Int32(cluster.glyphs)))
        }
        var text = run.text
        text.withUTF8 { bytes in self.text.append(contentsOf: UnsafeRawBufferPointer(bytes).bindMemory(to: CChar.self)) }
    }

    mutating func removeAll() {
        glyphs.removeAll(keepingCapacity: true)
        clusters.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
        face = nil
    }
}

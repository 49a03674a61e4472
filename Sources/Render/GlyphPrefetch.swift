import CCairo
import CHarfBuzz
import Document
import Foundation

/// Loads, on another core while the document is laid out, the glyph metrics and outlines cairo
/// will ask FreeType for when it draws the PDF: FreeType interprets a glyph's program again for
/// each size the glyph is set in, which took over a third of writing the PDF. The glyphs are
/// guessed from the Document (each character in its role's primary face, at its style's size);
/// a glyph the guess missed is loaded while drawing, as before. Cairo's caches hold the same values
/// however they were filled, so the guess changes where the time goes, never the PDF.
public final class GlyphPrefetch: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// The scaled fonts filled, held until the PDF is drawn so that cairo keeps their glyphs.
    private var scaledFonts: [OpaquePointer] = []
    private var waited = false

    /// Starts the loading; the faces are opened (and their common subsets' features read) on the
    /// calling thread, the one that owns `fonts`, and the document is read on the loading thread.
    public init(_ document: Document, fonts: FontLibrary) {
        let faces = PrimaryFaces(fonts)
        let thread = Thread { [self] in
            scaledFonts = GlyphPrefetch.jobs(document, faces: faces).flatMap { (try? GlyphPrefetch.load($0)) ?? [] }
            finished.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    deinit {
        wait()
        scaledFonts.forEach { cairo_scaled_font_destroy($0) }
    }

    /// Returns once the loading thread is done (its faces' common subsets are then set).
    public func wait() {
        guard !waited else { return }
        finished.wait()
        waited = true
    }

    /// What one face is set in: its characters at each size. Sent to the loading thread, which alone
    /// uses the face until `wait()` returns (layout reads only its immutable HarfBuzz font).
    private struct Job: @unchecked Sendable {
        let face: LoadedFace
        let featureSets: [[String]]
        var characters: [Double: Set<UInt32>]
        /// Each character at the size it first appears in: cairo asks for a glyph's outline once per
        /// PDF, at the size it is first drawn in (to embed it), and for its metrics at every size.
        var firstSizes: [UInt32: Double]
    }

    private static func jobs(_ document: Document, faces: PrimaryFaces) -> [Job] {
        var texts = TextsByStyle()
        texts.add(document)
        var jobs: [ObjectIdentifier: Job] = [:]
        for (key, characters) in texts.characters {
            guard let (face, featureSets) = faces.face[TextsByStyle.FaceKey(role: key.role, bold: key.bold)] else { continue }
            let id = ObjectIdentifier(face)
            if jobs[id] == nil { jobs[id] = Job(face: face, featureSets: featureSets, characters: [:], firstSizes: [:]) }
            jobs[id]!.characters[key.size, default: []].formUnion(characters)
        }
        for (key, sizes) in texts.firstSizes {
            guard let (face, _) = faces.face[key], jobs[ObjectIdentifier(face)] != nil else { continue }
            jobs[ObjectIdentifier(face)]!.firstSizes.merge(sizes) { first, _ in first }
        }
        return jobs.values.sorted { ($0.face.match.path, $0.face.match.index) < ($1.face.match.path, $1.face.match.index) }
    }

    /// The face each role draws ordinary and bold text with (its primary family; a synthetic bold
    /// draws with the regular face), found on the thread that owns the library.
    private struct PrimaryFaces: @unchecked Sendable {
        var face: [TextsByStyle.FaceKey: (LoadedFace, [[String]])] = [:]

        init(_ fonts: FontLibrary) {
            for role in FontRole.allCases {
                for bold in [false, true] {
                    let real = bold && fonts.family(role, 0)?.syntheticBold == false
                    guard let loaded = try? fonts.face(role: role, index: 0, bold: real) else { continue }
                    face[TextsByStyle.FaceKey(role: role, bold: bold)] = (loaded, fonts.featureSets(drawnWith: loaded))
                }
            }
        }
    }

    /// Fills the face's scaled fonts at each size (metrics and outlines) and its unscaled one
    /// (metrics), as the PDF surface will ask for them; returns the scaled fonts, referenced.
    private static func load(_ job: Job) throws -> [OpaquePointer] {
        let subset = try job.face.commonSubset(featureSets: job.featureSets)
        let surface = cairo_pdf_surface_create_for_stream({ _, _, _ in CAIRO_STATUS_SUCCESS }, nil, 1, 1)
        let context = cairo_create(surface)
        defer {
            cairo_destroy(context)
            cairo_surface_destroy(surface)
        }
        cairo_set_font_face(context, subset.cairoFace)
        var filled: [OpaquePointer] = []
        var all: Set<UInt32> = []
        for size in job.characters.keys.sorted() {
            let characters = job.characters[size]!
            var glyphs = glyphIDs(characters, in: job.face, subset: subset)
            all.formUnion(glyphs.map { UInt32($0.index) })
            cairo_set_font_size(context, size)
            guard let scaled = cairo_get_scaled_font(context), !glyphs.isEmpty else { continue }
            filled.append(cairo_scaled_font_reference(scaled))
            var extents = cairo_text_extents_t()
            cairo_scaled_font_glyph_extents(scaled, &glyphs, Int32(glyphs.count), &extents)
            var outlined = glyphIDs(characters.filter { job.firstSizes[$0] == size }, in: job.face, subset: subset)
            cairo_glyph_path(context, &outlined, Int32(outlined.count))
            cairo_new_path(context)
        }
        if let unscaled = unscaledFont(subset.cairoFace) {
            var glyphs = all.sorted().map { cairo_glyph_t(index: UInt($0), x: 0, y: 0) }
            var extents = cairo_text_extents_t()
            cairo_scaled_font_glyph_extents(unscaled, &glyphs, Int32(glyphs.count), &extents)
            filled.append(unscaled)
        }
        return filled
    }

    /// The characters' glyphs in the common subset (characters it lacks are left out).
    private static func glyphIDs(_ characters: Set<UInt32>, in face: LoadedFace, subset: SubsetFace) -> [cairo_glyph_t] {
        characters.sorted().compactMap { scalar in
            var glyph: hb_codepoint_t = 0
            guard hb_font_get_nominal_glyph(face.harfBuzzFont, scalar, &glyph) != 0, let id = subset.glyphs[glyph] else { return nil }
            return cairo_glyph_t(index: UInt(id), x: 0, y: 0)
        }
    }

    /// The font cairo's PDF font subsets measure glyphs with: the face at unit size, unhinted.
    private static func unscaledFont(_ face: OpaquePointer) -> OpaquePointer? {
        guard let options = cairo_font_options_create() else { return nil }
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        var identity = cairo_matrix_t()
        cairo_matrix_init_identity(&identity)
        return cairo_scaled_font_create(face, &identity, &identity, options)
    }
}

/// The characters of a document's texts by the role, weight and size they are set in.
private struct TextsByStyle {
    struct Key: Hashable {
        let role: FontRole
        let bold: Bool
        let size: Double
    }

    struct FaceKey: Hashable {
        let role: FontRole
        let bold: Bool
    }

    var characters: [Key: Set<UInt32>] = [:]
    /// The size each character first appears in, in the document's order, by role and weight.
    var firstSizes: [FaceKey: [UInt32: Double]] = [:]

    mutating func add(_ text: String, _ style: TextStyle, bold: Bool? = nil) {
        let bold = bold ?? style.bold
        let scalars = text.unicodeScalars.lazy.filter { !$0.properties.isWhitespace }.map(\.value)
        characters[Key(role: style.role, bold: bold, size: style.size), default: []].formUnion(scalars)
        let face = FaceKey(role: style.role, bold: bold)
        for scalar in scalars where firstSizes[face]?[scalar] == nil { firstSizes[face, default: [:]][scalar] = style.size }
    }

    mutating func add(_ document: Document) {
        for block in document.blocks {
            switch block {
            case .heading(let heading): add(heading.text, heading.style)
            case .paragraph(let paragraph): add(paragraph.text, paragraph.style)
            case .table(let table): add(table)
            case .tableOfContents(let contents):
                add(contents.title, contents.titleStyle)
                add("0123456789.…", contents.entryStyle)
                for case .heading(let heading) in document.blocks where heading.inContents { add(heading.text, contents.entryStyle) }
            case .pageBreak, .space: break
            }
        }
    }

    private mutating func add(_ table: Table) {
        if let title = table.title { add(title, table.titleStyle) }
        for line in table.captionLines { add(line.left + line.center + line.right, table.cellStyle) }
        for cell in (table.header + table.body).joined() { add(cell.text, table.cellStyle, bold: cell.bold || table.cellStyle.bold) }
        for note in table.notes { add(note, table.cellStyle) }
        if let caption = table.continuationCaption { add(caption, table.cellStyle) }
    }
}

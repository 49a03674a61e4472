import CCairo
import CHarfBuzz
import Document
import Foundation

/// Loads, on another core, the glyph metrics and outlines cairo will ask FreeType for when it draws
/// the PDF: FreeType interprets a glyph's program again for each size the glyph is set in, which
/// took over a third of writing the PDF. The glyphs are guessed from the Document's blocks (each
/// character in its role's primary face, at its style's size), taken in document order as the
/// templates render them, so that loading starts before the Document is whole and the first pages'
/// glyphs are ready first. A glyph the guess missed is loaded while drawing, as before. Cairo's
/// caches hold the same values however they were filled, so the guess changes where the time goes,
/// never the PDF.
public final class GlyphPrefetch: @unchecked Sendable {
    private let blocks = BlockQueue()
    private let finished = DispatchSemaphore(value: 0)
    /// The scaled fonts filled, held until the PDF is drawn so that cairo keeps their glyphs.
    private var scaledFonts: [OpaquePointer] = []
    private var waited = false

    /// Starts the loading thread, which waits for blocks (`add`). The faces are opened (and their
    /// common subsets' features read) here, on the thread that owns `fonts`.
    public init(fonts: FontLibrary) {
        let faces = PrimaryFaces(fonts)
        let thread = Thread { [self] in
            let loader = GlyphLoader(faces: faces)
            while let next = blocks.take() { loader.load(next) }
            scaledFonts = loader.scaledFonts
            finished.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Loads the glyphs of a whole document.
    public convenience init(_ document: Document, fonts: FontLibrary) {
        self.init(fonts: fonts)
        add(document.blocks)
        endOfDocument()
    }

    deinit {
        wait()
        scaledFonts.forEach { cairo_scaled_font_destroy($0) }
    }

    /// The document's next blocks, from any thread.
    public func add(_ blocks: [Block]) {
        self.blocks.put(blocks)
    }

    /// No more blocks: the thread ends once it has loaded those it has.
    public func endOfDocument() {
        blocks.end()
    }

    /// No document after all (its data or template has errors): blocks not yet taken are dropped.
    public func cancel() {
        blocks.end(dropping: true)
    }

    /// Returns once the loading thread is done (its faces' common subsets are then made).
    public func wait() {
        guard !waited else { return }
        endOfDocument()
        finished.wait()
        waited = true
    }

    /// The face each role draws ordinary and bold text with (its primary family; a synthetic bold
    /// draws with the regular face), found on the thread that owns the library, with its roles'
    /// feature sets for the common subset.
    fileprivate struct PrimaryFaces: @unchecked Sendable {
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
}

/// Blocks waiting for the loading thread, in document order.
private final class BlockQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [[Block]] = []
    private var ended = false

    func put(_ blocks: [Block]) {
        condition.withLock {
            guard !ended else { return }
            waiting.append(blocks)
            condition.signal()
        }
    }

    func end(dropping: Bool = false) {
        condition.withLock {
            ended = true
            if dropping { waiting.removeAll() }
            condition.signal()
        }
    }

    /// The next blocks; nil once the document has ended and every block was taken.
    func take() -> [Block]? {
        condition.withLock {
            while waiting.isEmpty && !ended { condition.wait() }
            return waiting.isEmpty ? nil : waiting.removeFirst()
        }
    }
}

/// The loading thread's work: each new character of each block at its size, as the PDF surface
/// will ask for it. Per face and size (cairo's scaled font): metrics; per face, the outline at the
/// size a character is first set in (cairo draws it there first, to embed it) and the metrics at
/// unit size (cairo's PDF font subsets measure glyphs with it).
private final class GlyphLoader {
    private struct SizeKey: Hashable {
        let face: ObjectIdentifier
        let size: Double
    }

    private let faces: GlyphPrefetch.PrimaryFaces
    private let surface: OpaquePointer?
    private let context: OpaquePointer?
    private var scaled: [SizeKey: OpaquePointer] = [:]
    private var unscaled: [ObjectIdentifier: OpaquePointer] = [:]
    /// What is loaded: characters by face and size, characters outlined and glyphs at unit size by face.
    private var measured: [SizeKey: Set<UInt32>] = [:]
    private var outlined: [ObjectIdentifier: Set<UInt32>] = [:]
    private var measuredUnscaled: [ObjectIdentifier: Set<UInt32>] = [:]
    private var subsets: [ObjectIdentifier: SubsetFace] = [:]

    init(faces: GlyphPrefetch.PrimaryFaces) {
        self.faces = faces
        surface = cairo_pdf_surface_create_for_stream({ _, _, _ in CAIRO_STATUS_SUCCESS }, nil, 1, 1)
        context = cairo_create(surface)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// The scaled fonts filled, referenced: cairo keeps their glyphs while they are held.
    var scaledFonts: [OpaquePointer] { Array(scaled.values) + Array(unscaled.values) }

    func load(_ blocks: [Block]) {
        var texts = TextsByStyle()
        for block in blocks { texts.add(block) }
        for (key, characters) in texts.inOrder {
            guard let (face, featureSets) = faces.face[key.face], let subset = subset(face, featureSets) else { continue }
            let id = ObjectIdentifier(face), sizeKey = SizeKey(face: id, size: key.size)
            let new = characters.filter { measured[sizeKey, default: []].insert($0).inserted }
            guard !new.isEmpty, let scaledFont = scaledFont(sizeKey, subset) else { continue }
            var glyphs = GlyphLoader.glyphIDs(new, in: face, subset: subset)
            var extents = cairo_text_extents_t()
            cairo_scaled_font_glyph_extents(scaledFont, &glyphs, Int32(glyphs.count), &extents)
            var outlines = GlyphLoader.glyphIDs(new.filter { outlined[id, default: []].insert($0).inserted }, in: face, subset: subset)
            if !outlines.isEmpty {
                cairo_set_scaled_font(context, scaledFont)
                cairo_glyph_path(context, &outlines, Int32(outlines.count))
                cairo_new_path(context)
            }
            var unitGlyphs = glyphs.filter { measuredUnscaled[id, default: []].insert(UInt32($0.index)).inserted }
            if !unitGlyphs.isEmpty, let unitFont = unscaledFont(id, subset) {
                cairo_scaled_font_glyph_extents(unitFont, &unitGlyphs, Int32(unitGlyphs.count), &extents)
            }
        }
    }

    private func subset(_ face: LoadedFace, _ featureSets: [[String]]) -> SubsetFace? {
        if let subset = subsets[ObjectIdentifier(face)] { return subset }
        let subset = try? face.commonSubset(featureSets: featureSets)
        subsets[ObjectIdentifier(face)] = subset
        return subset
    }

    /// The face at `key.size` as the PDF surface makes it (its font options).
    private func scaledFont(_ key: SizeKey, _ subset: SubsetFace) -> OpaquePointer? {
        if let font = scaled[key] { return font }
        cairo_set_font_face(context, subset.cairoFace)
        cairo_set_font_size(context, key.size)
        guard let font = cairo_get_scaled_font(context).map(cairo_scaled_font_reference) else { return nil }
        scaled[key] = font
        return font
    }

    /// The face at unit size, unhinted: what cairo's PDF font subsets measure glyphs with.
    private func unscaledFont(_ id: ObjectIdentifier, _ subset: SubsetFace) -> OpaquePointer? {
        if let font = unscaled[id] { return font }
        guard let options = cairo_font_options_create() else { return nil }
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        var identity = cairo_matrix_t()
        cairo_matrix_init_identity(&identity)
        let font = cairo_scaled_font_create(subset.cairoFace, &identity, &identity, options)
        unscaled[id] = font
        return font
    }

    /// The characters' glyphs in the common subset, in the characters' order (those it lacks left out).
    private static func glyphIDs(_ characters: [UInt32], in face: LoadedFace, subset: SubsetFace) -> [cairo_glyph_t] {
        characters.compactMap { scalar in
            var glyph: hb_codepoint_t = 0
            guard hb_font_get_nominal_glyph(face.harfBuzzFont, scalar, &glyph) != 0, let id = subset.glyphs[glyph] else { return nil }
            return cairo_glyph_t(index: UInt(id), x: 0, y: 0)
        }
    }
}

/// The characters of some blocks by the role, weight and size they are set in, in the order they
/// first appear.
private struct TextsByStyle {
    struct Key: Hashable {
        let face: FaceKey
        let size: Double
    }

    struct FaceKey: Hashable {
        let role: FontRole
        let bold: Bool
    }

    private struct Entry {
        let key: Key
        var seen: Set<UInt32> = []
        var characters: [UInt32] = []
    }

    private var slots: [Key: Int] = [:]
    private var entries: [Entry] = []

    /// Each style's characters, styles and characters in the order they first appear.
    var inOrder: [(key: Key, characters: [UInt32])] { entries.map { ($0.key, $0.characters) } }

    mutating func add(_ text: String, _ style: TextStyle, bold: Bool? = nil) {
        let key = Key(face: FaceKey(role: style.role, bold: bold ?? style.bold), size: style.size)
        let slot = slots[key] ?? {
            entries.append(Entry(key: key))
            slots[key] = entries.count - 1
            return entries.count - 1
        }()
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace && entries[slot].seen.insert(scalar.value).inserted {
            entries[slot].characters.append(scalar.value)
        }
    }

    mutating func add(_ block: Block) {
        switch block {
        case .heading(let heading): add(heading.text, heading.style)
        case .paragraph(let paragraph): add(paragraph.text, paragraph.style)
        case .table(let table): add(table)
        case .tableOfContents(let contents):
            // Its entries are the headings, met later at their own size: the guess has the figures.
            add(contents.title, contents.titleStyle)
            add("0123456789.…", contents.entryStyle)
        case .pageBreak, .space: break
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

import CCairo
import CFreeType
import CHarfBuzz

/// A face cut down to some glyphs (HarfBuzz's subsetter), numbered afresh, which cairo then
/// embeds, subsetting it again to each PDF's glyphs. Cairo 1.16's own CFF subsetter keeps a font's
/// subroutines whole (600 KB of Noto Serif CJK for a few hundred glyphs), so the subset is
/// desubroutinised: cairo's subset of it then holds just the charstrings a PDF uses. The subset
/// drops the CFF hints: print needs none, and FreeType interprets a glyph without them in two
/// thirds of the time (cairo loads every glyph once per size it is drawn at) while the PDF is 15 %
/// smaller. PDFs draw most glyphs from a face's common subset (`CommonFace`, made once per machine)
/// and the rest from a subset of their own.
final class SubsetFace {
    let cairoFace: OpaquePointer
    /// Each glyph kept, by its id in the whole face → its id in the subset.
    let glyphs: GlyphMap

    /// Subsets `face` to `glyphs` (glyphs 0 and 1 are always kept).
    convenience init(of face: LoadedFace, glyphs: Set<UInt32>) throws {
        let font = try SubsetFace.subset(face, glyphs: glyphs)
        try self.init(font, name: face.displayName)
    }

    /// A face over subset font bytes, with the glyph ids they keep.
    init(_ font: SubsetFont, name: String) throws {
        glyphs = GlyphMap(font.keptGlyphs)
        cairoFace = try SubsetFace.makeCairoFace(font.bytes, name: name)
    }

    deinit {
        cairo_font_face_destroy(cairoFace)
    }

    /// The subset of `face` to `glyphs`, as font bytes and the kept glyphs in order (a subset
    /// numbers the glyphs it keeps in the order of their ids in the whole face).
    static func subset(_ face: LoadedFace, glyphs: Set<UInt32>) throws -> SubsetFont {
        let name = face.displayName
        let source = face.subsetSource()
        guard let input = hb_subset_input_create_or_fail() else { throw RenderError("无法裁剪字体 \(name)：内存不足") }
        defer { hb_subset_input_destroy(input) }
        let glyphSet = hb_subset_input_glyph_set(input)
        hb_set_add(glyphSet, 0) // .notdef, which every subset keeps
        for glyph in glyphs { hb_set_add(glyphSet, glyph) }
        if hb_face_get_glyph_count(source) > 1 {
            hb_set_add(glyphSet, 1)
            hb_set_add(hb_subset_input_unicode_set(input), markerCharacter)
        }
        let dropped = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        for tag in droppedTables { hb_set_add(dropped, hb_tag_from_string(tag, -1)) }
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_DESUBROUTINIZE.rawValue | HB_SUBSET_FLAGS_NO_HINTING.rawValue)
        guard let plan = hb_subset_plan_create_or_fail(source, input) else { throw RenderError("无法裁剪字体 \(name)") }
        defer { hb_subset_plan_destroy(plan) }
        guard let subset = hb_subset_plan_execute_or_fail(plan) else { throw RenderError("无法裁剪字体 \(name)") }
        defer { hb_face_destroy(subset) }
        // The subset may keep more than was asked: the components of composite (glyf) glyphs.
        let newToOld = hb_subset_plan_new_to_old_glyph_mapping(plan)
        let kept = (0..<hb_face_get_glyph_count(subset)).map { hb_map_get(newToOld, $0) }
        guard !kept.contains(UInt32.max), glyphs.isSubset(of: kept) else {
            throw RenderError("裁剪字体 \(name) 时丢失了字形（内部错误）")
        }
        return SubsetFont(bytes: FontBytes(blob: hb_face_reference_blob(subset)), keptGlyphs: kept)
    }

    /// Tables nobody reads once glyphs are positioned. Dropping GSUB also spares the subsetter its
    /// closure: the glyphs substitutions could reach are never drawn.
    private static let droppedTables = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "DSIG", "VORG", "vhea", "vmtx"]
    private static let droppedTags = Set(droppedTables.map { hb_tag_from_string($0, -1) })
    private static let cmapTag = hb_tag_from_string("cmap", -1)

    /// `face` as the subsetter should see it: the dropped tables read as empty, and the cmap as one
    /// that maps a single private-use character (`markerCharacter`). Dropping the cmap is not
    /// enough: HarfBuzz 6 plans a subset by walking the whole cmap (44,000 characters and their
    /// variation sequences in Noto CJK), over half of the subset's time. Cairo draws by glyph id and
    /// takes the PDF's ToUnicode from the clusters, but the subset must keep a Unicode cmap: without
    /// one FreeType makes up a charmap from the CFF's glyph names, which cairo then searches through
    /// for every new glyph of every PDF.
    static func sourceFace(over face: OpaquePointer) -> OpaquePointer {
        let source = hb_face_create_for_tables({ _, tag, face in
            if tag == SubsetFace.cmapTag { return hb_blob_reference(SubsetFace.markerCmap.blob) }
            return SubsetFace.droppedTags.contains(tag) ? hb_blob_get_empty() : hb_face_reference_table(OpaquePointer(face), tag)
        }, UnsafeMutableRawPointer(hb_face_reference(face)), { face in hb_face_destroy(OpaquePointer(face)) })!
        hb_face_set_upem(source, hb_face_get_upem(face))
        hb_face_set_glyph_count(source, hb_face_get_glyph_count(face))
        hb_face_make_immutable(source)
        return source
    }

    /// The one character the subset's cmap maps, to glyph 1 (kept in every subset).
    private static let markerCharacter: UInt32 = 0xE000

    /// A cmap with one Windows Unicode subtable (format 4): U+E000 → glyph 1, and the closing segment.
    private static let markerCmap = StaticBlob(bytes: [
        0, 0, 0, 1,                 // version 0, one subtable
        0, 3, 0, 1, 0, 0, 0, 12,    // platform 3 (Windows), encoding 1 (Unicode BMP), at offset 12
        0, 4, 0, 32, 0, 0,          // format 4, length 32, language 0
        0, 4, 0, 4, 0, 1, 0, 0,     // segCountX2 4, searchRange 4, entrySelector 1, rangeShift 0
        0xE0, 0x00, 0xFF, 0xFF,     // endCode [0xE000, 0xFFFF]
        0, 0,                       // reservedPad
        0xE0, 0x00, 0xFF, 0xFF,     // startCode [0xE000, 0xFFFF]
        0x20, 0x01, 0x00, 0x01,     // idDelta [1 − 0xE000, 1] (mod 65536)
        0, 0, 0, 0,                 // idRangeOffset [0, 0]
    ])

    /// A cairo font face over a FreeType face read from `bytes`; cairo owns both and frees them
    /// when it destroys the font face (it may cache the face beyond this object).
    private static func makeCairoFace(_ bytes: FontBytes, name: String) throws -> OpaquePointer {
        let owner = FaceOwner(bytes: bytes, face: try FreeType.openFace(memory: bytes.start, count: bytes.count, describedAs: name))
        guard let cairoFace = cairo_ft_font_face_create_for_ft_face(owner.face, 0) else {
            throw RenderError("无法为字体 \(name) 创建 cairo 字体")
        }
        FreeType.handToCairo(owner.face)
        let retained = Unmanaged.passRetained(owner).toOpaque()
        let status = cairo_font_face_set_user_data(cairoFace, ownerKey, retained) { pointer in
            if let pointer { Unmanaged<FaceOwner>.fromOpaque(pointer).release() }
        }
        guard status == CAIRO_STATUS_SUCCESS else {
            Unmanaged<FaceOwner>.fromOpaque(retained).release()
            cairo_font_face_destroy(cairoFace)
            throw RenderError.cairo(String(cString: cairo_status_to_string(status)), doing: "登记字体 \(name)")
        }
        return cairoFace
    }

    nonisolated(unsafe) private static let ownerKey = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)
}

/// A subset font: its bytes, and the whole face's glyph ids it keeps, in their order in the subset.
struct SubsetFont: @unchecked Sendable {
    let bytes: FontBytes
    let keptGlyphs: [UInt32]
}

/// Font bytes that FreeType faces read from: a HarfBuzz blob (a subset, or a cached file mapped). Shared
/// by the workers' faces (read-only), freed when the last face lets go.
final class FontBytes: @unchecked Sendable {
    let start: UnsafePointer<UInt8>
    let count: Int
    private let release: () -> Void

    init(blob: OpaquePointer) {
        var length: UInt32 = 0
        let data = hb_blob_get_data(blob, &length)
        // An empty blob still has a valid (static) address; FreeType then reports the error.
        start = UnsafeRawPointer(data ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: UInt8.self)
        count = Int(length)
        release = { hb_blob_destroy(blob) }
    }

    deinit { release() }
}

/// What a cairo face over a subset owns: the FreeType face and the bytes it reads, released
/// together (the face first) when cairo destroys the font face.
private final class FaceOwner {
    let bytes: FontBytes
    let face: FT_Face

    init(bytes: FontBytes, face: FT_Face) {
        self.bytes = bytes
        self.face = face
    }

    deinit { FreeType.release(face) }
}

/// Bytes HarfBuzz reads for the life of the process, as a blob.
private final class StaticBlob: @unchecked Sendable {
    let blob: OpaquePointer

    init(bytes: [UInt8]) {
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        storage.initialize(from: bytes, count: bytes.count)
        blob = hb_blob_create(UnsafeRawPointer(storage).assumingMemoryBound(to: CChar.self), UInt32(bytes.count),
                              HB_MEMORY_MODE_READONLY, nil, nil)
        hb_blob_make_immutable(blob)
    }
}

/// Glyph ids of a whole face → ids in a subset: an array indexed by the whole face's id (a few
/// hundred KB for a CJK face), looked up for every glyph drawn without hashing.
struct GlyphMap: Sendable {
    private static let absent = UInt32.max
    private let ids: [UInt32]

    /// `kept` in their order in the subset.
    init(_ kept: [UInt32]) {
        var ids = [UInt32](repeating: GlyphMap.absent, count: Int(kept.max().map { $0 + 1 } ?? 0))
        for (new, old) in kept.enumerated() { ids[Int(old)] = UInt32(new) }
        self.ids = ids
    }

    subscript(_ glyph: UInt32) -> UInt32? {
        guard Int(glyph) < ids.count else { return nil }
        let id = ids[Int(glyph)]
        return id == GlyphMap.absent ? nil : id
    }
}

import CCairo
import CFreeType
import CHarfBuzz
import Foundation

/// One opened font face: the font file mapped into memory as a HarfBuzz face, a HarfBuzz font
/// over it for shaping (HarfBuzz's own OpenType functions read advances from hmtx and the cmap
/// directly, where FreeType would interpret glyph programs), the face's coverage and em box, and
/// for images a cairo face made on first use. PDFs draw with subsets (`SubsetFace`).
final class LoadedFace {
    let match: FontMatch
    let harfBuzzFont: OpaquePointer
    /// HarfBuzz positions are in these units per em: the face's own, so shaping is exact for every size.
    let scale: Double
    /// The ideographic em box above and below the baseline, in ems (0.88 and 0.12 for Noto CJK).
    let emBoxAscent: Double
    let emBoxDescent: Double
    /// The font file as HarfBuzz reads it, mapped (a face's pages are read only where touched).
    private let harfBuzzFace: OpaquePointer
    /// The same face without the tables a PDF subset leaves out (`SubsetFace.sourceFace`).
    private let subsetSourceFace: OpaquePointer
    private var wholeCairoFace: OpaquePointer?
    /// The face's common subset (`CommonFace`), made or read by whichever thread asks first: the
    /// glyph prefetch, a PDF's drawing thread or the writer.
    private var madeCommonSubset: SubsetFace?
    private let commonSubsetLock = NSLock()

    // The address is the key cairo files the FreeType face under (see `makeCairoFace`).
    nonisolated(unsafe) private static let ownerKey = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)

    init(_ match: FontMatch) throws {
        self.match = match
        guard let blob = hb_blob_create_from_file_or_fail(match.path) else {
            throw RenderError.fontFileUnreadable(match.path, index: match.index, code: -1)
        }
        defer { hb_blob_destroy(blob) }
        guard match.index >= 0, UInt32(match.index) < hb_face_count(blob) else {
            throw RenderError.fontFileUnreadable(match.path, index: match.index, code: -1)
        }
        harfBuzzFace = hb_face_create(blob, UInt32(match.index))
        hb_face_make_immutable(harfBuzzFace)
        subsetSourceFace = SubsetFace.sourceFace(over: harfBuzzFace)
        let unitsPerEm = Int32(max(hb_face_get_upem(harfBuzzFace), 1))
        harfBuzzFont = hb_font_create(harfBuzzFace)
        hb_font_set_scale(harfBuzzFont, unitsPerEm, unitsPerEm)
        hb_font_make_immutable(harfBuzzFont)
        scale = Double(unitsPerEm)
        (emBoxAscent, emBoxDescent) = LoadedFace.emBox(harfBuzzFont, scale: scale)
    }

    deinit {
        if let wholeCairoFace { cairo_font_face_destroy(wholeCairoFace) }
        hb_font_destroy(harfBuzzFont)
        hb_face_destroy(subsetSourceFace)
        hb_face_destroy(harfBuzzFace)
    }

    /// How messages name the face: its file and its index in it.
    var displayName: String { "\(match.path)（第 \(match.index) 个字体）" }

    /// The face for `SubsetFace` to cut down. Immutable: subsetting threads may read it at once.
    func subsetSource() -> OpaquePointer { subsetSourceFace }

    /// The common subset for the roles' `featureSets` (the face's, from `FontLibrary`), made or
    /// read on first use. Safe from any thread; a second asker waits for the first.
    func commonSubset(featureSets: [[String]]) throws -> SubsetFace {
        try commonSubsetLock.withLock {
            if let madeCommonSubset { return madeCommonSubset }
            let subset = try CommonFace.subset(of: self, featureSets: featureSets)
            madeCommonSubset = subset
            return subset
        }
    }

    /// A cairo face over the whole font, for PNG pages; opened on first use.
    func cairoFace() throws -> OpaquePointer {
        if let wholeCairoFace { return wholeCairoFace }
        let face = try LoadedFace.makeCairoFace(match)
        wholeCairoFace = face
        return face
    }

    /// Whether the face has a glyph for `scalar` (its cmap maps it).
    func covers(_ scalar: Unicode.Scalar) -> Bool {
        var glyph: hb_codepoint_t = 0
        return hb_font_get_nominal_glyph(harfBuzzFont, scalar.value, &glyph) != 0 && glyph != 0
    }

    /// The ideographic em box from the BASE table. A face without one (AR PL UKai) gets a 1-em box
    /// centred on its 国, a glyph that fills the character face: HarfBuzz's own fallback, the
    /// hhea ascender and descender, is 1.1 em tall for UKai and would set its characters low.
    private static func emBox(_ font: OpaquePointer, scale: Double) -> (Double, Double) {
        if !hasBaseline(HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_TOP_OR_RIGHT, font),
           !hasBaseline(HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_BOTTOM_OR_LEFT, font), let centre = characterFaceCentre(font, scale: scale) {
            return (centre + 0.5, 0.5 - centre)
        }
        return (baseline(HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_TOP_OR_RIGHT, of: font) / scale,
                -baseline(HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_BOTTOM_OR_LEFT, of: font) / scale)
    }

    private static let hani = hb_tag_t(0x68616E69) // OpenType script tag 'hani'

    /// Whether the BASE table gives the baseline (HarfBuzz derives one edge of the em box from the other).
    private static func hasBaseline(_ tag: hb_ot_layout_baseline_tag_t, _ font: OpaquePointer) -> Bool {
        var coordinate: hb_position_t = 0
        return hb_ot_layout_get_baseline(font, tag, HB_DIRECTION_LTR, hani, 0, &coordinate) != 0
    }

    private static func baseline(_ tag: hb_ot_layout_baseline_tag_t, of font: OpaquePointer) -> Double {
        var coordinate: hb_position_t = 0
        hb_ot_layout_get_baseline_with_fallback(font, tag, HB_DIRECTION_LTR, hani, 0, &coordinate)
        return Double(coordinate)
    }

    /// The vertical centre of 国's outline, in ems; nil when the face has no 国.
    private static func characterFaceCentre(_ font: OpaquePointer, scale: Double) -> Double? {
        var glyph: hb_codepoint_t = 0
        var extents = hb_glyph_extents_t()
        guard hb_font_get_nominal_glyph(font, 0x56FD, &glyph) != 0, hb_font_get_glyph_extents(font, glyph, &extents) != 0,
              extents.height < 0 else { return nil }
        return (Double(extents.y_bearing) + Double(extents.height) / 2) / scale
    }

    /// A cairo font face over its own FreeType face. Cairo may keep the face in its caches after
    /// we let go, so cairo owns the FreeType face and frees it when it destroys the font face.
    private static func makeCairoFace(_ match: FontMatch) throws -> OpaquePointer {
        let face = try FreeType.openFace(path: match.path, index: match.index)
        guard let cairoFace = cairo_ft_font_face_create_for_ft_face(face, 0) else {
            FreeType.release(face)
            throw RenderError("无法为字体 \(match.path) 创建 cairo 字体")
        }
        FreeType.handToCairo(face)
        let status = cairo_font_face_set_user_data(cairoFace, ownerKey, UnsafeMutableRawPointer(face)) { pointer in
            if let pointer { FreeType.release(pointer.assumingMemoryBound(to: FT_FaceRec_.self)) }
        }
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_font_face_destroy(cairoFace)
            FreeType.release(face)
            throw RenderError.cairo(String(cString: cairo_status_to_string(status)), doing: "登记字体 \(match.path)")
        }
        return cairoFace
    }
}

import CHarfBuzz
import Document
import Fonts
import Layout

/// Layout's TextShaper over HarfBuzz: shapes each run of text in the first face of the role that
/// has its characters, with advances in points, and remembers results.
public final class HarfBuzzShaper: TextShaper {
    public let fonts: FontLibrary
    /// How many texts went through HarfBuzz (cache misses), for tests and timing.
    public private(set) var shapedCount = 0

    /// The bound is far above one document's distinct texts.
    private let cache = BoundedCache<ShapeKey, ShapedText>(capacity: 200_000)
    private var features: [FontRole: [[hb_feature_t]]] = [:]
    private let buffer: OpaquePointer
    private let language: hb_language_t


    public init(fonts: FontLibrary) {
        self.fonts = fonts
        buffer = hb_buffer_create()
        language = hb_language_from_string("zh-Hans", -1)
    }

    /// A shaper over the bundled font configuration (Fonts/roles.tsv).
    public convenience init() throws {
        self.init(fonts: try FontLibrary())
    }

    deinit {
        hb_buffer_destroy(buffer)
    }

    public func shape(_ text: String, role: FontRole, size: Double, bold: Bool) throws -> ShapedText {
        try cache.value(for: ShapeKey(text: ExactText(text), role: role, size: size, bold: bold)) {
            try shapeAnew(text, role: role, size: size, bold: bold)
        }
    }

    private func shapeAnew(_ text: String, role: FontRole, size: Double, bold: Bool) throws -> ShapedText {
        let runs = try FaceRun.split(text, role: role, fonts: fonts)
        var glyphs: [ShapedGlyph] = []
        var utf8 = Array(text.utf8)
        utf8.append(0)
        for run in runs {
            glyphs += try shape(run, of: utf8, role: role, size: size, bold: bold)
        }
        shapedCount += 1
        return ShapedText(text: text, size: size, glyphs: glyphs)
    }

    /// The ideographic em box of the role's primary face: Chinese text sits on that box, so
    /// centring it in a line or cell centres the characters (hhea ascender/descender would not).
    public func verticalMetrics(role: FontRole, size: Double) -> (ascent: Double, descent: Double) {
        guard let face = fonts.primaryFace(role) else { return (size * 0.88, size * 0.12) }
        return (face.emBoxAscent * size, face.emBoxDescent * size)
    }

    /// Shapes one run with the whole text as context; clusters come out as byte offsets in it.
    private func shape(_ run: FaceRun, of utf8: [UInt8], role: FontRole, size: Double, bold: Bool) throws -> [ShapedGlyph] {
        let face = try fonts.face(role: role, index: run.family, bold: bold)
        let synthetic = bold && (fonts.family(role, run.family)?.syntheticBold ?? true)
        let id = FaceID(role: role, index: run.family, bold: bold, syntheticBold: synthetic)
        fill(buffer, with: utf8, run: run)
        let runFeatures = FeatureScope.asciiOnly(features(role, run.family), in: utf8, bytes: run.bytes)
        hb_shape(face.harfBuzzFont, buffer, runFeatures, UInt32(runFeatures.count))
        var count: UInt32 = 0
        guard let infos = hb_buffer_get_glyph_infos(buffer, &count),
              let positions = hb_buffer_get_glyph_positions(buffer, &count) else { return [] }
        let factor = size / face.scale
        return (0..<Int(count)).map { index in
            ShapedGlyph(id: infos[index].codepoint, face: id, cluster: Int(infos[index].cluster),
                        advance: Double(positions[index].x_advance) * factor,
                        offsetX: Double(positions[index].x_offset) * factor,
                        offsetY: Double(positions[index].y_offset) * factor)
        }
    }

    private func fill(_ buffer: OpaquePointer, with utf8: [UInt8], run: FaceRun) {
        hb_buffer_clear_contents(buffer)
        let length = utf8.count - 1 // without the terminating NUL
        utf8.withUnsafeBufferPointer { bytes in
            bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: utf8.count) { text in
                hb_buffer_add_utf8(buffer, text, Int32(length), UInt32(run.bytes.lowerBound), Int32(run.bytes.count))
            }
        }
        hb_buffer_set_direction(buffer, HB_DIRECTION_LTR)
        hb_buffer_set_language(buffer, language)
        hb_buffer_guess_segment_properties(buffer)
        var flags = HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES.rawValue
        if run.bytes.lowerBound == 0 { flags |= HB_BUFFER_FLAG_BOT.rawValue }
        if run.bytes.upperBound == length { flags |= HB_BUFFER_FLAG_EOT.rawValue }
        hb_buffer_set_flags(buffer, hb_buffer_flags_t(rawValue: flags))
    }

    /// The OpenType features roles.tsv lists for family `index` of `role`, parsed once (a tag
    /// HarfBuzz cannot parse was refused when the configuration was read).
    private func features(_ role: FontRole, _ index: Int) -> [hb_feature_t] {
        if let parsed = features[role] { return parsed.indices.contains(index) ? parsed[index] : [] }
        let parsed = fonts.families(of: role).map { family in
            (family?.choice.features ?? []).compactMap { tag -> hb_feature_t? in
                var feature = hb_feature_t()
                return hb_feature_from_string(tag, -1, &feature) != 0 ? feature : nil
            }
        }
        features[role] = parsed
        return parsed.indices.contains(index) ? parsed[index] : []
    }
}

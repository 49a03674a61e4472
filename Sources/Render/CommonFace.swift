import CHarfBuzz
import Foundation

/// 常用字形: the glyphs of a face that nearly every budget document draws (the GB 2312 characters,
/// ASCII, and what the roles' OpenType features make of ASCII), subset once per machine and kept
/// in the user's cache (`CommonFontStore`). A PDF draws these glyphs without subsetting anything,
/// and every document of a process draws them with the same cairo face, so cairo loads each glyph
/// once per size for the whole batch. A document's other glyphs go to a subset of its own
/// (`DocumentFaces`). The common subset's glyph ids depend only on the face and the features, so a
/// document prints the same bytes alone or in a batch, with the cache cold or warm.
enum CommonFace {
    /// The common subset of `face`, its ASCII closed under each of `featureSets` (roles.tsv's
    /// features of the roles that draw with the face).
    static func subset(of face: LoadedFace, featureSets: [[String]]) throws -> SubsetFace {
        let key = cacheKey(face, featureSets: featureSets)
        let make = { try SubsetFace.subset(face, glyphs: glyphs(of: face, featureSets: featureSets)) }
        do {
            return try SubsetFace(try CommonFontStore.shared.font(key: key, make: make), name: face.displayName)
        } catch {
            // A cached file FreeType cannot read: make the subset again and replace the file.
            return try SubsetFace(try CommonFontStore.shared.font(key: key, make: make, replacing: true), name: face.displayName)
        }
    }

    /// The glyphs the common subset keeps: each common character's glyph, and the glyphs of ASCII
    /// shaped with each feature set, as one text and character by character.
    static func glyphs(of face: LoadedFace, featureSets: [[String]]) -> Set<UInt32> {
        var glyphs: Set<UInt32> = [0]
        let ascii = (0x20...0x7E).map { Character(Unicode.Scalar($0)!) }
        for scalar in CommonCharacters.gb2312.unicodeScalars.lazy.filter({ $0 != "\n" }) + ascii.map({ $0.unicodeScalars.first! }) {
            var glyph: hb_codepoint_t = 0
            if hb_font_get_nominal_glyph(face.harfBuzzFont, scalar.value, &glyph) != 0, glyph != 0 { glyphs.insert(glyph) }
        }
        let buffer = hb_buffer_create()
        defer { hb_buffer_destroy(buffer) }
        for features in Set(featureSets).sorted(by: { $0.joined(separator: ",") < $1.joined(separator: ",") }) where !features.isEmpty {
            let parsed = features.compactMap { tag -> hb_feature_t? in
                var feature = hb_feature_t()
                return hb_feature_from_string(tag, -1, &feature) != 0 ? feature : nil
            }
            for text in [String(ascii)] + ascii.map(String.init) {
                hb_buffer_clear_contents(buffer)
                hb_buffer_add_utf8(buffer, text, -1, 0, -1)
                hb_buffer_guess_segment_properties(buffer)
                hb_shape(face.harfBuzzFont, buffer, parsed, UInt32(parsed.count))
                var count: UInt32 = 0
                guard let infos = hb_buffer_get_glyph_infos(buffer, &count) else { continue }
                for index in 0..<Int(count) where infos[index].codepoint != 0 { glyphs.insert(infos[index].codepoint) }
            }
        }
        return glyphs
    }

    /// The version of `glyphs(of:featureSets:)` and `SubsetFace.subset`: raise it whenever either
    /// changes what a subset holds, or caches made before would be taken for the new recipe's.
    static let recipe = 3

    /// Everything the common subset's bytes depend on: the font file as it is now, the character
    /// list, the features, HarfBuzz's version and this recipe's. One per line; lines 2, 3 and 8 (the
    /// file, the face's index, the features) name the face (`CommonFontFile`'s clean-up reads them).
    static func cacheKey(_ face: LoadedFace, featureSets: [[String]]) -> String {
        let stamp = FileStamp(face.match.path)
        let features = Set(featureSets.map { $0.joined(separator: ",") }).sorted().joined(separator: ";")
        return ["gongkai common subset \(recipe)", face.match.path, "\(face.match.index)", "\(stamp.size)", "\(stamp.inode)",
                "\(stamp.modified).\(stamp.modifiedNanoseconds)", "characters \(FNV.hash(CommonCharacters.gb2312))",
                "features \(features)", "harfbuzz \(String(cString: hb_version_string()))"].joined(separator: "\n")
    }
}

/// What tells a font file's version apart without reading it.
struct FileStamp: Equatable {
    let size: Int64
    let inode: UInt64
    let modified: Int64
    let modifiedNanoseconds: Int64

    init(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            (size, inode, modified, modifiedNanoseconds) = (-1, 0, 0, 0)
            return
        }
        size = Int64(info.st_size)
        inode = UInt64(info.st_ino)
        modified = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
    }
}

/// 64-bit FNV-1a: cache file names and checksums (not security).
enum FNV {
    static func hash(_ text: String) -> UInt64 {
        Array(text.utf8).withUnsafeBytes { hash($0) }
    }

    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

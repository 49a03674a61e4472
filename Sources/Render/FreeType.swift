import CFreeType
import CGlyphMemo
import Foundation

/// The process's one FreeType library. Faces handed to cairo live as long as cairo caches
/// them, possibly beyond any FontLibrary, so the library they belong to is never freed.
enum FreeType {
    // FreeType asks callers to serialise face creation and disposal on one library.
    private static let lock = NSLock()
    nonisolated(unsafe) private static let library: FT_Library? = {
        var library: FT_Library?
        return FT_Init_FreeType(&library) == 0 ? library : nil
    }()

    /// Opens face `index` of the font file at `path`.
    static func openFace(path: String, index: Int) throws -> FT_Face {
        lock.lock()
        defer { lock.unlock() }
        guard let library else { throw RenderError("无法初始化 FreeType 字体库") }
        var face: FT_Face?
        let code = FT_New_Face(library, path, FT_Long(index), &face)
        guard code == 0, let face else { throw RenderError.fontFileUnreadable(path, index: index, code: code) }
        return face
    }

    /// Opens the single face in `bytes`, which must stay valid until the face is released.
    static func openFace(memory bytes: UnsafePointer<UInt8>, count: Int, describedAs name: String) throws -> FT_Face {
        lock.lock()
        defer { lock.unlock() }
        guard let library else { throw RenderError("无法初始化 FreeType 字体库") }
        var face: FT_Face?
        let code = FT_New_Memory_Face(library, bytes, FT_Long(count), 0, &face)
        guard code == 0, let face else { throw RenderError.fontFileUnreadable(name, index: 0, code: code) }
        return face
    }

    /// Drops one reference to `face` (FT_Done_Face), under the library's lock.
    static func release(_ face: FT_Face) {
        lock.lock()
        defer { lock.unlock() }
        gk_glyph_memo_unregister(face)
        FT_Done_Face(face)
    }

    /// `face` is cairo's alone from now on: cairo's repeated loads of a glyph at the face's em
    /// size (one for each size the glyph is set in) are answered from the first (GlyphMemo.c).
    static func handToCairo(_ face: FT_Face) {
        gk_glyph_memo_register(face)
    }
}

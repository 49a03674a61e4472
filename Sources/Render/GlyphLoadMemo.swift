import CGlyphMemo

/// Cairo's repeated loads of a glyph at its face's em size (one for each size the glyph is set in,
/// and one for the PDF's font subset) answered from the first load (Sources/CGlyphMemo/GlyphMemo.c).
/// On unless switched off; the PDF is the same either way.
public enum GlyphLoadMemo {
    /// Off: every load goes to FreeType (tests compare the two).
    public static var isEnabled: Bool {
        get { gk_glyph_memo_is_enabled() != 0 }
        set { gk_glyph_memo_set_enabled(newValue ? 1 : 0) }
    }

    /// Loads answered from the memo since the process started.
    public static var hits: UInt { UInt(gk_glyph_memo_hits()) }
}

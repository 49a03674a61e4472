#ifndef GONGKAI_GLYPH_MEMO_H
#define GONGKAI_GLYPH_MEMO_H

#include <ft2build.h>
#include FT_FREETYPE_H

/// Remembers the glyphs FreeType loads at the face's em size for the faces registered here (the
/// faces gongkai hands to cairo), so that a glyph loaded again at that size is copied instead of
/// interpreted again. See GlyphMemo.c for why and how.
void gk_glyph_memo_register(FT_Face face);

/// Forgets `face` and its glyphs: call before the face is freed (its address may be reused).
void gk_glyph_memo_unregister(FT_Face face);

/// Off: every load goes to FreeType (a test compares the two). On by default.
void gk_glyph_memo_set_enabled(int enabled);
int gk_glyph_memo_is_enabled(void);

/// Loads answered from the memo since the process started.
unsigned long gk_glyph_memo_hits(void);

#endif

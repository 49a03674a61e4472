// Why this file exists: cairo measures a glyph once for every size it is set in (each size is a
// scaled font with its own glyph cache), and once more at unit size for the PDF's font subset.
// With metric hinting off, the PDF surface's setting, cairo-ft makes each of those measurements by
// loading the glyph at the face's em size: the same FT_Load_Glyph call with the same answer, three
// or four times per glyph. For a CJK face in CFF that is some 60,000 instructions a load, about a
// tenth of all the work of rendering one document.
//
// This file's FT_Load_Glyph is the one cairo's calls bind to (an executable's definition comes
// first), and it answers a repeated load from a copy of FreeType's first answer: the glyph slot's
// public fields, outline included, as FreeType left them. Only loads that cannot differ are
// answered: a face gongkai registered (the FreeType faces it makes for cairo, which nothing else
// loads from), at em size, with FreeType's transform the identity, without variations, with the
// same load flags, after a load that succeeded with an outline. Every other call goes straight to
// FreeType. The PDF is byte for byte the same with or without the memo (RenderTests check it).

#define _GNU_SOURCE
#include "CGlyphMemo.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// FT_Get_Transform (2.11) tells whether FreeType transforms the glyph; older FreeTypes are left alone.
#if FREETYPE_MAJOR > 2 || (FREETYPE_MAJOR == 2 && FREETYPE_MINOR >= 11)
#define GK_MEMO_POSSIBLE 1
#else
#define GK_MEMO_POSSIBLE 0
#endif

typedef FT_Error (*LoadGlyphFunction)(FT_Face, FT_UInt, FT_Int32);

/// One load's answer: the slot's public fields after FreeType loaded the glyph.
typedef struct Glyph {
    struct Glyph *next;
    FT_Face face;
    FT_UInt index;
    FT_Int32 flags;
    FT_Fixed x_scale, y_scale;
    FT_Glyph_Metrics metrics;
    FT_Fixed linear_hori_advance, linear_vert_advance;
    FT_Vector advance;
    FT_Pos lsb_delta, rsb_delta;
    FT_Outline outline; // its arrays belong to this record
} Glyph;

/// A registered face, and the outline its slot shows after an answer from the memo (cairo
/// transforms a slot's outline in place, so the slot gets a copy, never the record's arrays).
typedef struct Face {
    FT_Face face;
    FT_Outline shown;
    size_t point_capacity, contour_capacity;
} Face;

enum { BUCKET_COUNT = 4096, FACE_LIMIT = 64 };

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static Face *faces[FACE_LIMIT];
static Glyph *buckets[BUCKET_COUNT];
static int enabled = 1;
static unsigned long hits;

static pthread_once_t resolved = PTHREAD_ONCE_INIT;
static LoadGlyphFunction freetype_load_glyph;

static void resolve(void) {
    freetype_load_glyph = (LoadGlyphFunction)dlsym(RTLD_NEXT, "FT_Load_Glyph");
}

static Face *registered(FT_Face face) {
    for (int i = 0; i < FACE_LIMIT; i++)
        if (faces[i] && faces[i]->face == face) return faces[i];
    return NULL;
}

static size_t bucket(FT_Face face, FT_UInt index, FT_Int32 flags) {
    uint64_t h = (uint64_t)(uintptr_t)face * 0x9E3779B97F4A7C15ull;
    h ^= (uint64_t)index * 0xC2B2AE3D27D4EB4Full;
    h ^= (uint64_t)(uint32_t)flags * 0x165667B19E3779F9ull;
    return (size_t)((h ^ (h >> 29)) % BUCKET_COUNT);
}

static Glyph *find(FT_Face face, FT_UInt index, FT_Int32 flags, const FT_Size_Metrics *size) {
    for (Glyph *glyph = buckets[bucket(face, index, flags)]; glyph; glyph = glyph->next)
        if (glyph->face == face && glyph->index == index && glyph->flags == flags &&
            glyph->x_scale == size->x_scale && glyph->y_scale == size->y_scale)
            return glyph;
    return NULL;
}

/// Copies `source`'s points, tags and contours into `target`, whose arrays hold enough.
static void copy_outline(FT_Outline *target, const FT_Outline *source) {
    target->n_points = source->n_points;
    target->n_contours = source->n_contours;
    target->flags = source->flags;
    if (source->n_points > 0) {
        memcpy(target->points, source->points, (size_t)source->n_points * sizeof(*source->points));
        memcpy(target->tags, source->tags, (size_t)source->n_points * sizeof(*source->tags));
    }
    if (source->n_contours > 0)
        memcpy(target->contours, source->contours, (size_t)source->n_contours * sizeof(*source->contours));
}

/// Arrays for an outline of `points` and `contours` (at least one of each, so never NULL).
static int allocate_outline(FT_Outline *outline, size_t points, size_t contours) {
    outline->points = malloc((points ? points : 1) * sizeof(*outline->points));
    outline->tags = malloc(points ? points : 1);
    outline->contours = malloc((contours ? contours : 1) * sizeof(*outline->contours));
    return outline->points && outline->tags && outline->contours;
}

static void free_outline(FT_Outline *outline) {
    free(outline->points);
    free(outline->tags);
    free(outline->contours);
    memset(outline, 0, sizeof(*outline));
}

/// Keeps what FreeType just loaded into `face`'s slot (the caller holds `lock`).
static void remember(FT_Face face, FT_UInt index, FT_Int32 flags) {
    const FT_GlyphSlot slot = face->glyph;
    const FT_Size_Metrics *size = &face->size->metrics;
    if (find(face, index, flags, size)) return;
    Glyph *glyph = calloc(1, sizeof(Glyph));
    if (!glyph) return;
    if (!allocate_outline(&glyph->outline, (size_t)slot->outline.n_points, (size_t)slot->outline.n_contours)) {
        free_outline(&glyph->outline);
        free(glyph);
        return;
    }
    copy_outline(&glyph->outline, &slot->outline);
    glyph->face = face;
    glyph->index = index;
    glyph->flags = flags;
    glyph->x_scale = size->x_scale;
    glyph->y_scale = size->y_scale;
    glyph->metrics = slot->metrics;
    glyph->linear_hori_advance = slot->linearHoriAdvance;
    glyph->linear_vert_advance = slot->linearVertAdvance;
    glyph->advance = slot->advance;
    glyph->lsb_delta = slot->lsb_delta;
    glyph->rsb_delta = slot->rsb_delta;
    const size_t b = bucket(face, index, flags);
    glyph->next = buckets[b];
    buckets[b] = glyph;
}

/// Puts `glyph` in its face's slot as FreeType would have (the caller holds `lock`). Returns 0
/// when there is no memory for the copy: the load then goes to FreeType.
static int show(const Glyph *glyph, Face *face) {
    const size_t points = (size_t)glyph->outline.n_points, contours = (size_t)glyph->outline.n_contours;
    if (points > face->point_capacity || contours > face->contour_capacity || !face->shown.points) {
        free_outline(&face->shown);
        face->point_capacity = face->contour_capacity = 0;
        const size_t point_room = points > 256 ? points : 256, contour_room = contours > 64 ? contours : 64;
        if (!allocate_outline(&face->shown, point_room, contour_room)) {
            free_outline(&face->shown);
            return 0;
        }
        face->point_capacity = point_room;
        face->contour_capacity = contour_room;
    }
    copy_outline(&face->shown, &glyph->outline);
    FT_GlyphSlot slot = face->face->glyph;
    slot->glyph_index = glyph->index;
    slot->metrics = glyph->metrics;
    slot->linearHoriAdvance = glyph->linear_hori_advance;
    slot->linearVertAdvance = glyph->linear_vert_advance;
    slot->advance = glyph->advance;
    slot->format = FT_GLYPH_FORMAT_OUTLINE;
    slot->outline = face->shown;
    slot->bitmap_left = 0;
    slot->bitmap_top = 0;
    slot->num_subglyphs = 0;
    slot->subglyphs = NULL;
    slot->control_data = NULL;
    slot->control_len = 0;
    slot->other = NULL;
    slot->lsb_delta = glyph->lsb_delta;
    slot->rsb_delta = glyph->rsb_delta;
    return 1;
}

/// A load whose answer depends on nothing but the face, the glyph and the flags.
static int is_repeatable(FT_Face face) {
#if GK_MEMO_POSSIBLE
    if (!__atomic_load_n(&enabled, __ATOMIC_RELAXED) || !face || !face->size || !face->glyph || FT_HAS_MULTIPLE_MASTERS(face))
        return 0;
    const FT_Size_Metrics *size = &face->size->metrics;
    if (size->x_ppem != face->units_per_EM || size->y_ppem != face->units_per_EM) return 0;
    FT_Matrix matrix;
    FT_Vector delta;
    FT_Get_Transform(face, &matrix, &delta);
    return matrix.xx == 0x10000 && matrix.xy == 0 && matrix.yx == 0 && matrix.yy == 0x10000 && delta.x == 0 && delta.y == 0;
#else
    (void)face;
    return 0;
#endif
}

FT_Error FT_Load_Glyph(FT_Face face, FT_UInt glyph_index, FT_Int32 load_flags) {
    pthread_once(&resolved, resolve);
    if (!freetype_load_glyph) return FT_Err_Unimplemented_Feature;
    if (!is_repeatable(face)) return freetype_load_glyph(face, glyph_index, load_flags);

    pthread_mutex_lock(&lock);
    Face *known = registered(face);
    const Glyph *glyph = known ? find(face, glyph_index, load_flags, &face->size->metrics) : NULL;
    const int shown = glyph && show(glyph, known);
    if (shown) hits++;
    pthread_mutex_unlock(&lock);
    if (shown || !known) return shown ? FT_Err_Ok : freetype_load_glyph(face, glyph_index, load_flags);

    const FT_Error error = freetype_load_glyph(face, glyph_index, load_flags);
    if (error == FT_Err_Ok && face->glyph->format == FT_GLYPH_FORMAT_OUTLINE) {
        pthread_mutex_lock(&lock);
        if (registered(face)) remember(face, glyph_index, load_flags);
        pthread_mutex_unlock(&lock);
    }
    return error;
}

void gk_glyph_memo_register(FT_Face face) {
    if (!face) return;
    pthread_mutex_lock(&lock);
    if (!registered(face)) {
        for (int i = 0; i < FACE_LIMIT; i++) {
            if (faces[i]) continue;
            faces[i] = calloc(1, sizeof(Face));
            if (faces[i]) faces[i]->face = face;
            break;
        }
    }
    pthread_mutex_unlock(&lock);
}

void gk_glyph_memo_unregister(FT_Face face) {
    pthread_mutex_lock(&lock);
    for (int i = 0; i < FACE_LIMIT; i++) {
        if (!faces[i] || faces[i]->face != face) continue;
        free_outline(&faces[i]->shown);
        free(faces[i]);
        faces[i] = NULL;
    }
    for (size_t b = 0; b < BUCKET_COUNT; b++) {
        Glyph **link = &buckets[b];
        while (*link) {
            Glyph *glyph = *link;
            if (glyph->face != face) { link = &glyph->next; continue; }
            *link = glyph->next;
            free_outline(&glyph->outline);
            free(glyph);
        }
    }
    pthread_mutex_unlock(&lock);
}

void gk_glyph_memo_set_enabled(int on) {
    __atomic_store_n(&enabled, on ? 1 : 0, __ATOMIC_RELAXED);
}

int gk_glyph_memo_is_enabled(void) {
    return __atomic_load_n(&enabled, __ATOMIC_RELAXED);
}

unsigned long gk_glyph_memo_hits(void) {
    pthread_mutex_lock(&lock);
    const unsigned long count = hits;
    pthread_mutex_unlock(&lock);
    return count;
}

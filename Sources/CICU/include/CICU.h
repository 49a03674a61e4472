#ifndef GONGKAI_CICU_H
#define GONGKAI_CICU_H
#include <stdint.h>

/// Line-break opportunities of UTF-16 text after Unicode's UAX #14 (ICU's line iterator, locale zh).
/// Writes the UTF-16 offsets where a line may start (excluding 0, including the length) into
/// `positions`, at most `capacity`; returns how many there are, or -1 when ICU fails.
int32_t gk_line_break_positions(const uint16_t *text, int32_t length, int32_t *positions, int32_t capacity);

#endif

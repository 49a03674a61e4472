#include "CICU.h"
#include <unicode/ubrk.h>
#include <unicode/utypes.h>

int32_t gk_line_break_positions(const uint16_t *text, int32_t length, int32_t *positions, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_LINE, "zh", (const UChar *)text, length, &status);
    if (U_FAILURE(status)) {
        return -1;
    }
    int32_t count = 0;
    ubrk_first(iterator);
    for (int32_t boundary = ubrk_next(iterator); boundary != UBRK_DONE; boundary = ubrk_next(iterator)) {
        if (count < capacity) {
            positions[count] = boundary;
        }
        count++;
    }
    ubrk_close(iterator);
    return count;
}

#include "CICU.h"
#include <unicode/ubrk.h>
#include <unicode/utypes.h>

/* One line iterator per thread, opened on first use and given each text in turn: opening one
   (ubrk_open) costs ICU far more than finding a short text's boundaries. Never closed: a process
   has one per layout thread. */
static _Thread_local UBreakIterator *lineIterator = NULL;

int32_t gk_line_break_positions(const uint16_t *text, int32_t length, int32_t *positions, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    if (lineIterator == NULL) {
        lineIterator = ubrk_open(UBRK_LINE, "zh", NULL, 0, &status);
        if (U_FAILURE(status)) {
            lineIterator = NULL;
            return -1;
        }
    }
    ubrk_setText(lineIterator, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) {
        return -1;
    }
    int32_t count = 0;
    ubrk_first(lineIterator);
    for (int32_t boundary = ubrk_next(lineIterator); boundary != UBRK_DONE; boundary = ubrk_next(lineIterator)) {
        if (count < capacity) {
            positions[count] = boundary;
        }
        count++;
    }
    return count;
}

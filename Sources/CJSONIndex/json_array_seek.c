#include "json_array_seek.h"
#include "json_masks.h"

tally_json_array_cursor tally_json_array_cursor_make(void) {
    tally_json_array_cursor cursor = {0, 0, 0, 0, 0, 0, -1};
    return cursor;
}

static int seek_with(masks_fn masks, tally_json_array_cursor *cursor, const uint8_t *buf, long len, long offset, long target);

/// The element (if any) beginning at the first token of `starts`; returns 1 when it is the one sought.
static inline int begin_element(
    tally_json_array_cursor *cursor, const uint8_t *p, uint64_t starts, long offset, long target) {
    if (!starts) return 0; // the element begins in a later block
    cursor->expecting = 0;
    long j = __builtin_ctzll(starts);
    if (p[j] == ']') return 0; // an empty array
    cursor->elements++;
    if (offset + j < target) return 0;
    cursor->found = offset + j;
    return 1;
}

int tally_json_array_seek(tally_json_array_cursor *cursor, const uint8_t *buf, long len, long offset, long target) {
    static masks_fn chosen = 0;
    masks_fn masks = __atomic_load_n(&chosen, __ATOMIC_RELAXED);
    if (!masks) {
        masks = tally_json_best_masks();
        __atomic_store_n(&chosen, masks, __ATOMIC_RELAXED);
    }
    return seek_with(masks, cursor, buf, len, offset, target);
}

int tally_json_array_seek_level(
    int level, tally_json_array_cursor *cursor, const uint8_t *buf, long len, long offset, long target) {
    masks_fn masks = masks_scalar;
#ifdef TALLY_X86
    if (level >= 2 && tally_json_has_avx2()) masks = masks_avx2;
    else if (level >= 1) masks = masks_sse2;
#endif
    return seek_with(masks, cursor, buf, len, offset, target);
}

/// The seek, with stage one's masks from `masks`.
static int seek_with(masks_fn masks, tally_json_array_cursor *cursor, const uint8_t *buf, long len, long offset, long target) {
    if (cursor->found >= 0) return 1;
    uint8_t tail[64];
    for (long at = 0; at < len; at += 64) {
        const uint8_t *p = buf + at;
        long valid = len - at;
        if (valid < 64) {
            memset(tail, ' ', sizeof tail);
            memcpy(tail, p, (size_t)valid);
            p = tail;
        }
        block_masks m;
        masks(p, &m);
        uint64_t escaped = escaped_bytes(m.backslash, &cursor->escape);
        uint64_t quote = m.quote & ~escaped;
        uint64_t in_string = prefix_xor(quote) ^ cursor->in_string;
        cursor->in_string = (uint64_t)((int64_t)in_string >> 63);
        uint64_t outside = ~in_string;
        uint64_t scalar = ~(m.op | m.space | m.quote) & outside;
        uint64_t scalar_starts = scalar & ~(scalar << 1 | cursor->scalar);
        cursor->scalar = scalar >> 63;
        uint64_t op = m.op & outside, opens = m.open & outside, closes = m.close & outside;
        // Where tokens begin: an element begins at the first one after `[` or a `,` at depth 1.
        uint64_t starts = op | (quote & in_string) | scalar_starts;
        if (cursor->expecting && begin_element(cursor, p, starts, offset + at, target)) return 1;
        // No element can begin in this block unless the depth may come back to 1 in it.
        if (!cursor->expecting && cursor->depth - __builtin_popcountll(closes) >= 2) {
            cursor->depth += __builtin_popcountll(opens) - __builtin_popcountll(closes);
            continue;
        }
        for (uint64_t events = op; events; events &= events - 1) {
            uint64_t bit = events & -events;
            if (opens & bit) {
                if (++cursor->depth != 1) continue;
            } else if (closes & bit) {
                cursor->depth--;
                continue;
            } else if (cursor->depth != 1 || p[__builtin_ctzll(events)] != ',') {
                continue;
            }
            // After the array's `[` or one of its commas: the next token begins an element.
            cursor->expecting = 1;
            if (begin_element(cursor, p, starts & ~(bit | (bit - 1)), offset + at, target)) return 1;
        }
    }
    return 0;
}

#include "json_array_seek.h"
#include "json_masks.h"

tally_json_array_cursor tally_json_array_cursor_make(void) {
    tally_json_array_cursor cursor = {0, 0, 0, 0, 0, 0, -1};
    return cursor;
}

int tally_json_array_seek(tally_json_array_cursor *cursor, const uint8_t *buf, long len, long offset, long target) {
    static masks_fn chosen = 0;
    masks_fn masks = __atomic_load_n(&chosen, __ATOMIC_RELAXED);
    if (!masks) {
        masks = tally_json_best_masks();
        __atomic_store_n(&chosen, masks, __ATOMIC_RELAXED);
    }
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
        uint64_t op = m.op & outside;
        uint64_t scalar = ~(m.op | m.space | m.quote) & outside;
        uint64_t scalar_starts = scalar & ~(scalar << 1 | cursor->scalar);
        cursor->scalar = scalar >> 63;
        // Brackets: `[` `{` and `]` `}` differ from each other in bit 1 (0x5B/0x7B vs 0x5D/0x7D).
        uint64_t closes = 0, opens = 0;
        if (op) {
            for (uint64_t bits = op; bits; bits &= bits - 1) {
                uint8_t c = p[__builtin_ctzll(bits)];
                uint64_t bit = bits & -bits;
                if (c == '[' || c == '{') opens |= bit;
                else if (c == ']' || c == '}') closes |= bit;
            }
        }
        // No element can begin in this block unless depth may come back to 1 in it.
        if (!cursor->expecting && cursor->depth - __builtin_popcountll(closes) >= 2) {
            cursor->depth += __builtin_popcountll(opens) - __builtin_popcountll(closes);
            continue;
        }
        for (uint64_t events = op | (quote & in_string) | scalar_starts; events; events &= events - 1) {
            long i = __builtin_ctzll(events);
            uint64_t bit = events & -events;
            uint8_t c = p[i];
            if (cursor->expecting && cursor->depth == 1 && c != ']' && c != ',') {
                cursor->expecting = 0;
                cursor->elements++;
                if (offset + at + i >= target) {
                    cursor->found = offset + at + i;
                    return 1;
                }
            }
            if (opens & bit) {
                cursor->depth++;
                if (cursor->depth == 1) cursor->expecting = 1;
            } else if (closes & bit) {
                cursor->depth--;
            } else if (c == ',' && cursor->depth == 1) {
                cursor->expecting = 1;
            }
        }
    }
    return 0;
}

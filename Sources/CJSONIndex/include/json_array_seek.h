#ifndef TALLY_JSON_ARRAY_SEEK_H
#define TALLY_JSON_ARRAY_SEEK_H

#include <stdint.h>

/// A walk over the structure of a JSON array (strings, escapes and nesting only; no validation),
/// fed the text in pieces, to find where an element starts without parsing what comes before.
typedef struct {
    /// Stage one's carries between blocks.
    uint64_t in_string, escape, scalar;
    /// Open arrays and objects (1 inside the array itself).
    long depth;
    /// Elements of the array begun so far.
    long elements;
    /// Whether the next value at depth 1 begins an element (after `[` or `,`).
    int expecting;
    /// The offset of the first element that begins at or after the target, once found (else -1).
    long found;
} tally_json_array_cursor;

/// A cursor for an array whose `[` is the first byte it will be fed.
tally_json_array_cursor tally_json_array_cursor_make(void);

/// Feeds `len` bytes of the text (the first at offset `offset`): a multiple of 64
/// unless it is the last piece. Returns 1 once `cursor->found` is set (the first
/// element beginning at or after offset `target`; `elements` then counts it), else 0.
int tally_json_array_seek(tally_json_array_cursor *cursor, const uint8_t *buf, long len, long offset, long target);

/// `tally_json_array_seek` with stage one at `level` (TALLY_JSON_LEVEL_*), for tests.
int tally_json_array_seek_level(
    int level, tally_json_array_cursor *cursor, const uint8_t *buf, long len, long offset, long target);

#endif

#ifndef TALLY_JSON_SCAN_H
#define TALLY_JSON_SCAN_H

#include <stddef.h>
#include <stdint.h>

/// One key-value pair of a scanned object, as byte offsets into the buffer.
typedef struct {
    /// First byte of the key after its opening quote, and its closing quote.
    long keyStart;
    long keyEnd;
    /// Whether the key holds a backslash escape.
    _Bool keyEscaped;
    /// First and one-past-last byte of the value.
    long valueStart;
    long valueEnd;
    /// TALLY_JSON_ESCAPED for a string holding an escape, TALLY_JSON_INTEGRAL for an integer.
    uint8_t flags;
} tally_json_member;

#define TALLY_JSON_ESCAPED 1
#define TALLY_JSON_INTEGRAL 2

/// The value could not be scanned here: scan it byte by byte instead (invalid JSON,
/// non-ASCII text, a value cut by the end of the buffer, nesting too deep).
#define TALLY_JSON_SCAN_DECLINED (-1)
/// The object has more members than `member_capacity`: call again with more room.
#define TALLY_JSON_SCAN_MEMBERS_FULL (-2)

/// A simdjson-style scan of the JSON object or array starting at `base[start]` (after whitespace).
///
/// Stage one finds, 64 bytes at a time with SIMD, the bytes that matter (structure
/// outside strings, unescaped quotes, starts of numbers and literals, escapes);
/// stage two walks them, checking the grammar, and collects the members of the
/// outermost object when `collect` is set. Only the common case is taken: anything
/// unusual returns TALLY_JSON_SCAN_DECLINED, never a wrong answer, so the caller's
/// byte-by-byte scanner decides it (and words its error).
///
/// Bytes from `end` up to `readable_end` may be read (and are ignored); `stack` must
/// hold `max_depth` bytes. Returns the offset just past the value, or a negative code.
long tally_json_scan(
    const uint8_t *base, long start, long end, long readable_end, int collect, uint8_t *stack, long max_depth,
    tally_json_member *members, long member_capacity, long *member_count);

/// Instruction sets of stage one: one byte at a time (any machine), SSE2 (every x86-64), AVX2.
#define TALLY_JSON_LEVEL_PORTABLE 0
#define TALLY_JSON_LEVEL_SSE2 1
#define TALLY_JSON_LEVEL_AVX2 2

/// `tally_json_scan` with stage one at `level` (or the best below it this machine has), for tests.
long tally_json_scan_level(
    int level, const uint8_t *base, long start, long end, long readable_end, int collect, uint8_t *stack,
    long max_depth, tally_json_member *members, long member_capacity, long *member_count);

#endif

#include "json_scan.h"
#include "json_masks.h"

#include <string.h>

static inline int is_digit(uint8_t c) { return (uint8_t)(c - '0') < 10; }

static inline int is_hex(uint8_t c) { return is_digit(c) || (uint8_t)((c | 0x20) - 'a') < 6; }

/// Whether the backslash at `p` starts a valid escape that ends before `end`.
static inline int valid_escape(const uint8_t *base, long p, long end) {
    if (p + 1 >= end) return 0;
    switch (base[p + 1]) {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't': return 1;
    case 'u':
        return p + 6 <= end && is_hex(base[p + 2]) && is_hex(base[p + 3]) && is_hex(base[p + 4]) && is_hex(base[p + 5]);
    default: return 0;
    }
}

/// The end of the number or literal at `p` when it is valid and a delimiter follows before `end`, else -1.
static inline long scalar_end(const uint8_t *base, long p, long end, uint8_t *flags) {
    long q = p;
    *flags = 0;
    switch (base[p]) {
    case 't':
        if (p + 4 > end || memcmp(base + p, "true", 4) != 0) return -1;
        q = p + 4;
        break;
    case 'f':
        if (p + 5 > end || memcmp(base + p, "false", 5) != 0) return -1;
        q = p + 5;
        break;
    case 'n':
        if (p + 4 > end || memcmp(base + p, "null", 4) != 0) return -1;
        q = p + 4;
        break;
    default:
        *flags = TALLY_JSON_INTEGRAL;
        if (base[q] == '-') q++;
        if (q >= end || !is_digit(base[q])) return -1;
        if (base[q] == '0') q++;
        else while (q < end && is_digit(base[q])) q++;
        if (q < end && base[q] == '.') {
            *flags = 0;
            q++;
            if (q >= end || !is_digit(base[q])) return -1;
            while (q < end && is_digit(base[q])) q++;
        }
        if (q < end && (base[q] | 0x20) == 'e') {
            *flags = 0;
            q++;
            if (q < end && (base[q] == '+' || base[q] == '-')) q++;
            if (q >= end || !is_digit(base[q])) return -1;
            while (q < end && is_digit(base[q])) q++;
        }
    }
    if (q >= end) return -1; // the buffer's end is not a delimiter: the value may go on, or be cut
    switch (base[q]) {
    case ' ': case '\n': case '\r': case '\t': case ',': case '}': case ']': case ':': case '{': case '[': case '"':
        return q;
    default: return -1;
    }
}

enum expect { VALUE, VALUE_OR_CLOSE, KEY, KEY_OR_CLOSE, COLON, COMMA_OR_CLOSE, STRING_END };

/// The scan, written once and compiled per instruction set (`masks` is a constant in each copy).
static inline __attribute__((always_inline)) long scan_with(
    masks_fn masks, const uint8_t *base, long start, long end, long readable_end, int collect, uint8_t *stack,
    long max_depth, tally_json_member *members, long member_capacity, long *member_count) {
    uint64_t in_string_carry = 0, escape_carry = 0, scalar_carry = 0;
    enum expect expect = VALUE;
    long depth = 0, count = 0;
    int in_key = 0, string_escaped = 0;
    long string_start = 0, value_start = 0;
    long key_start = 0, key_end = 0;
    int key_escaped = 0;
    uint8_t tail[64];
    for (long at = start; at < end; at += 64) {
        const uint8_t *p = base + at;
        long valid = end - at;
        if (at + 64 > readable_end) {
            memset(tail, ' ', sizeof tail);
            memcpy(tail, p, (size_t)valid);
            p = tail;
        }
        block_masks m;
        masks(p, &m);
        if (valid < 64) {
            // Bytes past `end` read as spaces.
            uint64_t keep = (1ULL << valid) - 1;
            m.quote &= keep, m.backslash &= keep, m.op &= keep, m.control &= keep, m.high &= keep;
            m.space |= ~keep;
        }
        if (m.high) return TALLY_JSON_SCAN_DECLINED;
        uint64_t escaped = escaped_bytes(m.backslash, &escape_carry);
        uint64_t quote = m.quote & ~escaped;
        uint64_t in_string = prefix_xor(quote) ^ in_string_carry;
        in_string_carry = (uint64_t)((int64_t)in_string >> 63);
        if (m.control & in_string & ~quote) return TALLY_JSON_SCAN_DECLINED;
        uint64_t outside = ~in_string;
        uint64_t scalar = ~(m.op | m.space | m.quote) & outside;
        uint64_t scalar_starts = scalar & ~(scalar << 1 | scalar_carry);
        scalar_carry = scalar >> 63;
        uint64_t escapes = m.backslash & ~escaped & in_string;
        uint64_t events = (m.op & outside) | quote | scalar_starts | escapes;
        while (events) {
            long i = at + __builtin_ctzll(events);
            events &= events - 1;
            uint8_t c = base[i];
            long value_end;
            uint8_t value_flags = 0;
            switch (expect) {
            case STRING_END:
                if (c == '\\') {
                    if (!valid_escape(base, i, end)) return TALLY_JSON_SCAN_DECLINED;
                    string_escaped = 1;
                    continue;
                }
                if (in_key) {
                    if (depth == 1) key_start = string_start + 1, key_end = i, key_escaped = string_escaped;
                    expect = COLON;
                    continue;
                }
                value_end = i + 1;
                value_flags = string_escaped ? TALLY_JSON_ESCAPED : 0;
                break;
            case COLON:
                if (c != ':') return TALLY_JSON_SCAN_DECLINED;
                expect = VALUE;
                continue;
            case KEY:
            case KEY_OR_CLOSE:
                if (c == '"') {
                    string_start = i, string_escaped = 0, in_key = 1;
                    expect = STRING_END;
                    continue;
                }
                if (expect != KEY_OR_CLOSE || c != '}') return TALLY_JSON_SCAN_DECLINED;
                depth--;
                value_end = i + 1;
                break;
            case COMMA_OR_CLOSE: {
                uint8_t open = stack[depth - 1];
                if (c == ',') {
                    expect = open == '{' ? KEY : VALUE;
                    continue;
                }
                if (c != open + 2) return TALLY_JSON_SCAN_DECLINED;
                depth--;
                value_end = i + 1;
                break;
            }
            case VALUE:
            case VALUE_OR_CLOSE:
                if (expect == VALUE_OR_CLOSE && c == ']') {
                    depth--;
                    value_end = i + 1;
                    break;
                }
                if (depth == 1) value_start = i;
                if (c == '"') {
                    string_start = i, string_escaped = 0, in_key = 0;
                    expect = STRING_END;
                    continue;
                }
                if (c == '{' || c == '[') {
                    if (depth >= max_depth - 1) return TALLY_JSON_SCAN_DECLINED;
                    stack[depth++] = c;
                    expect = c == '{' ? KEY_OR_CLOSE : VALUE_OR_CLOSE;
                    continue;
                }
                if (depth == 0) return TALLY_JSON_SCAN_DECLINED;
                value_end = scalar_end(base, i, end, &value_flags);
                if (value_end < 0) return TALLY_JSON_SCAN_DECLINED;
                break;
            }
            // A value ended at `value_end`.
            if (depth == 0) {
                *member_count = count;
                return value_end;
            }
            if (depth == 1 && collect && stack[0] == '{') {
                if (count == member_capacity) return TALLY_JSON_SCAN_MEMBERS_FULL;
                tally_json_member *member = &members[count++];
                member->keyStart = key_start, member->keyEnd = key_end, member->keyEscaped = key_escaped;
                member->valueStart = value_start, member->valueEnd = value_end, member->flags = value_flags;
            }
            expect = COMMA_OR_CLOSE;
        }
    }
    return TALLY_JSON_SCAN_DECLINED;
}

static long scan_portable(
    const uint8_t *base, long start, long end, long readable_end, int collect, uint8_t *stack, long max_depth,
    tally_json_member *members, long member_capacity, long *member_count) {
    return scan_with(masks_scalar, base, start, end, readable_end, collect, stack, max_depth, members,
                     member_capacity, member_count);
}

#ifdef TALLY_X86
__attribute__((target("avx2"))) static long scan_avx2(
    const uint8_t *base, long start, long end, long readable_end, int collect, uint8_t *stack, long max_depth,
    tally_json_member *members, long member_capacity, long *member_count) {
    return scan_with(masks_avx2, base, start, end, readable_end, collect, stack, max_depth, members, member_capacity,
                     member_count);
}

static long scan_sse2(
    const uint8_t *base, long start, long end, long readable_end, int collect, uint8_t *stack, long max_depth,
    tally_json_member *members, long member_capacity, long *member_count) {
    return scan_with(masks_sse2, base, start, end, readable_end, collect, stack, max_depth, members, member_capacity,
                     member_count);
}
#endif

typedef long (*scan_fn)(const uint8_t *, long, long, long, int, uint8_t *, long, tally_json_member *, long, long *);

/// The scan for `level` (TALLY_JSON_LEVEL_*), the best this machine has when it lacks that one.
static scan_fn scan_for(int level) {
#ifdef TALLY_X86
    if (level >= TALLY_JSON_LEVEL_AVX2 && tally_json_has_avx2()) return scan_avx2;
    if (level >= TALLY_JSON_LEVEL_SSE2) return scan_sse2;
#endif
    (void)level;
    return scan_portable;
}

long tally_json_scan(
    const uint8_t *base, long start, long end, long readable_end, int collect, uint8_t *stack, long max_depth,
    tally_json_member *members, long member_capacity, long *member_count) {
    static scan_fn chosen = 0;
    scan_fn scan = __atomic_load_n(&chosen, __ATOMIC_RELAXED);
    if (!scan) {
        scan = scan_for(TALLY_JSON_LEVEL_AVX2);
        __atomic_store_n(&chosen, scan, __ATOMIC_RELAXED);
    }
    return scan(base, start, end, readable_end, collect, stack, max_depth, members, member_capacity, member_count);
}

long tally_json_scan_level(
    int level, const uint8_t *base, long start, long end, long readable_end, int collect, uint8_t *stack,
    long max_depth, tally_json_member *members, long member_capacity, long *member_count) {
    return scan_for(level)(base, start, end, readable_end, collect, stack, max_depth, members, member_capacity,
                           member_count);
}

#ifndef TALLY_JSON_MASKS_H
#define TALLY_JSON_MASKS_H

// Stage one of the scans: bit masks of 64-byte blocks (internal to CJSONIndex).

#include <stdint.h>
#include <string.h>

#if defined(__x86_64__) || defined(_M_X64)
#include <immintrin.h>
#define TALLY_X86 1
#endif

/// Bit masks of one 64-byte block, bit i for byte i.
typedef struct {
    uint64_t quote, backslash, op, space, control, high;
    /// `[` and `{`; `]` and `}` (part of `op`).
    uint64_t open, close;
} block_masks;

/// Masks computed one byte at a time (the portable path).
static inline void masks_scalar(const uint8_t *p, block_masks *m) {
    memset(m, 0, sizeof *m);
    for (int i = 0; i < 64; i++) {
        uint8_t c = p[i];
        uint64_t bit = 1ULL << i;
        if (c == '"') m->quote |= bit;
        if (c == '\\') m->backslash |= bit;
        if (c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ',') m->op |= bit;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') m->space |= bit;
        if (c < 0x20) m->control |= bit;
        if (c >= 0x80) m->high |= bit;
        if (c == '{' || c == '[') m->open |= bit;
        if (c == '}' || c == ']') m->close |= bit;
    }
}

#ifdef TALLY_X86
/// Masks of 16 bytes with SSE2 (every x86-64 has it).
static inline void masks16_sse2(const uint8_t *p, uint32_t out[8]) {
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20)); // [ ] -> { }
    __m128i open = _mm_cmpeq_epi8(folded, _mm_set1_epi8('{'));
    __m128i close = _mm_cmpeq_epi8(folded, _mm_set1_epi8('}'));
    __m128i op = _mm_or_si128(
        _mm_or_si128(open, close),
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(':')), _mm_cmpeq_epi8(v, _mm_set1_epi8(','))));
    out[6] = (uint32_t)_mm_movemask_epi8(open);
    out[7] = (uint32_t)_mm_movemask_epi8(close);
    __m128i space = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))),
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
    out[0] = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
    out[1] = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
    out[2] = (uint32_t)_mm_movemask_epi8(op);
    out[3] = (uint32_t)_mm_movemask_epi8(space);
    // Signed: bytes of 0x80 and more are negative, so this is "control or high".
    out[4] = (uint32_t)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)));
    out[5] = (uint32_t)_mm_movemask_epi8(v);
}

static inline void masks_sse2(const uint8_t *p, block_masks *m) {
    uint32_t a[8], b[8], c[8], d[8];
    masks16_sse2(p, a);
    masks16_sse2(p + 16, b);
    masks16_sse2(p + 32, c);
    masks16_sse2(p + 48, d);
    uint64_t r[8];
    for (int k = 0; k < 8; k++) {
        r[k] = (uint64_t)a[k] | (uint64_t)b[k] << 16 | (uint64_t)c[k] << 32 | (uint64_t)d[k] << 48;
    }
    m->quote = r[0], m->backslash = r[1], m->op = r[2], m->space = r[3];
    m->high = r[5];
    m->control = r[4] & ~r[5];
    m->open = r[6], m->close = r[7];
}

__attribute__((target("avx2"))) static inline void masks32_avx2(const uint8_t *p, uint64_t out[8]) {
    __m256i v = _mm256_loadu_si256((const __m256i *)p);
    __m256i folded = _mm256_or_si256(v, _mm256_set1_epi8(0x20));
    __m256i open = _mm256_cmpeq_epi8(folded, _mm256_set1_epi8('{'));
    __m256i close = _mm256_cmpeq_epi8(folded, _mm256_set1_epi8('}'));
    out[6] = (uint32_t)_mm256_movemask_epi8(open);
    out[7] = (uint32_t)_mm256_movemask_epi8(close);
    __m256i op = _mm256_or_si256(
        _mm256_or_si256(open, close),
        _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(':')), _mm256_cmpeq_epi8(v, _mm256_set1_epi8(','))));
    __m256i space = _mm256_or_si256(
        _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(' ')), _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\t'))),
        _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('\n')), _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\r'))));
    out[0] = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('"')));
    out[1] = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('\\')));
    out[2] = (uint32_t)_mm256_movemask_epi8(op);
    out[3] = (uint32_t)_mm256_movemask_epi8(space);
    out[4] = (uint32_t)_mm256_movemask_epi8(_mm256_cmpgt_epi8(_mm256_set1_epi8(0x20), v));
    out[5] = (uint32_t)_mm256_movemask_epi8(v);
}

__attribute__((target("avx2"))) static inline void masks_avx2(const uint8_t *p, block_masks *m) {
    uint64_t a[8], b[8];
    masks32_avx2(p, a);
    masks32_avx2(p + 32, b);
    m->quote = a[0] | b[0] << 32;
    m->backslash = a[1] | b[1] << 32;
    m->op = a[2] | b[2] << 32;
    m->space = a[3] | b[3] << 32;
    m->high = a[5] | b[5] << 32;
    m->control = (a[4] | b[4] << 32) & ~m->high;
    m->open = a[6] | b[6] << 32;
    m->close = a[7] | b[7] << 32;
}
#endif

/// Bit i set when an odd number of quotes lies at or before i (the inside of strings, opening quote included).
static inline uint64_t prefix_xor(uint64_t x) {
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    return x;
}

/// The bytes escaped by a backslash (simdjson's odd-run algorithm), carrying runs across blocks.
static inline uint64_t escaped_bytes(uint64_t backslash, uint64_t *carry) {
    backslash &= ~*carry;
    uint64_t follows_escape = backslash << 1 | *carry;
    const uint64_t even = 0x5555555555555555ULL;
    uint64_t odd_starts = backslash & ~even & ~follows_escape;
    uint64_t even_starts;
    *carry = __builtin_add_overflow(odd_starts, backslash, &even_starts) ? 1 : 0;
    uint64_t invert = even_starts << 1;
    return (even ^ invert) & follows_escape;
}

typedef void (*masks_fn)(const uint8_t *, block_masks *);

/// Whether this machine has AVX2 (checked at run time: the binary also runs on x86-64 without it).
static inline int tally_json_has_avx2(void) {
#ifdef TALLY_X86
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2");
#else
    return 0;
#endif
}

/// The block-mask function for this machine (AVX2, else SSE2, else one byte at a time).
static inline masks_fn tally_json_best_masks(void) {
#ifdef TALLY_X86
    return tally_json_has_avx2() ? masks_avx2 : masks_sse2;
#else
    return masks_scalar;
#endif
}

#endif

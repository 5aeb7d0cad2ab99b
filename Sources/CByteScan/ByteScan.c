#include "ByteScan.h"

size_t awareness_utf8_sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

// Whether the `length` bytes at `bytes`, whose lead announces `length` (2 to 4), are one valid sequence: continuation
// bytes, no overlong form, no surrogate, nothing above U+10FFFF (the Unicode standard's table 3-7).
static int is_valid_sequence(const unsigned char *bytes, size_t length) {
    for (size_t index = 1; index < length; index++) {
        if ((bytes[index] & 0xC0) != 0x80) return 0;
    }
    switch (bytes[0]) {
    case 0xE0: return bytes[1] >= 0xA0;
    case 0xED: return bytes[1] <= 0x9F;
    case 0xF0: return bytes[1] >= 0x90;
    case 0xF4: return bytes[1] <= 0x8F;
    default: return 1;
    }
}

// Checks the character at `bytes` (`available` bytes on): returns its length, or 0 for a NUL, an invalid sequence
// or one cut short by the end of the bytes.
static size_t check_character(const unsigned char *bytes, size_t available) {
    unsigned char lead = bytes[0];
    if (lead == 0) return 0;
    size_t length = awareness_utf8_sequence_length(lead);
    if (length <= 1) return length;
    if (length > available || !is_valid_sequence(bytes, length)) return 0;
    return length;
}

// Checks the characters from `index` one at a time, up to the first `check_character` refuses; adds the line feeds
// met to `*newlines` and returns the offset where it stopped.
static size_t check_characters(const unsigned char *bytes, size_t index, size_t count, size_t *newlines) {
    while (index < count) {
        size_t length = check_character(bytes + index, count - index);
        if (length == 0) break;
        *newlines += bytes[index] == '\n';
        index += length;
    }
    return index;
}

#if defined(__SSE2__)
#include <emmintrin.h>

// Adds the sixteen byte counters of `lanes` (each at most 255).
static size_t sum_lanes(__m128i lanes) {
    __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
    return (size_t)_mm_cvtsi128_si32(sums) + (size_t)_mm_extract_epi16(sums, 4);
}

size_t awareness_utf8_prefix(const unsigned char *bytes, size_t count, size_t *newlines) {
    const __m128i zero = _mm_setzero_si128();
    const __m128i lf = _mm_set1_epi8('\n');
    size_t index = 0;
    size_t total = 0;
    for (;;) {
        // Runs of ASCII without NUL, sixteen bytes at a time; line feeds are counted per lane, 255 chunks at most
        // before the lanes are summed.
        __m128i lanes = zero;
        int chunks = 0;
        unsigned plain = 0xFFFF;
        unsigned feeds = 0;
        // Two chunks at a time while both are plain, so one test serves thirty-two bytes.
        while (index + 32 <= count && chunks < 253) {
            __m128i first = _mm_loadu_si128((const __m128i *)(bytes + index));
            __m128i second = _mm_loadu_si128((const __m128i *)(bytes + index + 16));
            __m128i both = _mm_and_si128(_mm_cmpgt_epi8(first, zero), _mm_cmpgt_epi8(second, zero));
            if (_mm_movemask_epi8(both) != 0xFFFF) break;
            lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(first, lf));
            lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(second, lf));
            index += 32;
            chunks += 2;
        }
        while (index + 16 <= count) {
            __m128i chunk = _mm_loadu_si128((const __m128i *)(bytes + index));
            // Read as signed, the bytes 0x01...0x7F are exactly those above zero.
            plain = (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(chunk, zero));
            if (plain != 0xFFFF) {
                feeds = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, lf));
                break;
            }
            lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(chunk, lf));
            index += 16;
            if (++chunks >= 255) {
                total += sum_lanes(lanes);
                lanes = zero;
                chunks = 0;
            }
        }
        total += sum_lanes(lanes);
        if (index + 16 > count) break;
        // The chunk holds a NUL or a byte of a multi-byte sequence: skip the plain bytes before it, then check one
        // character.
        unsigned skipped = (unsigned)__builtin_ctz(~plain);
        for (unsigned before = feeds & ((1u << skipped) - 1); before != 0; before &= before - 1) total++;
        index += skipped;
        size_t length = check_character(bytes + index, count - index);
        if (length == 0) {
            *newlines += total;
            return index;
        }
        index += length;
    }
    *newlines += total;
    // The last few bytes, one character at a time.
    return check_characters(bytes, index, count, newlines);
}

size_t awareness_count_newlines(const unsigned char *bytes, size_t count) {
    const __m128i zero = _mm_setzero_si128();
    const __m128i lf = _mm_set1_epi8('\n');
    size_t index = 0;
    size_t total = 0;
    while (index + 16 <= count) {
        __m128i lanes = zero;
        for (int chunks = 0; chunks < 255 && index + 16 <= count; chunks++) {
            __m128i chunk = _mm_loadu_si128((const __m128i *)(bytes + index));
            lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(chunk, lf));
            index += 16;
        }
        total += sum_lanes(lanes);
    }
    for (; index < count; index++) total += bytes[index] == '\n';
    return total;
}

#else

size_t awareness_utf8_prefix(const unsigned char *bytes, size_t count, size_t *newlines) {
    return check_characters(bytes, 0, count, newlines);
}

size_t awareness_count_newlines(const unsigned char *bytes, size_t count) {
    size_t total = 0;
    for (size_t index = 0; index < count; index++) total += bytes[index] == '\n';
    return total;
}

#endif

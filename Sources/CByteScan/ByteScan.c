#include "ByteScan.h"

#if defined(__SSE2__)
#include <emmintrin.h>

// Adds the sixteen byte counters of `lanes` (each at most 255).
static size_t sum_lanes(__m128i lanes) {
    __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
    return (size_t)_mm_cvtsi128_si32(sums) + (size_t)_mm_extract_epi16(sums, 4);
}

size_t awareness_ascii_prefix(const unsigned char *bytes, size_t count, size_t *newlines) {
    const __m128i zero = _mm_setzero_si128();
    const __m128i lf = _mm_set1_epi8('\n');
    size_t index = 0;
    size_t total = 0;
    int clean = 1;
    while (clean && index + 16 <= count) {
        // Line feeds are counted per lane; 255 chunks at most before the lanes are summed.
        __m128i lanes = zero;
        for (int chunks = 0; chunks < 255 && index + 16 <= count; chunks++) {
            __m128i chunk = _mm_loadu_si128((const __m128i *)(bytes + index));
            // Read as signed, the bytes 0x01...0x7F are exactly those above zero.
            if (_mm_movemask_epi8(_mm_cmpgt_epi8(chunk, zero)) != 0xFFFF) {
                clean = 0;
                break;
            }
            lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(chunk, lf));
            index += 16;
        }
        total += sum_lanes(lanes);
    }
    *newlines += total;
    return index;
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

size_t awareness_ascii_prefix(const unsigned char *bytes, size_t count, size_t *newlines) {
    size_t index = 0;
    size_t total = 0;
    while (index + 16 <= count) {
        size_t found = 0;
        for (size_t offset = 0; offset < 16; offset++) {
            unsigned char byte = bytes[index + offset];
            if (byte == 0 || byte >= 0x80) {
                *newlines += total;
                return index;
            }
            found += byte == '\n';
        }
        total += found;
        index += 16;
    }
    *newlines += total;
    return index;
}

size_t awareness_count_newlines(const unsigned char *bytes, size_t count) {
    size_t total = 0;
    for (size_t index = 0; index < count; index++) total += bytes[index] == '\n';
    return total;
}

#endif

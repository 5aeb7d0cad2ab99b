#ifndef AWARENESS_BYTESCAN_H
#define AWARENESS_BYTESCAN_H

#include <stddef.h>

// Vectorised scans over the bytes of a CSV file, for the checks the reader makes on every byte before libcsv
// parses them. SSE2 on x86-64; a plain loop elsewhere.

// The length of the longest prefix of `bytes` that is valid UTF-8 without NUL and ends between two characters: the
// offset of the first NUL, of the first invalid sequence, or of a sequence the end of `bytes` cuts short (`count`
// when there is none). Sequences are valid as in the Unicode standard's table 3-7: no overlong form, no surrogate,
// nothing above U+10FFFF. The line feeds of the prefix are added to `*newlines`.
size_t awareness_utf8_prefix(const unsigned char *bytes, size_t count, size_t *newlines);

// The length a UTF-8 lead byte announces (1 for ASCII), 0 for a byte that cannot lead (a continuation byte, 0xC0,
// 0xC1, 0xF5 and above).
size_t awareness_utf8_sequence_length(unsigned char lead);

// The number of line feeds in `bytes`.
size_t awareness_count_newlines(const unsigned char *bytes, size_t count);

#endif

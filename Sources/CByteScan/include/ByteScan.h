#ifndef AWARENESS_BYTESCAN_H
#define AWARENESS_BYTESCAN_H

#include <stddef.h>

// Vectorised scans over the bytes of a CSV file, for the checks the reader makes on every byte before libcsv
// parses them. SSE2 on x86-64; a plain loop elsewhere.

// The length of the longest prefix of `bytes` made of whole 16-byte chunks whose bytes all lie in 0x01...0x7F
// (ASCII without NUL: nothing a UTF-8 check needs to look at). The line feeds of that prefix are added to
// `*newlines`.
size_t awareness_ascii_prefix(const unsigned char *bytes, size_t count, size_t *newlines);

// The number of line feeds in `bytes`.
size_t awareness_count_newlines(const unsigned char *bytes, size_t count);

#endif

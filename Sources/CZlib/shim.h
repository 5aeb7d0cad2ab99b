#ifndef AWARENESS_CZLIB_SHIM_H
#define AWARENESS_CZLIB_SHIM_H
// zlib from Debian's zlib1g-dev (`apt-get install -y zlib1g-dev`), for reading gzip-compressed feeds.
#include <zlib.h>

// inflateInit2 is a macro (it passes zlib's version and the size of z_stream), which Swift does not import.
// 16 + MAX_WBITS: a gzip header and trailer (CRC-32 and length checked), the largest window.
static inline int awareness_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 16 + MAX_WBITS);
}

#endif

#ifndef INGEST_CZLIB_SHIM_H
#define INGEST_CZLIB_SHIM_H

#include <zlib.h>

/* inflateInit2 is a macro that passes the header's version and struct size; it does not import. */
static inline int czlib_inflate_init(z_streamp stream, int window_bits) {
    return inflateInit2(stream, window_bits);
}

#endif

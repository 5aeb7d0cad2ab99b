// Swift's Glibc module does not declare renameat2, which needs _GNU_SOURCE; this is its one caller.
#define _GNU_SOURCE
#include "RenameExchange.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>

int awareness_rename_exchange(const char *first, const char *second) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#elif defined(__APPLE__) && defined(RENAME_SWAP)
    return renamex_np(first, second, RENAME_SWAP);
#else
    (void)first;
    (void)second;
    errno = ENOSYS;
    return -1;
#endif
}

#ifndef AWARENESS_RENAME_EXCHANGE_H
#define AWARENESS_RENAME_EXCHANGE_H

/// Exchanges the entries `first` and `second` in one step (Linux `renameat2` with `RENAME_EXCHANGE`, macOS
/// `renamex_np` with `RENAME_SWAP`): both must exist, and either may be a folder or a symbolic link. Returns 0,
/// or -1 with `errno` set (`EINVAL` or `ENOSYS` where the file system or the system cannot exchange).
int awareness_rename_exchange(const char *first, const char *second);

#endif

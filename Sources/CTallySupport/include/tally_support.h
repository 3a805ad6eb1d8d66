#ifndef TALLY_SUPPORT_H
#define TALLY_SUPPORT_H

/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS where unsupported).
int tally_rename_exchange(const char *a, const char *b);

/// Bytes the C heap holds for the process (in use, not free): glibc's mallinfo2,
/// every arena, small and mapped blocks. 0 where that is not available.
unsigned long long tally_heap_bytes_in_use(void);

#endif

#ifndef TALLY_SUPPORT_H
#define TALLY_SUPPORT_H

/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS where unsupported).
int tally_rename_exchange(const char *a, const char *b);

#endif

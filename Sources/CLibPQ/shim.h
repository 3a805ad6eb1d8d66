// libpq, PostgreSQL's reference client library (Debian: libpq-dev puts it in /usr/include/postgresql).
#if __has_include(<libpq-fe.h>)
#include <libpq-fe.h>
#else
#include <postgresql/libpq-fe.h>
#endif

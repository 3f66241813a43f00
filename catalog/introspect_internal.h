/*
 * catalog/introspect_internal.h: libpq result helpers shared by the introspect*.c files
 * (the database side of the catalog and the tier-2 settling). Private to catalog/.
 */
#ifndef AUTOGEN_CATALOG_INTROSPECT_INTERNAL_H
#define AUTOGEN_CATALOG_INTROSPECT_INTERNAL_H

#include <libpq-fe.h>

#include "base/base.h"

/* Run sql; on any other status than want, record "query failed: <server's primary
 * message>" with the query as detail and return NULL. The caller PQclears a result. */
PGresult *cat_pq_exec(PGconn *conn, AgDiag *diag, const char *sql, ExecStatusType want);
/* Run a command that returns no rows; true when it succeeded. Records nothing. */
bool cat_pq_command(PGconn *conn, const char *sql);
/* A field copied into arena (the PGresult is cleared before its reader returns);
 * NULL for SQL NULL. */
const char *cat_pq_str(AgArena *arena, const PGresult *res, int row, int f);
bool cat_pq_bool(const PGresult *res, int row, int f);
char cat_pq_char(const PGresult *res, int row, int f); /* '\0' for NULL */
/* A one-dimensional array in its text form ({a,"b c",NULL}) into arena strings, NULL
 * elements dropped. Returns the count; *out is NULL when empty or NULL. */
uint32_t cat_pq_str_array(AgArena *arena, const PGresult *res, int row, int f,
                          const char ***out);
/* Is the connection idle (false in *nested: the caller begins a transaction) or inside
 * the caller's transaction (true: the caller uses a savepoint)? Otherwise (busy, failed
 * transaction, closed) record "cannot <what>: ..." and return false. */
bool cat_pq_txn_state(PGconn *conn, AgDiag *diag, const char *what, bool *nested);

#endif

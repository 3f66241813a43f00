/*
 * catalog/introspect_util.c: the libpq result helpers every introspect*.c file reads
 * rows with (see introspect_internal.h). One copy, so NULL handling, array parsing and
 * error reporting are the same for tables, functions, views and settling.
 */
#include <string.h>

#include "catalog/introspect_internal.h"

static const AgLoc no_loc = {0};

PGresult *
cat_pq_exec(PGconn *conn, AgDiag *diag, const char *sql, ExecStatusType want)
{
    PGresult *res = PQexec(conn, sql);
    if (res && PQresultStatus(res) == want)
        return res;
    /* The server's primary message alone ("relation ... does not exist"); a client-side
     * failure (connection lost) has none, so take the first line of libpq's message. */
    const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    if (!msg || !*msg)
        msg = res && *PQresultErrorMessage(res) ? PQresultErrorMessage(res)
                                                : PQerrorMessage(conn);
    if (!*msg)
        msg = "no message from the server or libpq";
    size_t len = strcspn(msg, "\n");
    while (len && msg[len - 1] == ' ')
        len--;
    ag_diag_error(diag, no_loc, "query failed: %.*s", (int) len, msg);
    ag_diag_detail(diag, "query was: %s", sql);
    PQclear(res);
    return NULL;
}

bool
cat_pq_command(PGconn *conn, const char *sql)
{
    PGresult *res = PQexec(conn, sql);
    bool ok = res && PQresultStatus(res) == PGRES_COMMAND_OK;
    PQclear(res);
    return ok;
}

const char *
cat_pq_str(AgArena *arena, const PGresult *res, int row, int f)
{
    if (PQgetisnull(res, row, f))
        return NULL;
    /* Copied out of the PGresult: it is cleared before the query's reader returns. */
    return ag_arena_strdup(arena, PQgetvalue(res, row, f));
}

bool
cat_pq_bool(const PGresult *res, int row, int f)
{
    return !PQgetisnull(res, row, f) && PQgetvalue(res, row, f)[0] == 't';
}

char
cat_pq_char(const PGresult *res, int row, int f)
{
    return PQgetisnull(res, row, f) ? '\0' : PQgetvalue(res, row, f)[0];
}

uint32_t
cat_pq_str_array(AgArena *arena, const PGresult *res, int row, int f, const char ***out)
{
    *out = NULL;
    if (PQgetisnull(res, row, f))
        return 0;
    const char *s = PQgetvalue(res, row, f);
    if (*s != '{')
        return 0;
    /* Upper bound on the element count: one more than the commas. */
    uint32_t cap = 1;
    for (const char *p = s; *p; p++)
        cap += *p == ',';
    const char **items = ag_arena_alloc(arena, sizeof(char *) * cap);
    char *tmp = ag_arena_alloc(arena, strlen(s) + 1);
    uint32_t n = 0;
    const char *p = s + 1;
    while (*p && *p != '}') {
        size_t k = 0;
        bool quoted = *p == '"';
        if (quoted) {
            p++;
            while (*p && *p != '"') {
                if (*p == '\\' && p[1])
                    p++;
                tmp[k++] = *p++;
            }
            if (*p == '"')
                p++;
        } else {
            while (*p && *p != ',' && *p != '}')
                tmp[k++] = *p++;
        }
        if (quoted || k != 4 || strncmp(tmp, "NULL", 4) != 0)
            items[n++] = ag_arena_strndup(arena, tmp, k);
        if (*p == ',')
            p++;
    }
    *out = n ? items : NULL;
    return n;
}

bool
cat_pq_txn_state(PGconn *conn, AgDiag *diag, const char *what, bool *nested)
{
    switch (PQtransactionStatus(conn)) {
    case PQTRANS_IDLE:
        *nested = false;
        return true;
    case PQTRANS_INTRANS:
        *nested = true;
        return true;
    case PQTRANS_ACTIVE:
    case PQTRANS_INERROR:
    case PQTRANS_UNKNOWN:
    default:
        ag_diag_error(diag, no_loc,
                      "cannot %s: the connection is busy or closed, or its transaction has "
                      "failed",
                      what);
        return false;
    }
}

/*
 * migrate/apply.c: the version table, the runners' advisory lock, and applying one
 * revision in one transaction with its version-table row, statement by statement so a
 * failure names the file and line.
 * Not here: choosing which revisions to run (cmd/), parsing revision files (revision.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "catalog/catalog.h"
#include "catalog/split.h"
#include "migrate/migrate.h"

/* Arbitrary constant key for pg_advisory_lock: "autogen" in ASCII, truncated. */
#define MIG_LOCK_KEY "6170674261"

static bool
exec_ok(PGconn *conn, const char *sql, AgDiag *diag)
{
    PGresult *r = PQexec(conn, sql);
    ExecStatusType st = PQresultStatus(r);
    bool ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
    if (!ok && diag) {
        ag_diag_error(diag, (AgLoc){0}, "query failed: %s", PQresultErrorMessage(r));
        ag_diag_detail(diag, "query was: %s", sql);
    }
    PQclear(r);
    return ok;
}

static const char *
vt_name(AgArena *a, const MigVersionTable *vt)
{
    return cat_qualified(a, vt->schema ? vt->schema : "public",
                         vt->name ? vt->name : "autogen_version");
}

bool
mig_lock(PGconn *conn, bool no_wait, AgDiag *diag)
{
    if (no_wait) {
        PGresult *r = PQexec(conn, "SELECT pg_catalog.pg_try_advisory_lock(" MIG_LOCK_KEY ")");
        bool got = PQresultStatus(r) == PGRES_TUPLES_OK && strcmp(PQgetvalue(r, 0, 0), "t") == 0;
        PQclear(r);
        if (!got)
            ag_diag_error(diag, (AgLoc){0},
                          "another autogen runner holds the migration lock on this database");
        return got;
    }
    return exec_ok(conn, "SELECT pg_catalog.pg_advisory_lock(" MIG_LOCK_KEY ")", diag);
}

void
mig_unlock(PGconn *conn)
{
    PQclear(PQexec(conn, "SELECT pg_catalog.pg_advisory_unlock(" MIG_LOCK_KEY ")"));
}

bool
mig_version_ensure(PGconn *conn, const MigVersionTable *vt, AgDiag *diag)
{
    AgArena a;
    ag_arena_init(&a);
    AgBuf q;
    ag_buf_init(&q);
    if (vt->schema && strcmp(vt->schema, "public") != 0)
        ag_buf_printf(&q, "CREATE SCHEMA IF NOT EXISTS %s;\n", cat_quote_ident(&a, vt->schema));
    ag_buf_printf(&q,
                  "CREATE TABLE IF NOT EXISTS %s (\n"
                  "    revision text PRIMARY KEY,\n"
                  "    checksum text NOT NULL,\n"
                  "    applied_at timestamp with time zone NOT NULL DEFAULT now()\n"
                  ")",
                  vt_name(&a, vt));
    bool ok = exec_ok(conn, ag_buf_cstr(&q), diag);
    ag_buf_free(&q);
    ag_arena_free(&a);
    return ok;
}

bool
mig_version_read(AgArena *arena, PGconn *conn, const MigVersionTable *vt, MigApplied **out,
                 size_t *nout, AgDiag *diag)
{
    *out = NULL;
    *nout = 0;
    const char *params[2] = {vt->schema ? vt->schema : "public",
                             vt->name ? vt->name : "autogen_version"};
    PGresult *r = PQexecParams(conn,
                               "SELECT 1 FROM pg_catalog.pg_class c\n"
                               "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
                               "WHERE n.nspname = $1 AND c.relname = $2",
                               2, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        ag_diag_error(diag, (AgLoc){0}, "query failed: %s", PQresultErrorMessage(r));
        PQclear(r);
        return false;
    }
    bool exists = PQntuples(r) > 0;
    PQclear(r);
    if (!exists)
        return true;
    char *q = ag_arena_printf(arena,
                              "SELECT revision, checksum, applied_at::text FROM %s "
                              "ORDER BY applied_at, revision",
                              vt_name(arena, vt));
    r = PQexec(conn, q);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        ag_diag_error(diag, (AgLoc){0}, "query failed: %s", PQresultErrorMessage(r));
        ag_diag_detail(diag, "query was: %s", q);
        PQclear(r);
        return false;
    }
    int n = PQntuples(r);
    MigApplied *a = ag_arena_alloc(arena, sizeof(MigApplied) * (size_t) (n + 1));
    /* Copied out of the PGresult: it is cleared before this function returns. */
    for (int i = 0; i < n; i++) {
        a[i].revision = ag_arena_strdup(arena, PQgetvalue(r, i, 0));
        a[i].checksum = ag_arena_strdup(arena, PQgetvalue(r, i, 1));
        a[i].applied_at = ag_arena_strdup(arena, PQgetvalue(r, i, 2));
    }
    PQclear(r);
    *out = a;
    *nout = (size_t) n;
    return true;
}

static bool
is_applied(const MigApplied *applied, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(applied[i].revision, id) == 0)
            return true;
    return false;
}

const char *
mig_current(const MigChain *chain, const MigApplied *applied, size_t napplied, size_t *nheads)
{
    const char *first = NULL;
    size_t heads = 0;
    for (size_t i = 0; i < napplied; i++) {
        const char *id = applied[i].revision;
        bool is_parent = false;
        for (size_t k = 0; k < napplied && !is_parent; k++) {
            MigRevision *child = mig_chain_find(chain, applied[k].revision);
            if (!child)
                continue;
            for (uint32_t p = 0; p < child->nparents; p++)
                if (strcmp(child->parents[p], id) == 0)
                    is_parent = true;
        }
        if (!is_parent) {
            heads++;
            if (!first)
                first = id;
        }
    }
    (void) is_applied;
    if (nheads)
        *nheads = heads;
    return first;
}

/* The first line of a statement, shortened, for messages. */
static char *
first_line(AgArena *a, const char *s, size_t len)
{
    size_t n = 0;
    while (n < len && s[n] != '\n' && n < 120)
        n++;
    return ag_arena_printf(a, "%.*s%s", (int) n, s, n < len ? " ..." : "");
}

/* Run each statement; on error record path:line, the statement and the server message.
 * *lock_timeout is set when the failure was lock_not_available (55P03). */
static bool
exec_statements(PGconn *conn, const char *sql, const char *path, uint32_t first,
                const char *what, bool *lock_timeout, AgDiag *diag)
{
    AgArena a;
    ag_arena_init(&a);
    CatStmtSpan *spans;
    size_t n;
    bool ok = cat_split_sql(&a, sql, path, &spans, &n, diag);
    for (size_t i = 0; ok && i < n; i++) {
        char *stmt = ag_arena_strndup(&a, sql + spans[i].offset, spans[i].len);
        PGresult *r = PQexec(conn, stmt);
        ExecStatusType st = PQresultStatus(r);
        if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY) {
            uint32_t line, col;
            ag_line_col(sql, spans[i].offset, &line, &col);
            const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
            if (lock_timeout && state && strcmp(state, "55P03") == 0)
                *lock_timeout = true;
            const char *msg = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
            if (!msg)
                msg = PQerrorMessage(conn);
            ag_diag_error(diag, (AgLoc){path, first + line - 1, col}, "%s: statement failed: %s",
                          what, msg);
            ag_diag_detail(diag, "statement: %s", first_line(&a, stmt, spans[i].len));
            ok = false;
        }
        PQclear(r);
    }
    ag_arena_free(&a);
    return ok;
}

bool
mig_exec_script(PGconn *conn, const char *sql, const char *path, uint32_t first_line_no,
                AgDiag *diag)
{
    return exec_statements(conn, sql, path, first_line_no, "script", NULL, diag);
}

static bool
record(PGconn *conn, AgArena *a, const MigRevision *rev, bool up, const MigVersionTable *vt,
       AgDiag *diag)
{
    const char *params[2] = {rev->id, rev->checksum};
    char *q = up ? ag_arena_printf(a, "INSERT INTO %s (revision, checksum) VALUES ($1, $2)",
                                   vt_name(a, vt))
                 : ag_arena_printf(a, "DELETE FROM %s WHERE revision = $1", vt_name(a, vt));
    PGresult *r = PQexecParams(conn, q, up ? 2 : 1, NULL, params, NULL, NULL, 0);
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok) {
        ag_diag_error(diag, (AgLoc){0}, "revision %s: cannot update the version table: %s",
                      rev->id, PQresultErrorMessage(r));
    }
    PQclear(r);
    return ok;
}

/* A revision outside a transaction failed part-way: say what stayed applied, and name
 * every INVALID index (a failed CREATE INDEX CONCURRENTLY leaves one behind, and a re-run
 * would fail on its name) with the statement that removes it. */
static void
report_partial(PGconn *conn, const MigRevision *rev, AgDiag *diag)
{
    ag_diag_note(diag, (AgLoc){0},
                 "revision %s runs outside a transaction: the statements before the failing "
                 "one stay applied and the version table was not updated",
                 rev->id);
    PGresult *r = PQexec(conn, "SELECT n.nspname, c.relname\n"
                               "FROM pg_catalog.pg_index i\n"
                               "JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid\n"
                               "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
                               "WHERE NOT i.indisvalid\n"
                               "ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\"");
    if (PQresultStatus(r) == PGRES_TUPLES_OK) {
        AgArena a;
        ag_arena_init(&a);
        for (int i = 0; i < PQntuples(r); i++)
            ag_diag_note(diag, (AgLoc){0},
                         "index %s is INVALID (a failed concurrent build): drop it before "
                         "running the revision again: DROP INDEX CONCURRENTLY %s;",
                         cat_qualified(&a, PQgetvalue(r, i, 0), PQgetvalue(r, i, 1)),
                         cat_qualified(&a, PQgetvalue(r, i, 0), PQgetvalue(r, i, 1)));
        ag_arena_free(&a);
    }
    PQclear(r);
}

bool
mig_apply_revision(PGconn *conn, const MigRevision *rev, bool up, const MigApplyOptions *opts,
                   AgDiag *diag)
{
    const char *sql = up ? rev->upgrade_sql : rev->downgrade_sql;
    uint32_t line = up ? rev->upgrade_line : rev->downgrade_line;
    AgArena a;
    ag_arena_init(&a);
    const char *what = ag_arena_printf(&a, "revision %s (%s)", rev->id, up ? "upgrade" : "downgrade");
    int attempts = 1 + (opts->lock_retries > 0 ? opts->lock_retries : 0);
    bool ok = false;
    for (int attempt = 0; attempt < attempts && !ok; attempt++) {
        AgDiag local;
        ag_diag_init(&local);
        bool lock_timeout = false;
        bool tx = rev->transactional;
        ok = true;
        if (tx)
            ok = exec_ok(conn, "BEGIN", &local);
        if (ok && opts->lock_timeout_ms > 0) {
            char *q = ag_arena_printf(&a, "SET %s lock_timeout = %d", tx ? "LOCAL" : "SESSION",
                                      opts->lock_timeout_ms);
            ok = exec_ok(conn, q, &local);
        }
        if (ok && opts->statement_timeout_ms > 0) {
            char *q = ag_arena_printf(&a, "SET %s statement_timeout = %d",
                                      tx ? "LOCAL" : "SESSION", opts->statement_timeout_ms);
            ok = exec_ok(conn, q, &local);
        }
        if (ok)
            ok = exec_statements(conn, sql, rev->path, line, what, &lock_timeout, &local);
        if (ok)
            ok = record(conn, &a, rev, up, opts->vt, &local);
        if (tx)
            ok = ok && exec_ok(conn, "COMMIT", &local);
        if (!ok && tx)
            PQclear(PQexec(conn, "ROLLBACK"));
        if (!tx) {
            PQclear(PQexec(conn, "RESET lock_timeout"));
            PQclear(PQexec(conn, "RESET statement_timeout"));
        }
        if (!ok && lock_timeout && attempt + 1 < attempts) {
            /* Back off and let the blocking transaction finish: 0.5 s, 1 s, 2 s, ... */
            fprintf(stderr, "autogen: %s: lock timeout, retrying (%d of %d)\n", what,
                    attempt + 1, attempts - 1);
            ag_diag_free(&local);
            struct timespec ts = {.tv_sec = (1L << attempt) / 2,
                                  .tv_nsec = (attempt == 0) ? 500000000L : 0};
            nanosleep(&ts, NULL);
            continue;
        }
        if (!ok) {
            for (size_t i = 0; i < local.nitems; i++) {
                AgDiagItem *it = &local.items[i];
                ag_diag_error(diag, it->loc, "%s", it->msg);
                if (it->detail)
                    ag_diag_detail(diag, "%s", it->detail);
            }
            if (tx)
                ag_diag_note(diag, (AgLoc){0},
                             "the revision was rolled back: the database is still where it was "
                             "before %s",
                             rev->id);
            else
                report_partial(conn, rev, diag);
        }
        ag_diag_free(&local);
        if (!ok)
            break; /* only a lock timeout is retried */
    }
    ag_arena_free(&a);
    return ok;
}

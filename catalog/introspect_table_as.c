/*
 * catalog/introspect_table_as.c: tier 2 for tables created AS a query
 * (cat_settle_table_as).
 *
 * A model table from CREATE TABLE ... AS has no columns (parser/table_as.c): the query
 * decides them. Each one is created WITH NO DATA as a temporary table inside a savepoint
 * (the model file's search_path), its columns read back as introspect.c reads a table's
 * (format_type with search_path = '', a collation other than the type's default), and
 * rolled back. A query the server refuses (it reads a relation the database does not
 * have yet) leaves the table without columns: a change.
 * Not here: the parser side, emitting such a table without a database (emit/emit.c).
 */
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "catalog/introspect.h"
#include "catalog/introspect_internal.h"

#define SAVEPOINT_ONE "autogen_settle_table_as"
#define SAVEPOINT_ALL "autogen_settle_tables_as"

static const AgLoc no_loc = {0};

/* Create t's copy and read its columns into t; false when the server refuses it. */
static bool
ask_server(Catalog *model, PGconn *conn, CatTable *t)
{
    AgBuf b;
    ag_buf_init(&b);
    ag_buf_printf(&b,
                  "SET LOCAL search_path = %s;\n"
                  "CREATE TEMP TABLE autogen_settle_t %s\nWITH NO DATA;\n"
                  "SET LOCAL search_path = ''",
                  t->as_search_path ? t->as_search_path : "public", t->as_query);
    bool ok = cat_pq_command(conn, "SAVEPOINT " SAVEPOINT_ONE) && cat_pq_command(conn, ag_buf_cstr(&b));
    ag_buf_free(&b);
    if (ok) {
        PGresult *res =
            PQexec(conn, "SELECT a.attname,\n"
                         "       pg_catalog.format_type(a.atttypid, a.atttypmod),\n"
                         "       CASE WHEN a.attcollation <> t.typcollation THEN co.collname END,\n"
                         "       CASE WHEN a.attcollation <> t.typcollation THEN cn.nspname END\n"
                         "FROM pg_catalog.pg_attribute a\n"
                         "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid\n"
                         "LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation\n"
                         "LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace\n"
                         "WHERE a.attrelid = 'pg_temp.autogen_settle_t'::pg_catalog.regclass\n"
                         "  AND a.attnum > 0 AND NOT a.attisdropped\n"
                         "ORDER BY a.attnum");
        ok = res && PQresultStatus(res) == PGRES_TUPLES_OK;
        for (int r = 0; ok && r < PQntuples(res); r++) {
            CatColumn col = {
                .name = cat_pq_str(model->arena, res, r, 0),
                .loc = t->obj.loc,
                .type = cat_pq_str(model->arena, res, r, 1),
                .collation = cat_pq_str(model->arena, res, r, 2),
                .collation_schema = cat_pq_str(model->arena, res, r, 3),
            };
            cat_table_add_column(model, t, &col);
        }
        PQclear(res);
    }
    return cat_pq_command(conn, "ROLLBACK TO SAVEPOINT " SAVEPOINT_ONE) && ok;
}

bool
cat_settle_table_as(Catalog *model, PGconn *conn, AgDiag *diag)
{
    bool any = false;
    for (uint32_t i = 0; i < model->nobjects && !any; i++) {
        const CatTable *t = (const CatTable *) model->objects[i];
        any = t->obj.kind == CAT_TABLE && t->as_query && !t->ncolumns;
    }
    if (!any)
        return true;
    bool nested;
    if (!cat_pq_txn_state(conn, diag, "read the columns of tables created AS a query", &nested))
        return false;
    bool ok = cat_pq_command(conn, nested ? "SAVEPOINT " SAVEPOINT_ALL : "BEGIN");
    for (uint32_t i = 0; i < model->nobjects && ok; i++) {
        CatTable *t = (CatTable *) model->objects[i];
        if (t->obj.kind != CAT_TABLE || !t->as_query || t->ncolumns)
            continue;
        if (!ask_server(model, conn, t))
            ok = PQstatus(conn) == CONNECTION_OK && PQtransactionStatus(conn) == PQTRANS_INTRANS;
    }
    if (ok || PQtransactionStatus(conn) != PQTRANS_UNKNOWN) {
        bool ended = cat_pq_command(conn, nested ? "ROLLBACK TO SAVEPOINT " SAVEPOINT_ALL : "ROLLBACK");
        if (nested)
            ended = ended && cat_pq_command(conn, "RELEASE SAVEPOINT " SAVEPOINT_ALL);
        ok = ok && ended;
    }
    if (!ok)
        ag_diag_error(diag, no_loc, "cannot read the columns of tables created AS a query: %s",
                      PQerrorMessage(conn));
    return ok;
}

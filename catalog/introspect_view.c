/*
 * catalog/introspect_view.c: views and materialized views of a live database
 * (cat_load_views, one query inside cat_load_db's transaction), and tier 2 for their
 * queries (cat_settle_views).
 *
 * Database side: the query is pg_get_viewdef(oid) read with search_path = '' (names come
 * qualified), its canon that text through cat_canon_view; columns and their types in
 * attnum order; reloptions as stored; deps are the relations the view's rewrite rule
 * depends on (pg_depend on pg_rewrite), "schema.name"; comments on the view and on its
 * columns.
 *
 * Tier 2: a model query never equals pg_get_viewdef's text by itself. Each model view
 * that does not already match is created as a temporary view inside a savepoint (with
 * the model file's search_path), read back with pg_get_viewdef under search_path = '',
 * and rolled back. When the answer equals the database's canon, the model takes it; in
 * every case the model learns its output columns and their types, and its query text
 * becomes the server's qualified spelling (safe to emit whatever the session's
 * search_path). A view the server refuses (it reads a relation the database does not
 * have yet) stays as written: a change.
 * Not here: deciding what changed (diff/view.c).
 * TODO: function dependencies (only relations are listed in deps).
 */
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "catalog/introspect.h"
#include "catalog/introspect_internal.h"

#define SETTLE_SAVEPOINT "autogen_settle_view"
#define SETTLE_OUTER     "autogen_settle_views"
#define SETTLE_VIEW      "pg_temp.autogen_settle_v"

static const AgLoc no_loc = {0};

/* pg_get_viewdef's text without the leading blank and the final ';'. */
static const char *
trim_viewdef(AgArena *a, const char *s)
{
    while (*s == ' ' || *s == '\n')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ';' || s[n - 1] == ' ' || s[n - 1] == '\n'))
        n--;
    return ag_arena_strndup(a, s, n);
}

static int
cmp_cstr(const void *x, const void *y)
{
    return strcmp(*(const char *const *) x, *(const char *const *) y);
}

/* ---- loading ---------------------------------------------------------------------- */

bool
cat_load_views(Catalog *cat, PGconn *conn, const char *schema_filter, AgDiag *diag)
{
    AgBuf q;
    ag_buf_init(&q);
    ag_buf_puts(&q,
                "SELECT n.nspname,\n"
                "       c.relname,\n"
                "       c.relkind = 'm' AS materialized,\n"
                "       c.relispopulated,\n"
                "       pg_catalog.pg_get_viewdef(c.oid) AS viewdef,\n"
                "       c.reloptions,\n"
                "       dsc.description,\n"
                "       ARRAY(SELECT a.attname FROM pg_catalog.pg_attribute a\n"
                "             WHERE a.attrelid = c.oid AND a.attnum > 0\n"
                "               AND NOT a.attisdropped ORDER BY a.attnum) AS columns,\n"
                "       ARRAY(SELECT pg_catalog.format_type(a.atttypid, a.atttypmod)\n"
                "             FROM pg_catalog.pg_attribute a\n"
                "             WHERE a.attrelid = c.oid AND a.attnum > 0\n"
                "               AND NOT a.attisdropped ORDER BY a.attnum) AS column_types,\n"
                "       ARRAY(SELECT a.attname FROM pg_catalog.pg_attribute a\n"
                "             JOIN pg_catalog.pg_description d\n"
                "               ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass\n"
                "              AND d.objoid = c.oid AND d.objsubid = a.attnum\n"
                "             WHERE a.attrelid = c.oid AND a.attnum > 0\n"
                "             ORDER BY a.attname COLLATE \"C\") AS comment_columns,\n"
                "       ARRAY(SELECT d.description FROM pg_catalog.pg_attribute a\n"
                "             JOIN pg_catalog.pg_description d\n"
                "               ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass\n"
                "              AND d.objoid = c.oid AND d.objsubid = a.attnum\n"
                "             WHERE a.attrelid = c.oid AND a.attnum > 0\n"
                "             ORDER BY a.attname COLLATE \"C\") AS column_comments,\n"
                "       ARRAY(SELECT DISTINCT rn.nspname || '.' || rc.relname\n"
                "             FROM pg_catalog.pg_rewrite r\n"
                "             JOIN pg_catalog.pg_depend d\n"
                "               ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass\n"
                "              AND d.objid = r.oid\n"
                "              AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass\n"
                "             JOIN pg_catalog.pg_class rc ON rc.oid = d.refobjid\n"
                "             JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace\n"
                "             WHERE r.ev_class = c.oid AND d.refobjid <> c.oid) AS deps\n"
                "FROM pg_catalog.pg_class c\n"
                "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
                "LEFT JOIN pg_catalog.pg_description dsc\n"
                "  ON dsc.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass\n"
                " AND dsc.objoid = c.oid\n"
                " AND dsc.objsubid = 0\n"
                "WHERE c.relkind IN ('v', 'm')\n"
                "  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x\n"
                "                  WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass\n"
                "                    AND x.objid = c.oid\n"
                "                    AND x.deptype = 'e')\n");
    ag_buf_puts(&q, schema_filter);
    PGresult *res = cat_pq_exec(conn, diag, ag_buf_cstr(&q), PGRES_TUPLES_OK);
    ag_buf_free(&q);
    if (!res)
        return false;
    AgArena *a = cat->arena;
    int f_schema = PQfnumber(res, "nspname"), f_name = PQfnumber(res, "relname");
    int f_mat = PQfnumber(res, "materialized"), f_pop = PQfnumber(res, "relispopulated");
    int f_def = PQfnumber(res, "viewdef"), f_opts = PQfnumber(res, "reloptions");
    int f_comment = PQfnumber(res, "description"), f_cols = PQfnumber(res, "columns");
    int f_types = PQfnumber(res, "column_types"), f_ccols = PQfnumber(res, "comment_columns");
    int f_ccom = PQfnumber(res, "column_comments"), f_deps = PQfnumber(res, "deps");
    bool ok = true;
    for (int r = 0; r < PQntuples(res); r++) {
        CatView *v = (CatView *) cat_add(cat, CAT_VIEW, cat_pq_str(a, res, r, f_schema),
                                         cat_pq_str(a, res, r, f_name), no_loc);
        if (!v) {
            ag_diag_error(diag, no_loc, "view %s.%s is already in the catalog",
                          PQgetvalue(res, r, f_schema), PQgetvalue(res, r, f_name));
            ok = false;
            break;
        }
        v->materialized = PQgetvalue(res, r, f_mat)[0] == 't';
        v->with_no_data = v->materialized && PQgetvalue(res, r, f_pop)[0] != 't';
        v->query = ag_arena_alloc(a, sizeof(CatExpr));
        v->query->sql =
            trim_viewdef(a, PQgetisnull(res, r, f_def) ? "" : PQgetvalue(res, r, f_def));
        v->query->canon = cat_canon_view(a, v->query->sql);
        v->noptions = cat_pq_str_array(a, res, r, f_opts, &v->options);
        if (v->noptions > 1)
            ag_qsort(v->options, v->noptions, sizeof(char *), cmp_cstr);
        v->obj.comment = cat_pq_str(a, res, r, f_comment);
        v->ncolumns = cat_pq_str_array(a, res, r, f_cols, &v->columns);
        uint32_t ntypes = cat_pq_str_array(a, res, r, f_types, &v->column_types);
        if (ntypes != v->ncolumns)
            v->column_types = NULL;
        v->ncolumn_comments = cat_pq_str_array(a, res, r, f_ccols, &v->comment_columns);
        if (cat_pq_str_array(a, res, r, f_ccom, &v->column_comments) != v->ncolumn_comments)
            v->ncolumn_comments = 0;
        v->ndeps = cat_pq_str_array(a, res, r, f_deps, &v->deps);
        if (v->ndeps > 1)
            ag_qsort(v->deps, v->ndeps, sizeof(char *), cmp_cstr);
    }
    PQclear(res);
    return ok;
}

/* ---- tier 2 ----------------------------------------------------------------------- */

/* Create the model view as a temporary one and read it back; false when the server
 * refuses it. Strings in arena. */
static bool
ask_server(PGconn *conn, AgArena *a, AgArena *tmp, const CatView *mv, bool catalog_first,
           const char **def, const char ***cols, uint32_t *ncols, const char ***types,
           uint32_t *ntypes)
{
    AgBuf b;
    ag_buf_init(&b);
    ag_buf_printf(&b, "SET LOCAL search_path = %s%s;\nCREATE TEMP VIEW autogen_settle_v",
                  catalog_first ? "pg_catalog, " : "",
                  mv->search_path ? mv->search_path : "public");
    for (uint32_t i = 0; i < mv->ncolumns; i++)
        ag_buf_printf(&b, "%s%s", i ? ", " : " (", cat_quote_ident(tmp, mv->columns[i]));
    ag_buf_printf(&b, "%s AS\n%s;\nSET LOCAL search_path = ''", mv->ncolumns ? ")" : "",
                  mv->query->sql);
    bool ok = cat_pq_command(conn, "SAVEPOINT " SETTLE_SAVEPOINT) && cat_pq_command(conn, ag_buf_cstr(&b));
    ag_buf_free(&b);
    if (ok) {
        PGresult *res = PQexec(
            conn, "SELECT pg_catalog.pg_get_viewdef('" SETTLE_VIEW "'::pg_catalog.regclass),\n"
                  "       ARRAY(SELECT a.attname FROM pg_catalog.pg_attribute a\n"
                  "             WHERE a.attrelid = '" SETTLE_VIEW "'::pg_catalog.regclass\n"
                  "               AND a.attnum > 0 ORDER BY a.attnum),\n"
                  "       ARRAY(SELECT pg_catalog.format_type(a.atttypid, a.atttypmod)\n"
                  "             FROM pg_catalog.pg_attribute a\n"
                  "             WHERE a.attrelid = '" SETTLE_VIEW "'::pg_catalog.regclass\n"
                  "               AND a.attnum > 0 ORDER BY a.attnum)");
        ok = res && PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1;
        if (ok) {
            *def = trim_viewdef(a, PQgetvalue(res, 0, 0));
            *ncols = cat_pq_str_array(a, res, 0, 1, cols);
            *ntypes = cat_pq_str_array(a, res, 0, 2, types);
        }
        PQclear(res);
    }
    return cat_pq_command(conn, "ROLLBACK TO SAVEPOINT " SETTLE_SAVEPOINT) && ok;
}

bool
cat_settle_views(Catalog *model, const Catalog *db, PGconn *conn, AgDiag *diag)
{
    bool any = false;
    for (uint32_t i = 0; i < model->nobjects && !any; i++)
        any = model->objects[i]->kind == CAT_VIEW;
    if (!any)
        return true;
    bool nested;
    switch (PQtransactionStatus(conn)) {
    case PQTRANS_IDLE:
        nested = false;
        break;
    case PQTRANS_INTRANS:
        nested = true;
        break;
    case PQTRANS_ACTIVE:
    case PQTRANS_INERROR:
    case PQTRANS_UNKNOWN:
    default:
        ag_diag_error(diag, no_loc,
                      "cannot settle views: the connection is busy or its transaction has "
                      "failed");
        return false;
    }
    const char *begin = nested ? "SAVEPOINT " SETTLE_OUTER : "BEGIN";
    PGresult *res = cat_pq_exec(conn, diag, begin, PGRES_COMMAND_OK);
    if (!res)
        return false;
    PQclear(res);
    AgArena tmp;
    ag_arena_init(&tmp);
    bool ok = true;
    for (uint32_t i = 0; i < model->nobjects && ok; i++) {
        CatView *mv = (CatView *) model->objects[i];
        if (mv->obj.kind != CAT_VIEW || !mv->query || !mv->query->sql)
            continue;
        const CatView *dv = (const CatView *) cat_find(db, CAT_VIEW, mv->obj.schema, mv->obj.name);
        if (dv && dv->query && ag_streq(dv->query->canon, mv->query->canon) &&
            (mv->ncolumns || !dv->ncolumns) && mv->column_types)
            continue;
        const char *def = NULL, **cols = NULL, **types = NULL;
        uint32_t ncols = 0, ntypes = 0;
        bool asked = ask_server(conn, model->arena, &tmp, mv, false, &def, &cols, &ncols, &types,
                                &ntypes);
        if (!asked && (PQstatus(conn) != CONNECTION_OK ||
                       PQtransactionStatus(conn) != PQTRANS_INTRANS)) {
            ok = false;
            continue;
        }
        const char *canon = asked ? cat_canon_view(model->arena, def) : NULL;
        /* A search_path that lists pg_catalog after the view's own schema lets a name in
         * the query resolve to the database's copy of this very view (postgrest's view
         * test.xml reads ''::xml: in the database that is the view's row type, while the
         * model, loaded fresh, meant pg_catalog.xml). Ask once more with the built-ins
         * first; take the answer only when it then matches the database. */
        if (dv && dv->query && !ag_streq(canon, dv->query->canon) && mv->search_path) {
            const char *def2 = NULL, **cols2 = NULL, **types2 = NULL;
            uint32_t ncols2 = 0, ntypes2 = 0;
            if (ask_server(conn, model->arena, &tmp, mv, true, &def2, &cols2, &ncols2, &types2,
                           &ntypes2)) {
                const char *canon2 = cat_canon_view(model->arena, def2);
                if (ag_streq(canon2, dv->query->canon)) {
                    def = def2, cols = cols2, ncols = ncols2, types = types2, ntypes = ntypes2;
                    canon = canon2;
                    asked = true;
                }
            } else if (PQstatus(conn) != CONNECTION_OK ||
                       PQtransactionStatus(conn) != PQTRANS_INTRANS) {
                ok = false;
                continue;
            }
        }
        if (!asked)
            continue; /* the server refuses the model's view: it stays a change */
        if (dv && dv->query && ag_streq(canon, dv->query->canon))
            mv->query->canon = dv->query->canon;
        else
            mv->query->canon = canon;
        mv->query->sql = def;
        if (!mv->ncolumns) {
            mv->columns = cols;
            mv->ncolumns = ncols;
        }
        mv->column_types = ntypes == mv->ncolumns ? types : NULL;
    }
    ag_arena_free(&tmp);
    const char *end = nested ? "ROLLBACK TO SAVEPOINT " SETTLE_OUTER : "ROLLBACK";
    res = cat_pq_exec(conn, diag, end, PGRES_COMMAND_OK);
    if (!res)
        return false;
    PQclear(res);
    if (nested) {
        res = cat_pq_exec(conn, diag, "RELEASE SAVEPOINT " SETTLE_OUTER, PGRES_COMMAND_OK);
        if (!res)
            return false;
        PQclear(res);
    }
    if (!ok)
        ag_diag_error(diag, no_loc, "cannot settle views: %s", PQerrorMessage(conn));
    return ok;
}

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
 * that does not already match is created as a temporary view in a subtransaction (with
 * the model file's search_path), read back with pg_get_viewdef under search_path = '',
 * and rolled back; all of them in one round trip (see ask_views). When the answer equals the database's canon, the model takes it; in
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

#define SETTLE_OUTER     "autogen_settle_views"

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

/* One round trip for all the views that need the server, whatever their number: a DO
 * block per VIEWS_PER_BLOCK views, each view in a plpgsql exception block that creates
 * it as a temporary view under the model's search_path, reads it back under '' into
 * array variables, then raises to roll itself back (its locks go with it; answers
 * survive in the variables). A view the server refuses leaves no answer. The answers
 * land in a temporary table read by the last statement; the caller rolls back. */
#define VIEWS_PER_BLOCK  200
#define ROLLBACK_STATE   "AGV01"
#define RESULT_TABLE     "pg_temp.autogen_settle_vout"
#define TEMP_VIEW        "pg_temp.autogen_settle_v"

typedef struct ViewAsk {
    CatView *mv;
    const CatView *dv;
    bool catalog_first; /* the second question: built-ins before the model's schemas */
    const char *def;    /* the answers; def NULL: the server refused the view */
    const char **cols, **types;
    uint32_t ncols, ntypes;
} ViewAsk;

/* s as a SQL literal in arena a; NULL when libpq cannot quote it. */
static const char *
literal(PGconn *conn, AgArena *a, const char *s)
{
    char *lit = PQescapeLiteral(conn, s, strlen(s));
    if (!lit)
        return NULL;
    const char *out = ag_arena_strdup(a, lit);
    PQfreemem(lit);
    return out;
}

static void
put_view(PGconn *conn, AgArena *tmp, AgBuf *body, const ViewAsk *va, uint32_t n)
{
    const CatView *mv = va->mv;
    AgBuf b;
    ag_buf_init(&b);
    ag_buf_printf(&b, "CREATE TEMP VIEW autogen_settle_v%u", n);
    for (uint32_t i = 0; i < mv->ncolumns; i++)
        ag_buf_printf(&b, "%s%s", i ? ", " : " (", cat_quote_ident(tmp, mv->columns[i]));
    ag_buf_printf(&b, "%s AS\n%s", mv->ncolumns ? ")" : "", mv->query->sql);
    const char *create = literal(conn, tmp, ag_buf_cstr(&b));
    ag_buf_reset(&b);
    ag_buf_printf(&b, "%s%s", va->catalog_first ? "pg_catalog, " : "",
                  mv->search_path ? mv->search_path : "public");
    const char *path = literal(conn, tmp, ag_buf_cstr(&b));
    ag_buf_free(&b);
    if (!create || !path)
        return; /* no answer: the view stays as written */
    ag_buf_printf(body,
                  "BEGIN\n"
                  "  PERFORM pg_catalog.set_config('search_path', %s, true);\n"
                  "  EXECUTE %s;\n"
                  "  PERFORM pg_catalog.set_config('search_path', '', true);\n"
                  "  d[%u] := pg_catalog.pg_get_viewdef('" TEMP_VIEW "%u'::pg_catalog.regclass);\n"
                  "  c[%u] := ARRAY(SELECT a.attname FROM pg_catalog.pg_attribute a\n"
                  "                WHERE a.attrelid = '" TEMP_VIEW "%u'::pg_catalog.regclass\n"
                  "                  AND a.attnum > 0 ORDER BY a.attnum)::text;\n"
                  "  t[%u] := ARRAY(SELECT pg_catalog.format_type(a.atttypid, a.atttypmod)\n"
                  "                FROM pg_catalog.pg_attribute a\n"
                  "                WHERE a.attrelid = '" TEMP_VIEW "%u'::pg_catalog.regclass\n"
                  "                  AND a.attnum > 0 ORDER BY a.attnum)::text;\n"
                  "  RAISE SQLSTATE '" ROLLBACK_STATE "';\n"
                  "EXCEPTION WHEN OTHERS THEN NULL;\n"
                  "END;\n",
                  path, create, n, n, n, n, n, n);
}

static void
put_block_end(PGconn *conn, AgArena *tmp, AgBuf *q, AgBuf *body)
{
    ag_buf_puts(body, "INSERT INTO " RESULT_TABLE "\n"
                      "SELECT s.n, d[s.n], c[s.n], t[s.n]\n"
                      "FROM pg_catalog.generate_subscripts(d, 1) AS s(n)\n"
                      "WHERE d[s.n] IS NOT NULL;\n"
                      "END\n");
    const char *lit = literal(conn, tmp, ag_buf_cstr(body));
    ag_buf_printf(q, "DO LANGUAGE plpgsql %s;\n", lit ? lit : "''");
    ag_buf_reset(body);
}

/* Ask the server about asks[0..n): one request, then the rollback. False only when
 * the connection or the transaction failed (reported). */
static bool
ask_views(PGconn *conn, AgArena *a, AgArena *tmp, ViewAsk *asks, uint32_t n, AgDiag *diag)
{
    if (!n)
        return true;
    bool nested;
    if (!cat_pq_txn_state(conn, diag, "settle views", &nested))
        return false;
    AgBuf q, body;
    ag_buf_init(&q);
    ag_buf_init(&body);
    ag_buf_puts(&q, nested ? "SAVEPOINT " SETTLE_OUTER ";\n" : "BEGIN;\n");
    ag_buf_puts(&q, "SET LOCAL search_path = '';\n"
                    "CREATE TEMPORARY TABLE " RESULT_TABLE
                    " (n integer, def text, cols text, types text);\n");
    for (uint32_t i = 0; i < n; i++) {
        if (i % VIEWS_PER_BLOCK == 0)
            ag_buf_puts(&body, "DECLARE\n"
                               "  d text[] := '{}';\n"
                               "  c text[] := '{}';\n"
                               "  t text[] := '{}';\n"
                               "BEGIN\n");
        put_view(conn, tmp, &body, &asks[i], i + 1);
        if ((i + 1) % VIEWS_PER_BLOCK == 0 || i + 1 == n)
            put_block_end(conn, tmp, &q, &body);
    }
    ag_buf_puts(&q, "SELECT n, def, cols, types FROM " RESULT_TABLE " ORDER BY n");
    PGresult *res = cat_pq_exec(conn, diag, ag_buf_cstr(&q), PGRES_TUPLES_OK);
    ag_buf_free(&body);
    ag_buf_free(&q);
    for (int r = 0; res && r < PQntuples(res); r++) {
        long k = strtol(PQgetvalue(res, r, 0), NULL, 10);
        if (k < 1 || (unsigned long) k > n || PQgetisnull(res, r, 1))
            continue;
        ViewAsk *va = &asks[k - 1];
        va->def = trim_viewdef(a, PQgetvalue(res, r, 1));
        va->ncols = cat_pq_str_array(a, res, r, 2, &va->cols);
        va->ntypes = cat_pq_str_array(a, res, r, 3, &va->types);
    }
    bool ok = res != NULL;
    PQclear(res);
    if (PQstatus(conn) != CONNECTION_OK)
        return false;
    /* Always undone, answers or not. */
    const char *undo = nested ? "ROLLBACK TO SAVEPOINT " SETTLE_OUTER ";\n"
                                "RELEASE SAVEPOINT " SETTLE_OUTER
                              : "ROLLBACK";
    res = cat_pq_exec(conn, diag, undo, PGRES_COMMAND_OK);
    PQclear(res);
    return ok && res != NULL;
}

/* Does the query select * (or t.*)? Its columns are then those of the tables when the
 * view is created. In deparsed text such a star follows "SELECT", "DISTINCT", "," or "."
 * (a product follows an operand). */
static bool
selects_star(const char *sql)
{
    for (const char *p = sql ? strchr(sql, '*') : NULL; p; p = strchr(p + 1, '*')) {
        if (p > sql && p[-1] == '.')
            return true;
        const char *q = p;
        while (q > sql && q[-1] == ' ')
            q--;
        if (q > sql && q[-1] == ',')
            return true;
        if ((q - sql >= 6 && strncmp(q - 6, "SELECT", 6) == 0) ||
            (q - sql >= 8 && strncmp(q - 8, "DISTINCT", 8) == 0))
            return true;
    }
    return false;
}

/* Same columns, in the same order, in the model's table and the database's? */
static bool
same_table_columns(const CatTable *a, const CatTable *b)
{
    if (!a || !b || a->ncolumns != b->ncolumns)
        return false;
    for (uint32_t i = 0; i < a->ncolumns; i++)
        if (strcmp(a->columns[i].name, b->columns[i].name) != 0 ||
            !ag_streq(a->columns[i].type, b->columns[i].type))
            return false;
    return true;
}

/* A view that selects * from a table whose columns the model changes: the server, asked
 * now, would expand the star over the database's columns, not the model's. Such a view
 * stays as written (a change: created again from the model's text, after the tables). */
static bool
star_over_changed_table(const Catalog *model, const Catalog *db, const CatView *mv)
{
    if (!mv->query || !selects_star(mv->query->sql))
        return false;
    for (uint32_t i = 0; i < mv->ndeps; i++) {
        const char *dot = strchr(mv->deps[i], '.');
        if (!dot)
            continue;
        size_t sl = (size_t) (dot - mv->deps[i]);
        char schema[256];
        if (sl >= sizeof(schema))
            return true;
        memcpy(schema, mv->deps[i], sl);
        schema[sl] = '\0';
        const CatTable *mt = cat_table_find(model, schema, dot + 1);
        if (mt && !same_table_columns(mt, cat_table_find(db, schema, dot + 1)))
            return true;
    }
    return false;
}

/* The model view takes the server's answer: its spelling, columns and types, and the
 * database's canon when the two agree. */
static void
take_answer(const ViewAsk *va, const char *canon)
{
    CatView *mv = va->mv;
    const CatView *dv = va->dv;
    if (dv && dv->query && ag_streq(canon, dv->query->canon))
        mv->query->canon = dv->query->canon;
    else
        mv->query->canon = canon;
    mv->query->sql = va->def;
    mv->search_path = NULL; /* the server's text is qualified: it runs under any path */
    if (!mv->ncolumns) {
        mv->columns = va->cols;
        mv->ncolumns = va->ncols;
    }
    mv->column_types = va->ntypes == mv->ncolumns ? va->types : NULL;
}

bool
cat_settle_views(Catalog *model, const Catalog *db, PGconn *conn, AgDiag *diag)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < model->nobjects; i++)
        n += model->objects[i]->kind == CAT_VIEW;
    if (!n)
        return true;
    AgArena tmp;
    ag_arena_init(&tmp);
    ViewAsk *asks = ag_arena_alloc(&tmp, sizeof(ViewAsk) * n);
    n = 0;
    for (uint32_t i = 0; i < model->nobjects; i++) {
        CatView *mv = (CatView *) model->objects[i];
        if (mv->obj.kind != CAT_VIEW || !mv->query || !mv->query->sql)
            continue;
        const CatView *dv = (const CatView *) cat_find(db, CAT_VIEW, mv->obj.schema, mv->obj.name);
        if (dv && dv->query && ag_streq(dv->query->canon, mv->query->canon) &&
            (mv->ncolumns || !dv->ncolumns) && mv->column_types)
            continue;
        if (star_over_changed_table(model, db, mv))
            continue;
        asks[n++] = (ViewAsk){.mv = mv, .dv = dv};
    }
    bool ok = ask_views(conn, model->arena, &tmp, asks, n, diag);
    /* A search_path that lists pg_catalog after the view's own schema lets a name in the
     * query resolve to the database's copy of this very view (postgrest's view test.xml
     * reads ''::xml: in the database that is the view's row type, while the model, loaded
     * fresh, meant pg_catalog.xml). Those that then differ from the database are asked
     * once more with the built-ins first; that answer counts only when it matches. */
    ViewAsk *again = ag_arena_alloc(&tmp, sizeof(ViewAsk) * (n + 1));
    const char **canons = ag_arena_alloc(&tmp, sizeof(char *) * (n + 1));
    uint32_t nagain = 0;
    for (uint32_t i = 0; ok && i < n; i++) {
        const ViewAsk *va = &asks[i];
        canons[i] = va->def ? cat_canon_view(model->arena, va->def) : NULL;
        if (va->dv && va->dv->query && !ag_streq(canons[i], va->dv->query->canon) &&
            va->mv->search_path)
            again[nagain++] = (ViewAsk){.mv = va->mv, .dv = va->dv, .catalog_first = true};
    }
    ok = ok && ask_views(conn, model->arena, &tmp, again, nagain, diag);
    for (uint32_t i = 0, j = 0; ok && i < n; i++) {
        const ViewAsk *va = &asks[i];
        if (j < nagain && again[j].mv == va->mv) {
            const ViewAsk *vb = &again[j++];
            const char *canon2 = vb->def ? cat_canon_view(model->arena, vb->def) : NULL;
            if (canon2 && ag_streq(canon2, va->dv->query->canon)) {
                take_answer(vb, canon2);
                continue;
            }
        }
        if (va->def)
            take_answer(va, canons[i]);
        /* else: the server refuses the model's view; it stays a change */
    }
    ag_arena_free(&tmp);
    return ok;
}

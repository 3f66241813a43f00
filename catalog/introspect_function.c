/*
 * catalog/introspect_function.c: functions, procedures and triggers of a live database,
 * read into the Catalog as parser/function.c fills it from the model (see there for
 * the rules both sides share). Two set-based queries: one over pg_proc, one over
 * pg_trigger; cat_load_db runs them inside its transaction, after the tables, with
 * search_path = '' so that types and names come back qualified.
 * Aggregates: a third query over pg_aggregate (load_aggregates).
 * Skipped: window functions (not managed yet), extension members,
 * internal triggers (foreign keys' and the like) and the clones a partition gets from
 * its partitioned table's trigger.
 * Not here: the transaction and the other kinds (introspect.c), canonical forms
 * (canon*.c).
 */
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "catalog/introspect.h"
#include "catalog/introspect_internal.h"

#define REGCLASS_PROC    "'pg_catalog.pg_proc'::pg_catalog.regclass"
#define REGCLASS_TRIGGER "'pg_catalog.pg_trigger'::pg_catalog.regclass"
#define PROKINDS_LOADED  "'f', 'p'"

static const AgLoc no_loc = {0};

typedef struct FnLoad {
    Catalog *cat;
    PGconn *conn;
    const CatFilter *filter;
    AgDiag *diag;
    int ver;
    AgBuf q;
} FnLoad;

static PGresult *
query_or_report(FnLoad *ld)
{
    return cat_pq_exec(ld->conn, ld->diag, ag_buf_cstr(&ld->q), PGRES_TUPLES_OK);
}

static const char *
get_str(FnLoad *ld, const PGresult *res, int row, int f)
{
    return cat_pq_str(ld->cat->arena, res, row, f);
}

static bool
get_bool(const PGresult *res, int row, int f)
{
    return cat_pq_bool(res, row, f);
}

static char
get_char(const PGresult *res, int row, int f)
{
    return cat_pq_char(res, row, f);
}

/* Same conditions on a namespace alias as introspect.c's put_schema_filter. */
static void
put_schema_filter(FnLoad *ld, const char *nsp)
{
    ag_buf_printf(&ld->q,
                  "  AND %s.nspname <> 'pg_catalog'\n"
                  "  AND %s.nspname <> 'information_schema'\n"
                  "  AND %s.nspname !~ '^pg_toast'\n"
                  "  AND %s.nspname !~ '^pg_temp_'\n",
                  nsp, nsp, nsp, nsp);
    if (!ld->filter || !ld->filter->nschemas)
        return;
    ag_buf_printf(&ld->q, "  AND %s.nspname IN (", nsp);
    for (uint32_t i = 0; i < ld->filter->nschemas; i++) {
        const char *name = ld->filter->schemas[i];
        char *lit = PQescapeLiteral(ld->conn, name, strlen(name));
        ag_buf_printf(&ld->q, "%s%s", i ? ", " : "", lit ? lit : "NULL");
        PQfreemem(lit);
    }
    ag_buf_puts(&ld->q, ")\n");
}

static int
cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* proconfig, read as array_to_string(proconfig, E'\x1f') (no quoting to undo), sorted
 * by bytes. */
static uint32_t
get_config(FnLoad *ld, const PGresult *res, int row, int f, const char ***out)
{
    *out = NULL;
    if (PQgetisnull(res, row, f))
        return 0;
    const char *s = PQgetvalue(res, row, f);
    if (!*s)
        return 0;
    uint32_t n = 1;
    for (const char *p = s; *p; p++)
        n += *p == '\x1f';
    const char **items = ag_arena_alloc(ld->cat->arena, sizeof(char *) * n);
    uint32_t k = 0;
    const char *p = s;
    for (;;) {
        size_t len = strcspn(p, "\x1f");
        items[k++] = ag_arena_strndup(ld->cat->arena, p, len);
        if (!p[len])
            break;
        p += len + 1;
    }
    ag_qsort(items, k, sizeof(char *), cmp_cstr);
    *out = items;
    return k;
}

static bool
load_functions(FnLoad *ld)
{
    ag_buf_reset(&ld->q);
    ag_buf_puts(&ld->q,
                "SELECT n.nspname,\n"
                "       p.proname,\n"
                "       p.prokind,\n"
                "       (SELECT pg_catalog.string_agg(pg_catalog.format_type(a.t, NULL), ', '\n"
                "                                     ORDER BY a.o)\n"
                "        FROM pg_catalog.unnest(p.proargtypes::pg_catalog.oid[])\n"
                "             WITH ORDINALITY AS a(t, o)) AS identity,\n"
                "       pg_catalog.pg_get_function_arguments(p.oid) AS arguments,\n"
                "       pg_catalog.pg_get_function_result(p.oid) AS result,\n"
                "       l.lanname,\n"
                "       p.prosrc,\n");
    ag_buf_puts(&ld->q, ld->ver >= 140000
                            ? "       pg_catalog.pg_get_function_sqlbody(p.oid) AS sqlbody,\n"
                            : "       NULL::pg_catalog.text AS sqlbody,\n");
    ag_buf_puts(&ld->q,
                "       p.provolatile,\n"
                "       p.proisstrict,\n"
                "       p.prosecdef,\n"
                "       p.proleakproof,\n"
                "       p.proparallel,\n"
                "       p.procost,\n"
                "       p.prorows,\n"
                "       pg_catalog.array_to_string(p.proconfig, E'\\x1f') AS config,\n"
                "       pg_catalog.pg_get_functiondef(p.oid) AS definition,\n"
                "       dsc.description\n"
                "FROM pg_catalog.pg_proc p\n"
                "JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace\n"
                "JOIN pg_catalog.pg_language l ON l.oid = p.prolang\n"
                "LEFT JOIN pg_catalog.pg_description dsc\n"
                "  ON dsc.classoid = " REGCLASS_PROC "\n"
                " AND dsc.objoid = p.oid\n"
                " AND dsc.objsubid = 0\n"
                "WHERE p.prokind IN (" PROKINDS_LOADED ")\n");
    put_schema_filter(ld, "n");
    ag_buf_puts(&ld->q, "  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x\n"
                        "                  WHERE x.classid = " REGCLASS_PROC "\n"
                        "                    AND x.objid = p.oid\n"
                        "                    AND x.deptype = 'e')\n");
    PGresult *res = query_or_report(ld);
    if (!res)
        return false;
    int f_schema = PQfnumber(res, "nspname");
    int f_name = PQfnumber(res, "proname");
    int f_kind = PQfnumber(res, "prokind");
    int f_identity = PQfnumber(res, "identity");
    int f_args = PQfnumber(res, "arguments");
    int f_result = PQfnumber(res, "result");
    int f_lang = PQfnumber(res, "lanname");
    int f_src = PQfnumber(res, "prosrc");
    int f_sqlbody = PQfnumber(res, "sqlbody");
    int f_vol = PQfnumber(res, "provolatile");
    int f_strict = PQfnumber(res, "proisstrict");
    int f_secdef = PQfnumber(res, "prosecdef");
    int f_leak = PQfnumber(res, "proleakproof");
    int f_par = PQfnumber(res, "proparallel");
    int f_cost = PQfnumber(res, "procost");
    int f_rows = PQfnumber(res, "prorows");
    int f_config = PQfnumber(res, "config");
    int f_def = PQfnumber(res, "definition");
    int f_comment = PQfnumber(res, "description");
    AgArena *a = ld->cat->arena;
    bool ok = true;
    for (int r = 0; r < PQntuples(res); r++) {
        const char *fname = PQgetvalue(res, r, f_name);
        const char *identity = PQgetisnull(res, r, f_identity) ? "" : PQgetvalue(res, r, f_identity);
        const char *key = ag_arena_printf(a, "%s(%s)", fname, identity);
        CatFunction *f = (CatFunction *) cat_add(ld->cat, CAT_FUNCTION,
                                                 PQgetvalue(res, r, f_schema), key, no_loc);
        if (!f) {
            ag_diag_error(ld->diag, no_loc, "function %s.%s is already in the catalog",
                          PQgetvalue(res, r, f_schema), key);
            ok = false;
            break;
        }
        f->fname = ag_arena_strdup(a, fname);
        f->is_procedure = get_char(res, r, f_kind) == 'p';
        f->identity_args = ag_arena_strdup(a, identity);
        f->arguments = cat_canon_func_args(a, PQgetvalue(res, r, f_args));
        f->result = get_str(ld, res, r, f_result);
        f->language = get_str(ld, res, r, f_lang);
        f->body = PQgetisnull(res, r, f_sqlbody) ? get_str(ld, res, r, f_src) : NULL;
        f->volatility = get_char(res, r, f_vol);
        f->strict = get_bool(res, r, f_strict);
        f->security_definer = get_bool(res, r, f_secdef);
        f->leakproof = get_bool(res, r, f_leak);
        f->parallel = get_char(res, r, f_par);
        f->cost = strtod(PQgetvalue(res, r, f_cost), NULL);
        f->rows = strtod(PQgetvalue(res, r, f_rows), NULL);
        f->nconfig = get_config(ld, res, r, f_config, &f->config);
        f->definition = get_str(ld, res, r, f_def);
        f->obj.comment = get_str(ld, res, r, f_comment);
    }
    PQclear(res);
    return ok;
}

static bool
load_triggers(FnLoad *ld)
{
    ag_buf_reset(&ld->q);
    ag_buf_puts(&ld->q, "SELECT n.nspname,\n"
                        "       c.relname,\n"
                        "       t.tgname,\n"
                        "       pg_catalog.pg_get_triggerdef(t.oid) AS def,\n"
                        "       t.tgenabled,\n"
                        "       dsc.description\n"
                        "FROM pg_catalog.pg_trigger t\n"
                        "JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid\n"
                        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
                        "LEFT JOIN pg_catalog.pg_description dsc\n"
                        "  ON dsc.classoid = " REGCLASS_TRIGGER "\n"
                        " AND dsc.objoid = t.oid\n"
                        " AND dsc.objsubid = 0\n"
                        "WHERE NOT t.tgisinternal\n"
                        "  AND t.tgparentid = 0\n");
    put_schema_filter(ld, "n");
    PGresult *res = query_or_report(ld);
    if (!res)
        return false;
    int f_schema = PQfnumber(res, "nspname");
    int f_table = PQfnumber(res, "relname");
    int f_name = PQfnumber(res, "tgname");
    int f_def = PQfnumber(res, "def");
    int f_enabled = PQfnumber(res, "tgenabled");
    int f_comment = PQfnumber(res, "description");
    AgArena *a = ld->cat->arena;
    for (int r = 0; r < PQntuples(res); r++) {
        CatTable *t =
            cat_table_find(ld->cat, PQgetvalue(res, r, f_schema), PQgetvalue(res, r, f_table));
        if (!t)
            continue; /* on a view, a foreign table or a table autogen leaves out */
        CatExpr *def = ag_arena_alloc(a, sizeof(CatExpr));
        def->sql = get_str(ld, res, r, f_def);
        def->canon = cat_canon_stmt(a, def->sql, "public");
        if (!def->canon)
            def->canon = def->sql;
        CatTrigger trg = {
            .name = get_str(ld, res, r, f_name),
            .def = def,
            .enabled = get_char(res, r, f_enabled),
            .comment = get_str(ld, res, r, f_comment),
        };
        cat_table_add_trigger(ld->cat, t, &trg);
    }
    PQclear(res);
    return true;
}

/* ---- aggregates ---------------------------------------------------------------------- */

/* A pg_proc oid column of pg_aggregate as parser/function.c spells it: qualified
 * unless in pg_catalog, NULL for none. */
#define AGG_FN(col)                                                                        \
    "       (SELECT CASE WHEN fn.pronamespace = 'pg_catalog'::pg_catalog.regnamespace\n"   \
    "                    THEN pg_catalog.quote_ident(fn.proname)\n"                         \
    "                    ELSE pg_catalog.quote_ident(fs.nspname) || '.' ||\n"              \
    "                         pg_catalog.quote_ident(fn.proname) END\n"                     \
    "        FROM pg_catalog.pg_proc fn\n"                                                  \
    "        JOIN pg_catalog.pg_namespace fs ON fs.oid = fn.pronamespace\n"                 \
    "        WHERE fn.oid = a." col ") AS " col ",\n"

static const char *
modify_word(char m)
{
    return m == 's' ? "SHAREABLE" : m == 'w' ? "READ_WRITE" : "READ_ONLY";
}

static bool
load_aggregates(FnLoad *ld)
{
    ag_buf_reset(&ld->q);
    ag_buf_puts(&ld->q,
                "SELECT n.nspname,\n"
                "       p.proname,\n"
                "       (SELECT pg_catalog.string_agg(\n"
                "                 CASE WHEN a.aggkind <> 'n' AND x.o = a.aggnumdirectargs + 1\n"
                "                      THEN CASE WHEN x.o = 1 THEN 'ORDER BY ' ELSE ' ORDER BY ' END\n"
                "                      WHEN x.o = 1 THEN '' ELSE ', ' END ||\n"
                "                 CASE WHEN p.provariadic <> 0 AND x.o = p.pronargs\n"
                "                      THEN 'VARIADIC ' ELSE '' END ||\n"
                "                 pg_catalog.format_type(x.t, NULL), '' ORDER BY x.o)\n"
                "        FROM pg_catalog.unnest(p.proargtypes::pg_catalog.oid[])\n"
                "             WITH ORDINALITY AS x(t, o)) AS identity,\n"
                "       a.aggkind,\n");
    ag_buf_puts(&ld->q, AGG_FN("aggtransfn") AGG_FN("aggfinalfn") AGG_FN("aggcombinefn"));
    ag_buf_puts(&ld->q, AGG_FN("aggserialfn") AGG_FN("aggdeserialfn") AGG_FN("aggmtransfn"));
    ag_buf_puts(&ld->q, AGG_FN("aggminvtransfn") AGG_FN("aggmfinalfn"));
    ag_buf_puts(&ld->q,
                "       a.aggfinalextra,\n"
                "       a.aggmfinalextra,\n"
                "       a.aggfinalmodify,\n"
                "       a.aggmfinalmodify,\n"
                "       (SELECT CASE WHEN o.oprnamespace = 'pg_catalog'::pg_catalog.regnamespace\n"
                "                    THEN o.oprname::pg_catalog.text\n"
                "                    ELSE 'OPERATOR(' || pg_catalog.quote_ident(os.nspname) || '.' ||\n"
                "                         o.oprname || ')' END\n"
                "        FROM pg_catalog.pg_operator o\n"
                "        JOIN pg_catalog.pg_namespace os ON os.oid = o.oprnamespace\n"
                "        WHERE o.oid = a.aggsortop) AS sortop,\n"
                "       pg_catalog.format_type(a.aggtranstype, NULL) AS stype,\n"
                "       a.aggtransspace,\n"
                "       CASE WHEN a.aggmtranstype <> 0\n"
                "            THEN pg_catalog.format_type(a.aggmtranstype, NULL) END AS mstype,\n"
                "       a.aggmtransspace,\n"
                "       a.agginitval,\n"
                "       a.aggminitval,\n"
                "       p.proparallel,\n"
                "       dsc.description\n"
                "FROM pg_catalog.pg_aggregate a\n"
                "JOIN pg_catalog.pg_proc p ON p.oid = a.aggfnoid\n"
                "JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace\n"
                "LEFT JOIN pg_catalog.pg_description dsc\n"
                "  ON dsc.classoid = " REGCLASS_PROC "\n"
                " AND dsc.objoid = p.oid\n"
                " AND dsc.objsubid = 0\n"
                "WHERE true\n");
    put_schema_filter(ld, "n");
    ag_buf_puts(&ld->q, "  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x\n"
                        "                  WHERE x.classid = " REGCLASS_PROC "\n"
                        "                    AND x.objid = p.oid\n"
                        "                    AND x.deptype = 'e')\n");
    PGresult *res = query_or_report(ld);
    if (!res)
        return false;
    AgArena *a = ld->cat->arena;
    bool ok = true;
    for (int r = 0; r < PQntuples(res); r++) {
#define COL(name) PQfnumber(res, name)
#define VAL(name) (PQgetisnull(res, r, COL(name)) ? NULL : PQgetvalue(res, r, COL(name)))
        const char *schema = VAL("nspname");
        const char *fname = VAL("proname");
        const char *identity = VAL("identity") ? VAL("identity") : "";
        const char *key = ag_arena_printf(a, "%s(%s)", fname, identity);
        CatFunction *f = (CatFunction *) cat_add(ld->cat, CAT_FUNCTION, schema, key, no_loc);
        if (!f) {
            ag_diag_error(ld->diag, no_loc, "aggregate %s.%s is already in the catalog", schema,
                          key);
            ok = false;
            break;
        }
        char kind = get_char(res, r, COL("aggkind"));
        char par = get_char(res, r, COL("proparallel"));
        AgBuf b;
        ag_buf_init(&b);
#define PUT(fmt, ...) ag_buf_printf(&b, "%s" fmt, b.len ? ", " : "", __VA_ARGS__)
        PUT("SFUNC = %s", VAL("aggtransfn"));
        PUT("STYPE = %s", VAL("stype"));
        if (!ag_streq(VAL("aggtransspace"), "0"))
            PUT("SSPACE = %s", VAL("aggtransspace"));
        if (VAL("aggfinalfn"))
            PUT("FINALFUNC = %s", VAL("aggfinalfn"));
        if (get_bool(res, r, COL("aggfinalextra")))
            PUT("%s", "FINALFUNC_EXTRA");
        PUT("FINALFUNC_MODIFY = %s", modify_word(get_char(res, r, COL("aggfinalmodify"))));
        if (VAL("aggcombinefn"))
            PUT("COMBINEFUNC = %s", VAL("aggcombinefn"));
        if (VAL("aggserialfn"))
            PUT("SERIALFUNC = %s", VAL("aggserialfn"));
        if (VAL("aggdeserialfn"))
            PUT("DESERIALFUNC = %s", VAL("aggdeserialfn"));
        if (VAL("agginitval"))
            PUT("INITCOND = %s", cat_quote_literal(a, VAL("agginitval")));
        if (VAL("aggmtransfn"))
            PUT("MSFUNC = %s", VAL("aggmtransfn"));
        if (VAL("aggminvtransfn"))
            PUT("MINVFUNC = %s", VAL("aggminvtransfn"));
        if (VAL("mstype"))
            PUT("MSTYPE = %s", VAL("mstype"));
        if (!ag_streq(VAL("aggmtransspace"), "0"))
            PUT("MSSPACE = %s", VAL("aggmtransspace"));
        if (VAL("aggmfinalfn"))
            PUT("MFINALFUNC = %s", VAL("aggmfinalfn"));
        if (get_bool(res, r, COL("aggmfinalextra")))
            PUT("%s", "MFINALFUNC_EXTRA");
        if (VAL("aggmtransfn"))
            PUT("MFINALFUNC_MODIFY = %s", modify_word(get_char(res, r, COL("aggmfinalmodify"))));
        if (VAL("aggminitval"))
            PUT("MINITCOND = %s", cat_quote_literal(a, VAL("aggminitval")));
        if (VAL("sortop"))
            PUT("SORTOP = %s", VAL("sortop"));
        if (kind == 'h')
            PUT("%s", "HYPOTHETICAL");
        if (par == 's' || par == 'r')
            PUT("PARALLEL = %s", par == 's' ? "SAFE" : "RESTRICTED");
#undef PUT
        f->fname = ag_arena_strdup(a, fname);
        f->identity_args = ag_arena_strdup(a, identity);
        f->arguments = f->identity_args;
        f->aggregate = ag_arena_strdup(a, ag_buf_cstr(&b));
        f->definition = ag_arena_printf(a, "CREATE OR REPLACE AGGREGATE %s(%s) (%s)",
                                        cat_qualified(a, schema, fname),
                                        *identity ? identity : "*", f->aggregate);
        f->obj.comment = get_str(ld, res, r, COL("description"));
        ag_buf_free(&b);
#undef VAL
#undef COL
    }
    PQclear(res);
    return ok;
}

/* See introspect.h. */
bool
cat_load_functions(Catalog *cat, PGconn *conn, const CatFilter *filter, AgDiag *diag, int ver)
{
    FnLoad ld = {.cat = cat, .conn = conn, .filter = filter, .diag = diag, .ver = ver};
    ag_buf_init(&ld.q);
    bool ok = load_functions(&ld) && load_aggregates(&ld) && load_triggers(&ld);
    ag_buf_free(&ld.q);
    return ok;
}

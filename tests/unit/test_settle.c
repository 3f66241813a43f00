/*
 * tests/unit/test_settle.c: cat_settle_exprs (tier 2 of canonicalisation) against a real
 * PostgreSQL. Creates a fresh database from DDL whose defaults, CHECK bodies, generated
 * columns, EXCLUDE predicate and index expressions PostgreSQL re-spells, introspects it,
 * builds the model catalog by hand with the spellings the DDL used, and checks that the
 * re-spelled pairs settle while real changes (and expressions the server rejects) stay
 * different; then the round-trip count, no query when nothing is unsettled, a run inside
 * the caller's transaction, and a failing batch.
 * Needs AUTOGEN_TEST_DSN (a libpq connection string to a server we may CREATE DATABASE
 * on); without it the test exits 77 (SKIP), or fails when AUTOGEN_REQUIRE_PG=1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "base/base.h"
#include "catalog/catalog.h"
#include "catalog/introspect.h"
#include "tests/unit/check.h"

static const char db_sql[] =
    "CREATE FUNCTION public.f() RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT 1';\n"
    "CREATE SCHEMA app;\n"
    "CREATE TABLE app.t (\n"
    "    id integer,\n"
    "    a integer DEFAULT 5,\n"
    "    b integer DEFAULT 5,\n"
    "    iv interval DEFAULT '1 hour'::interval,\n"
    "    ts timestamp DEFAULT '2020-01-01',\n"
    "    j jsonb DEFAULT '{\"a\":1}',\n"
    "    arr integer[] DEFAULT '{1, 2}',\n"
    "    n numeric DEFAULT 1e3,\n"
    "    h numeric DEFAULT .5,\n"
    "    k integer DEFAULT f(),\n"
    "    m money DEFAULT '12.50',\n"
    "    q text DEFAULT '01:00:00',\n"
    "    g integer GENERATED ALWAYS AS (a::int4 * 2) STORED,\n"
    "    g2 integer GENERATED ALWAYS AS (a + 1) STORED,\n"
    "    during tstzrange,\n"
    "    CONSTRAINT t_ts CHECK (ts > '2000-01-01'),\n"
    "    CONSTRAINT t_a_int CHECK (a::int4 < 100),\n"
    "    CONSTRAINT t_a_pos CHECK (a > 0),\n"
    "    CONSTRAINT t_ghost CHECK (a < 1000),\n"
    "    CONSTRAINT t_ex EXCLUDE USING gist (during WITH &&) WHERE (iv > '24 hours')\n"
    ");\n"
    "CREATE INDEX t_expr ON app.t ((a::int4 + 1));\n"
    "CREATE INDEX t_pred ON app.t (id) WHERE iv > '24 hours';\n"
    "CREATE INDEX t_f ON app.t ((a + f()));\n"
    "CREATE INDEX t_change ON app.t ((a + 1)) WHERE iv > '24 hours';\n"
    "CREATE TABLE public.u (x integer DEFAULT 5, iv interval DEFAULT '2 days');\n";

/* A model column: its type as format_type prints it, and at most one expression, spelt
 * as the model writes it. settles: the server must make it equal to the database's. */
typedef struct ColumnCase {
    const char *name;
    const char *type;
    const char *def;
    const char *gen;
    bool settles;
} ColumnCase;

static const ColumnCase t_columns[] = {
    {.name = "id", .type = "integer"},
    {.name = "a", .type = "integer", .def = "5"},
    {.name = "b", .type = "integer", .def = "6", .settles = false},
    {.name = "iv", .type = "interval", .def = "'1 hour'::interval", .settles = true},
    {.name = "ts", .type = "timestamp without time zone", .def = "'2020-01-01'", .settles = true},
    {.name = "j", .type = "jsonb", .def = "'{\"a\":1}'", .settles = true},
    {.name = "arr", .type = "integer[]", .def = "'{1, 2}'", .settles = true},
    {.name = "n", .type = "numeric", .def = "1e3", .settles = true},
    {.name = "h", .type = "numeric", .def = ".5", .settles = true},
    {.name = "k", .type = "integer", .def = "f()", .settles = true},
    {.name = "m", .type = "money", .def = "'12.50'", .settles = true},
    /* The model retypes q: its default is read as an interval, not as text. */
    {.name = "q", .type = "interval", .def = "'1 hour'::interval", .settles = true},
    {.name = "g", .type = "integer", .gen = "a::int4 * 2", .settles = true},
    {.name = "g2", .type = "integer", .gen = "a + 2", .settles = false},
    {.name = "during", .type = "tstzrange"},
};

typedef struct CheckCase {
    const char *name;
    const char *expr;
    bool settles;
} CheckCase;

static const CheckCase t_checks[] = {
    {.name = "t_ts", .expr = "ts > '2000-01-01'", .settles = true},
    {.name = "t_a_int", .expr = "a::int4 < 100", .settles = true},
    {.name = "t_a_pos", .expr = "a > 1", .settles = false},
    /* No such column in the database: the server rejects it, the rest goes on. */
    {.name = "t_ghost", .expr = "ghost < 1000", .settles = false},
};

typedef struct IndexCase {
    const char *name;
    const char *key_expr; /* NULL: the key is column id */
    const char *where;
    bool settles;
} IndexCase;

static const IndexCase t_indexes[] = {
    {.name = "t_expr", .key_expr = "a::int4 + 1", .settles = true},
    {.name = "t_pred", .where = "iv > '24 hours'", .settles = true},
    {.name = "t_f", .key_expr = "a + f()", .settles = true},
    {.name = "t_change", .key_expr = "a + 1", .where = "iv > '2 days'", .settles = false},
};

static AgArena scratch;

static bool
exec_ok(PGconn *conn, const char *sql)
{
    PGresult *res = PQexec(conn, sql);
    ExecStatusType st = PQresultStatus(res);
    bool ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
    if (!ok)
        fprintf(stderr, "test_settle: %s\n  in: %s\n", PQresultErrorMessage(res), sql);
    PQclear(res);
    return ok;
}

/* First value of a one-row query, copied into a; NULL on error. */
static const char *
query_value(AgArena *a, PGconn *conn, const char *sql)
{
    PGresult *res = PQexec(conn, sql);
    const char *v = NULL;
    if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 && !PQgetisnull(res, 0, 0))
        v = ag_arena_strdup(a, PQgetvalue(res, 0, 0));
    PQclear(res);
    return v;
}

static void
ignore_notice(void *arg, const char *message)
{
    (void) arg;
    (void) message;
}

static PGconn *
connect_to(const char *dsn, const char *dbname)
{
    /* expand_dbname: dsn may be a key=value string or a URI; the later dbname wins. */
    const char *keys[] = {"dbname", dbname ? "dbname" : NULL, NULL};
    const char *vals[] = {dsn, dbname, NULL};
    PGconn *conn = PQconnectdbParams(keys, vals, 1);
    if (PQstatus(conn) != CONNECTION_OK) {
        fprintf(stderr, "test_settle: cannot connect: %s", PQerrorMessage(conn));
        PQfinish(conn);
        return NULL;
    }
    PQsetNoticeProcessor(conn, ignore_notice, NULL);
    return conn;
}

static CatExpr *
expr(AgArena *a, const char *sql)
{
    CatExpr *e = sql ? cat_expr_new(a, sql) : NULL;
    if (sql && !e)
        fprintf(stderr, "test_settle: cannot canonicalise %s\n", sql);
    return e;
}

/* The model of app.t, public.u and the indexes, as a parser would build it. */
static Catalog *
build_model(AgArena *a, const Catalog *db)
{
    Catalog *m = cat_new(a);
    CatTable *t = (CatTable *) cat_add(m, CAT_TABLE, "app", "t", (AgLoc){0});
    for (size_t i = 0; i < ARRAY_LEN(t_columns); i++) {
        CatColumn c = {.name = t_columns[i].name, .type = t_columns[i].type};
        c.default_expr = expr(a, t_columns[i].def);
        c.generated = expr(a, t_columns[i].gen);
        cat_table_add_column(m, t, &c);
    }
    for (size_t i = 0; i < ARRAY_LEN(t_checks); i++) {
        CatConstraint k = {.name = t_checks[i].name, .type = CAT_CON_CHECK};
        k.check = expr(a, t_checks[i].expr);
        cat_table_add_constraint(m, t, &k);
    }
    /* The EXCLUDE constraint: keys as the database has them, the predicate as written. */
    const CatTable *dt = cat_table_find(db, "app", "t");
    const CatConstraint *dex = dt ? cat_table_find_constraint(dt, "t_ex") : NULL;
    CHECK(dex != NULL);
    if (dex) {
        CatConstraint k = *dex;
        k.exclude_where = expr(a, "iv > '24 hours'");
        cat_table_add_constraint(m, t, &k);
    }
    for (size_t i = 0; i < ARRAY_LEN(t_indexes); i++) {
        CatIndex *ix = (CatIndex *) cat_add(m, CAT_INDEX, "app", t_indexes[i].name, (AgLoc){0});
        ix->table = "t";
        ix->method = "btree";
        ix->nelems = 1;
        ix->elems = ag_arena_alloc(a, sizeof(CatIndexElem));
        if (t_indexes[i].key_expr)
            ix->elems[0].expr = expr(a, t_indexes[i].key_expr);
        else
            ix->elems[0].column = "id";
        ix->where = expr(a, t_indexes[i].where);
    }
    CatTable *u = (CatTable *) cat_add(m, CAT_TABLE, "public", "u", (AgLoc){0});
    cat_table_add_column(
        m, u, &(CatColumn){.name = "x", .type = "integer", .default_expr = expr(a, "5")});
    cat_table_add_column(
        m, u, &(CatColumn){.name = "iv", .type = "interval", .default_expr = expr(a, "'2 days'")});
    cat_finish(m);
    return m;
}

/* A model expression against its database counterpart. */
typedef struct Pair {
    const char *what;
    const CatExpr *model;
    const CatExpr *db;
    const char *model_sql; /* what the model wrote: settling must not touch it */
    bool settles;
} Pair;

static uint32_t
collect_pairs(const Catalog *m, const Catalog *db, Pair *out, uint32_t cap)
{
    uint32_t n = 0;
    const CatTable *mt = cat_table_find(m, "app", "t"), *dt = cat_table_find(db, "app", "t");
    if (!mt || !dt)
        return 0;
    for (size_t i = 0; i < ARRAY_LEN(t_columns) && n < cap; i++) {
        const ColumnCase *cc = &t_columns[i];
        if (!cc->def && !cc->gen)
            continue;
        const CatColumn *mc = cat_table_find_column(mt, cc->name);
        const CatColumn *dc = cat_table_find_column(dt, cc->name);
        if (!mc || !dc)
            continue;
        out[n++] = (Pair){.what = cc->name,
                          .model = cc->def ? mc->default_expr : mc->generated,
                          .db = cc->def ? dc->default_expr : dc->generated,
                          .model_sql = cc->def ? cc->def : cc->gen,
                          .settles = cc->settles};
        /* a DEFAULT 5 is equal already: listed as settled, never sent. */
        if (strcmp(cc->name, "a") == 0)
            out[n - 1].settles = true;
    }
    for (size_t i = 0; i < ARRAY_LEN(t_checks) && n < cap; i++) {
        const CatConstraint *mk = cat_table_find_constraint(mt, t_checks[i].name);
        const CatConstraint *dk = cat_table_find_constraint(dt, t_checks[i].name);
        if (mk && dk)
            out[n++] = (Pair){.what = t_checks[i].name,
                              .model = mk->check,
                              .db = dk->check,
                              .model_sql = t_checks[i].expr,
                              .settles = t_checks[i].settles};
    }
    const CatConstraint *mex = cat_table_find_constraint(mt, "t_ex");
    const CatConstraint *dex = cat_table_find_constraint(dt, "t_ex");
    if (mex && dex && n < cap)
        out[n++] = (Pair){.what = "t_ex WHERE",
                          .model = mex->exclude_where,
                          .db = dex->exclude_where,
                          .model_sql = "iv > '24 hours'",
                          .settles = true};
    for (size_t i = 0; i < ARRAY_LEN(t_indexes) && n + 2 <= cap; i++) {
        const IndexCase *ic = &t_indexes[i];
        const CatIndex *mi = (const CatIndex *) cat_find(m, CAT_INDEX, "app", ic->name);
        const CatIndex *di = (const CatIndex *) cat_find(db, CAT_INDEX, "app", ic->name);
        if (!mi || !di || !mi->nelems || !di->nelems)
            continue;
        if (ic->key_expr)
            out[n++] = (Pair){.what = ic->name,
                              .model = mi->elems[0].expr,
                              .db = di->elems[0].expr,
                              .model_sql = ic->key_expr,
                              /* t_change: the key is equal, only its predicate changed */
                              .settles = ic->settles || ic->where};
        if (ic->where)
            out[n++] = (Pair){.what = ic->name,
                              .model = mi->where,
                              .db = di->where,
                              .model_sql = ic->where,
                              .settles = ic->settles};
    }
    return n;
}

/* Queries sent on conn while tracing, from libpq's trace: one "F ... Query" line each. */
static int
count_queries(FILE *trace)
{
    int n = 0;
    char line[4096];
    rewind(trace);
    while (fgets(line, sizeof(line), trace))
        if (strncmp(line, "F\t", 2) == 0 && strstr(line, "\tQuery\t"))
            n++;
    return n;
}

static void
test_settle(PGconn *conn, const Catalog *db)
{
    AgArena a;
    ag_arena_init(&a);
    AgDiag d;
    ag_diag_init(&d);
    Catalog *m = build_model(&a, db);
    Pair pairs[64];
    uint32_t npairs = collect_pairs(m, db, pairs, ARRAY_LEN(pairs));
    CHECK_INT_EQ(npairs, 23);
    /* Every pair but a's differs before: tier 1 alone cannot settle them. */
    for (uint32_t i = 0; i < npairs; i++) {
        const Pair *p = &pairs[i];
        CHECK(p->model && p->db);
        if (!p->model || !p->db || strcmp(p->what, "a") == 0 ||
            (strcmp(p->what, "t_change") == 0 && p->settles))
            continue;
        if (strcmp(p->model->canon, p->db->canon) == 0)
            fprintf(stderr, "test_settle: %s already equal before settling: %s\n", p->what,
                    p->model->canon);
        CHECK(strcmp(p->model->canon, p->db->canon) != 0);
    }

    FILE *trace = tmpfile();
    CHECK(trace != NULL);
    if (trace) {
        PQtrace(conn, trace);
        PQsetTraceFlags(conn, PQTRACE_SUPPRESS_TIMESTAMPS);
    }
    CHECK(cat_settle_exprs(m, db, conn, &d));
    if (trace) {
        PQuntrace(conn);
        CHECK_INT_EQ(count_queries(trace), 2);
        fclose(trace);
    }
    ag_diag_print(&d, stderr);
    CHECK_INT_EQ(d.nitems, 0);

    for (uint32_t i = 0; i < npairs; i++) {
        const Pair *p = &pairs[i];
        if (!p->model || !p->db)
            continue;
        bool equal = strcmp(p->model->canon, p->db->canon) == 0;
        if (equal != p->settles)
            fprintf(stderr, "test_settle: %s: want %s\n  model: %s\n  db:    %s\n", p->what,
                    p->settles ? "settled" : "still different", p->model->canon, p->db->canon);
        CHECK(equal == p->settles);
        CHECK_STR_EQ(p->model->sql, cat_expr_new(&scratch, p->model_sql)->sql);
    }
    /* public.u's iv: '2 days' is stored as '2 days'::interval, equal in tier 1 already. */
    const CatColumn *uiv = cat_table_find_column(cat_table_find(m, "public", "u"), "iv");
    const CatColumn *dbiv = cat_table_find_column(cat_table_find(db, "public", "u"), "iv");
    CHECK(uiv && dbiv && strcmp(uiv->default_expr->canon, dbiv->default_expr->canon) == 0);

    /* Nothing left behind: the session is as it was. */
    CHECK_INT_EQ(PQtransactionStatus(conn), PQTRANS_IDLE);
    CHECK_STR_EQ(query_value(&a, conn, "SHOW search_path"), "\"$user\", public");
    CHECK_STR_EQ(query_value(&a, conn,
                             "SELECT count(*) FROM pg_catalog.pg_class "
                             "WHERE relname LIKE 'autogen\\_settle%'"),
                 "0");

    /* Settling again: only the real changes are sent, and they stay changes. */
    CHECK(cat_settle_exprs(m, db, conn, &d));
    CHECK_INT_EQ(d.nitems, 0);
    ag_diag_free(&d);
    ag_arena_free(&a);
}

/* Nothing unsettled: no query at all, so even a dead connection is fine. */
static void
test_nothing_to_do(const Catalog *db)
{
    AgArena a;
    ag_arena_init(&a);
    AgDiag d;
    ag_diag_init(&d);
    Catalog *m = cat_new(&a);
    CatTable *u = (CatTable *) cat_add(m, CAT_TABLE, "public", "u", (AgLoc){0});
    cat_table_add_column(
        m, u, &(CatColumn){.name = "x", .type = "integer", .default_expr = cat_expr_new(&a, "5")});
    /* Tables the database lacks have no counterpart: nothing to ask. */
    CatTable *v = (CatTable *) cat_add(m, CAT_TABLE, "public", "v", (AgLoc){0});
    cat_table_add_column(m, v,
                         &(CatColumn){.name = "x",
                                      .type = "interval",
                                      .default_expr = cat_expr_new(&a, "'1 hour'")});
    cat_finish(m);
    PGconn *dead = PQconnectdb("host=/nonexistent/autogen port=1 connect_timeout=1");
    CHECK(cat_settle_exprs(m, db, dead, &d));
    CHECK_INT_EQ(d.nitems, 0);

    /* Something unsettled on a dead connection: an error, not a crash. */
    cat_table_add_column(m, u,
                         &(CatColumn){.name = "iv",
                                      .type = "interval",
                                      .default_expr = cat_expr_new(&a, "'48 hours'")});
    CHECK(!cat_settle_exprs(m, db, dead, &d));
    CHECK_INT_EQ(d.nerrors, 1);
    PQfinish(dead);
    ag_diag_free(&d);
    ag_arena_free(&a);
}

/* Inside the caller's transaction: a savepoint, rolled back and released. */
static void
test_nested(PGconn *conn, const Catalog *db)
{
    AgArena a;
    ag_arena_init(&a);
    AgDiag d;
    ag_diag_init(&d);
    Catalog *m = build_model(&a, db);
    CHECK(exec_ok(conn, "BEGIN"));
    CHECK(exec_ok(conn, "SET LOCAL search_path = app"));
    CHECK(exec_ok(conn, "CREATE TEMPORARY TABLE mine (x integer)"));
    CHECK(cat_settle_exprs(m, db, conn, &d));
    ag_diag_print(&d, stderr);
    CHECK_INT_EQ(d.nitems, 0);
    CHECK_INT_EQ(PQtransactionStatus(conn), PQTRANS_INTRANS);
    CHECK_STR_EQ(query_value(&a, conn, "SHOW search_path"), "app");
    CHECK_STR_EQ(query_value(&a, conn, "SELECT count(*) FROM pg_temp.mine"), "0");
    const CatColumn *iv = cat_table_find_column(cat_table_find(m, "app", "t"), "iv");
    const CatColumn *div = cat_table_find_column(cat_table_find(db, "app", "t"), "iv");
    CHECK(iv && div && strcmp(iv->default_expr->canon, div->default_expr->canon) == 0);
    CHECK(exec_ok(conn, "ROLLBACK"));
    ag_diag_free(&d);
    ag_arena_free(&a);
}

/* A batch that fails as a whole (no plpgsql): false, "query failed", the session idle. */
static void
test_failure(PGconn *conn, const Catalog *db)
{
    AgArena a;
    ag_arena_init(&a);
    AgDiag d;
    ag_diag_init(&d);
    Catalog *m = build_model(&a, db);
    CHECK(exec_ok(conn, "DROP EXTENSION plpgsql"));
    CHECK(!cat_settle_exprs(m, db, conn, &d));
    CHECK_INT_EQ(d.nerrors, 1);
    if (d.nitems >= 1) {
        CHECK(strncmp(d.items[0].msg, "query failed: ", 14) == 0);
        CHECK(d.items[0].detail && strncmp(d.items[0].detail, "query was: BEGIN;", 17) == 0);
    }
    CHECK_INT_EQ(PQtransactionStatus(conn), PQTRANS_IDLE);
    const CatColumn *iv = cat_table_find_column(cat_table_find(m, "app", "t"), "iv");
    const CatColumn *div = cat_table_find_column(cat_table_find(db, "app", "t"), "iv");
    CHECK(iv && div && strcmp(iv->default_expr->canon, div->default_expr->canon) != 0);
    ag_diag_free(&d);
    ag_arena_free(&a);
}

int
main(void)
{
    const char *dsn = getenv("AUTOGEN_TEST_DSN");
    const char *require = getenv("AUTOGEN_REQUIRE_PG");
    if (!dsn || !*dsn) {
        if (require && strcmp(require, "1") == 0) {
            fprintf(stderr, "test_settle: AUTOGEN_REQUIRE_PG=1 but AUTOGEN_TEST_DSN is unset\n");
            return 1;
        }
        fprintf(stderr, "test_settle: AUTOGEN_TEST_DSN is unset: skipped\n");
        return 77;
    }
    ag_arena_init(&scratch);
    PGconn *admin = connect_to(dsn, NULL);
    if (!admin)
        return 1;
    char dbname[64];
    snprintf(dbname, sizeof(dbname), "autogen_test_settle_%ld", (long) getpid());
    char sql[160];
    snprintf(sql, sizeof(sql), "DROP DATABASE IF EXISTS %s", dbname);
    exec_ok(admin, sql);
    snprintf(sql, sizeof(sql), "CREATE DATABASE %s TEMPLATE template0", dbname);
    if (!exec_ok(admin, sql)) {
        PQfinish(admin);
        return 1;
    }
    PGconn *conn = connect_to(dsn, dbname);
    CHECK(conn != NULL);
    if (conn && exec_ok(conn, db_sql)) {
        AgArena a;
        ag_arena_init(&a);
        AgDiag d;
        ag_diag_init(&d);
        Catalog *db = cat_new(&a);
        CHECK(cat_load_db(db, conn, NULL, &d));
        ag_diag_print(&d, stderr);
        CHECK_INT_EQ(d.nitems, 0);
        test_settle(conn, db);
        test_nothing_to_do(db);
        test_nested(conn, db);
        test_failure(conn, db);
        ag_diag_free(&d);
        ag_arena_free(&a);
    } else {
        CHECK(!"database DDL loads");
    }
    PQfinish(conn);
    snprintf(sql, sizeof(sql), "DROP DATABASE IF EXISTS %s", dbname);
    CHECK(exec_ok(admin, sql));
    PQfinish(admin);
    ag_arena_free(&scratch);
    return check_report("test_settle");
}

/*
 * tests/unit/test_emit.c: the SQL, summaries and JSON printed for changesets built from
 * model text (parsed with the real parser), table-driven; and the golden fixtures of
 * test-fixtures/diff/<case>/: up.sql = emit(diff(parse(from), parse(to))), down.sql the
 * reverse, summary.txt = the upgrade's summary; each side is diffed against itself for
 * idempotence and each script emitted twice for determinism.
 * AUTOGEN_UPDATE_GOLDEN=1 rewrites up.sql and down.sql instead of comparing.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "diff/diff.h"
#include "emit/emit.h"
#include "parser/parser.h"
#include "tests/unit/check.h"

/* The golden case being parsed has an options file naming --grants. */
static bool parse_grants;

static Catalog *
parse(AgArena *a, const char *name, const char *text)
{
    Catalog *cat = cat_new(a);
    cat->grants = parse_grants;
    AgDiag d;
    ag_diag_init(&d);
    bool ok = prs_load_string(cat, name, text, &d);
    ok = prs_finish(cat, &d) && ok;
    if (!ok) {
        fprintf(stderr, "model %s does not load:\n", name);
        ag_diag_print(&d, stderr);
        check_failures++;
    }
    ag_diag_free(&d);
    return cat;
}

typedef struct Emitted {
    const char *sql;
    const char *summary;
    bool no_tx;
} Emitted;

static Emitted
run(AgArena *a, const char *from, const char *to, const DiffOptions *opts)
{
    Catalog *f = parse(a, "from.sql", from);
    Catalog *t = parse(a, "to.sql", to);
    DiffChangeset *cs = diff_catalogs(a, f, t, opts);
    AgBuf b;
    ag_buf_init(&b);
    emit_sql(&b, cs, NULL);
    Emitted e = {.sql = ag_arena_strdup(a, ag_buf_cstr(&b))};
    ag_buf_reset(&b);
    emit_summary(&b, cs);
    e.summary = ag_arena_strdup(a, ag_buf_cstr(&b));
    e.no_tx = diff_needs_no_transaction(cs);
    ag_buf_free(&b);
    return e;
}

/* ---- table-driven cases ------------------------------------------------------------- */

static const DiffOptions rows_none = {.rows_known = true};
static const char *const jobs_rows[] = {"public.jobs"};
static const DiffOptions rows_jobs = {
    .rows_known = true, .nonempty_tables = jobs_rows, .nnonempty_tables = 1};
static const DiffOptions online_jobs = {
    .online = true, .rows_known = true, .nonempty_tables = jobs_rows, .nnonempty_tables = 1};

static const struct {
    const char *name;
    const char *from, *to;
    const DiffOptions *opts;
    const char *want;         /* the whole script */
    const char *want_summary; /* the whole summary, when set */
    bool no_tx;
} sql_cases[] = {
    {
        .name = "an extension version the model names: UPDATE TO; none named: not compared",
        .from = "CREATE EXTENSION citext VERSION '1.5'; CREATE EXTENSION hstore VERSION '1.7';",
        .to = "CREATE EXTENSION citext VERSION '1.6'; CREATE EXTENSION hstore;",
        .opts = &rows_none,
        .want = "ALTER EXTENSION citext UPDATE TO '1.6';\n",
        .want_summary = "~ extension citext\n",
    },
    {
        .name = "a new extension at a version",
        .from = "",
        .to = "CREATE EXTENSION citext VERSION '1.5';",
        .opts = &rows_none,
        .want = "CREATE EXTENSION citext WITH SCHEMA public VERSION '1.5';\n",
    },
    {
        .name = "new table, inline keys, FK added after",
        .from = "",
        .to = "CREATE TABLE a (id int PRIMARY KEY, b_id int REFERENCES b(id));"
              "CREATE TABLE b (id int PRIMARY KEY);",
        .opts = &rows_none,
        .want = "CREATE TABLE public.a (\n"
                "    id integer NOT NULL,\n"
                "    b_id integer,\n"
                "    CONSTRAINT a_pkey PRIMARY KEY (id)\n"
                ");\n"
                "CREATE TABLE public.b (\n"
                "    id integer NOT NULL,\n"
                "    CONSTRAINT b_pkey PRIMARY KEY (id)\n"
                ");\n"
                "ALTER TABLE public.a ADD CONSTRAINT a_b_id_fkey FOREIGN KEY (b_id) "
                "REFERENCES public.b (id);\n",
        .want_summary = "+ table public.a\n+ table public.b\n",
    },
    {
        .name = "NOT NULL column without default on a table with rows: backfill",
        .from = "CREATE TABLE jobs (id int);",
        .to = "CREATE TABLE jobs (id int, status text NOT NULL);",
        .opts = &rows_jobs,
        .want = "ALTER TABLE public.jobs ADD COLUMN status text;\n"
                "-- autogen:review backfill public.jobs.status: it is NOT NULL without a "
                "default and the table may have rows; replace NULL in the UPDATE below with "
                "the value for them\n"
                "UPDATE public.jobs SET status = NULL WHERE status IS NULL;\n"
                "ALTER TABLE public.jobs ALTER COLUMN status SET NOT NULL;\n",
    },
    {
        .name = "same on an empty table: plain ADD COLUMN",
        .from = "CREATE TABLE jobs (id int);",
        .to = "CREATE TABLE jobs (id int, status text NOT NULL);",
        .opts = &rows_none,
        .want = "ALTER TABLE public.jobs ADD COLUMN status text NOT NULL;\n",
    },
    {
        .name = "rows unknown (zero options): assume rows",
        .from = "CREATE TABLE jobs (id int);",
        .to = "CREATE TABLE jobs (id int, status text NOT NULL);",
        .opts = NULL,
        .want = "ALTER TABLE public.jobs ADD COLUMN status text;\n"
                "-- autogen:review backfill public.jobs.status: it is NOT NULL without a "
                "default and the table may have rows; replace NULL in the UPDATE below with "
                "the value for them\n"
                "UPDATE public.jobs SET status = NULL WHERE status IS NULL;\n"
                "ALTER TABLE public.jobs ALTER COLUMN status SET NOT NULL;\n",
    },
    {
        .name = "online SET NOT NULL through a validated CHECK",
        .from = "CREATE TABLE jobs (id int, status text);",
        .to = "CREATE TABLE jobs (id int, status text NOT NULL);",
        .opts = &online_jobs,
        .want = "ALTER TABLE public.jobs ADD CONSTRAINT jobs_status_not_null CHECK (status "
                "IS NOT NULL) NOT VALID;\n"
                "ALTER TABLE public.jobs VALIDATE CONSTRAINT jobs_status_not_null;\n"
                "ALTER TABLE public.jobs ALTER COLUMN status SET NOT NULL;\n"
                "ALTER TABLE public.jobs DROP CONSTRAINT jobs_status_not_null;\n",
        .want_summary = "~ column public.jobs.status: set not null\n",
    },
    {
        .name = "online index: CONCURRENTLY, no transaction",
        .from = "CREATE TABLE jobs (id int, t text); CREATE INDEX jobs_id_idx ON jobs (id);",
        .to = "CREATE TABLE jobs (id int, t text); CREATE INDEX jobs_t_idx ON jobs (t);",
        .opts = &online_jobs,
        .want = "DROP INDEX CONCURRENTLY public.jobs_id_idx;\n"
                "CREATE INDEX CONCURRENTLY jobs_t_idx ON public.jobs (t);\n",
        .no_tx = true,
    },
    {
        .name = "online key on a table with rows: index CONCURRENTLY, then USING INDEX",
        .from = "CREATE TABLE jobs (id int NOT NULL, e text);",
        .to = "CREATE TABLE jobs (id int NOT NULL, e text, CONSTRAINT jobs_e_key UNIQUE (e),"
              " PRIMARY KEY (id) INCLUDE (e));",
        .opts = &online_jobs,
        .want = "CREATE UNIQUE INDEX CONCURRENTLY jobs_e_key ON public.jobs (e);\n"
                "ALTER TABLE public.jobs ADD CONSTRAINT jobs_e_key UNIQUE USING INDEX "
                "jobs_e_key;\n"
                "CREATE UNIQUE INDEX CONCURRENTLY jobs_pkey ON public.jobs (id) INCLUDE (e);\n"
                "ALTER TABLE public.jobs ADD CONSTRAINT jobs_pkey PRIMARY KEY USING INDEX "
                "jobs_pkey;\n",
        .want_summary = "+ constraint jobs_e_key on public.jobs\n"
                        "+ constraint jobs_pkey on public.jobs\n",
        .no_tx = true,
    },
    {
        .name = "numeric scale cut: data loss",
        .from = "CREATE TABLE jobs (n numeric(10,3));",
        .to = "CREATE TABLE jobs (n numeric(10,2));",
        .opts = &rows_jobs,
        .want = "ALTER TABLE public.jobs ALTER COLUMN n TYPE numeric(10,2);\n",
        .want_summary = "~ column public.jobs.n: type numeric(10,3) -> numeric(10,2) (data loss)\n"
                        "hazard: data loss: ALTER COLUMN public.jobs.n TYPE numeric(10,2) "
                        "(values may be rounded or cut)\n"
                        "hazard: table rewrite: ALTER COLUMN public.jobs.n TYPE numeric(10,2)\n",
    },
    {
        .name = "index build hazard without online",
        .from = "CREATE TABLE jobs (id int, t text);",
        .to = "CREATE TABLE jobs (id int, t text); CREATE INDEX jobs_t_idx ON jobs (t);",
        .opts = &rows_jobs,
        .want = "CREATE INDEX jobs_t_idx ON public.jobs (t);\n",
        .want_summary = "+ index public.jobs_t_idx\n"
                        "hazard: index build: CREATE INDEX jobs_t_idx ON public.jobs\n",
    },
    {
        .name = "type change with a guessed USING is for review",
        .from = "CREATE TABLE jobs (id int, ref text);",
        .to = "CREATE TABLE jobs (id int, ref integer);",
        .opts = &rows_jobs,
        .want = "-- autogen:review check the conversion of public.jobs.ref from text to "
                "integer: rows that do not convert make it fail\n"
                "ALTER TABLE public.jobs ALTER COLUMN ref TYPE integer USING ref::integer;\n",
        .want_summary = "~ column public.jobs.ref: type text -> integer\n"
                        "hazard: table rewrite: ALTER COLUMN public.jobs.ref TYPE integer\n"
                        "review: check the conversion of public.jobs.ref from text to "
                        "integer: rows that do not convert make it fail\n",
    },
    {
        .name = "varchar widening: no rewrite, no USING",
        .from = "CREATE TABLE jobs (status varchar(20));",
        .to = "CREATE TABLE jobs (status varchar(50));",
        .opts = &rows_jobs,
        .want = "ALTER TABLE public.jobs ALTER COLUMN status TYPE character varying(50);\n",
        .want_summary =
            "~ column public.jobs.status: type character varying(20) -> character varying(50)\n",
    },
    {
        .name = "text to varchar(20): a rewrite",
        .from = "CREATE TABLE jobs (status text);",
        .to = "CREATE TABLE jobs (status varchar(20));",
        .opts = &rows_jobs,
        .want = "ALTER TABLE public.jobs ALTER COLUMN status TYPE character varying(20);\n",
        .want_summary = "~ column public.jobs.status: type text -> character varying(20)\n"
                        "hazard: table rewrite: ALTER COLUMN public.jobs.status TYPE "
                        "character varying(20)\n",
    },
    {
        .name = "drop column: data loss, its index and constraints go with it",
        .from = "CREATE TABLE jobs (id int, jd text CHECK (jd <> ''));"
                "CREATE INDEX jobs_jd_idx ON jobs (jd);",
        .to = "CREATE TABLE jobs (id int);",
        .opts = &rows_jobs,
        .want = "ALTER TABLE public.jobs DROP COLUMN jd;\n",
        .want_summary = "- column public.jobs.jd (data loss)\n"
                        "hazard: data loss: DROP COLUMN public.jobs.jd\n",
    },
    {
        .name = "enum value added and used by a new default: outside a transaction",
        .from = "CREATE TYPE st AS ENUM ('a'); CREATE TABLE jobs (s st);",
        .to = "CREATE TYPE st AS ENUM ('a', 'b'); CREATE TABLE jobs (s st DEFAULT 'b');",
        .opts = &rows_jobs,
        .want = "ALTER TYPE public.st ADD VALUE 'b';\n"
                "ALTER TABLE public.jobs ALTER COLUMN s SET DEFAULT 'b';\n",
        .want_summary = "~ type public.st: add value 'b'\n"
                        "~ column public.jobs.s: default none -> 'b'\n"
                        "hazard: new enum value used in the same transaction: SET DEFAULT "
                        "public.jobs.s\n",
        .no_tx = true,
    },
    {
        .name = "enum value before the first",
        .from = "CREATE TYPE st AS ENUM ('c');",
        .to = "CREATE TYPE st AS ENUM ('a', 'b', 'c', 'd');",
        .opts = &rows_none,
        .want = "ALTER TYPE public.st ADD VALUE 'a' BEFORE 'c';\n"
                "ALTER TYPE public.st ADD VALUE 'b' AFTER 'a';\n"
                "ALTER TYPE public.st ADD VALUE 'd';\n",
    },
    {
        .name = "sequence owned by a column of a new table",
        .from = "",
        .to = "CREATE TABLE t (id serial);",
        .opts = &rows_none,
        .want = "CREATE SEQUENCE public.t_id_seq AS integer;\n"
                "CREATE TABLE public.t (\n"
                "    id integer DEFAULT nextval('public.t_id_seq'::regclass) NOT NULL\n"
                ");\n"
                "ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;\n",
    },
    {
        .name = "a dropped serial column takes its sequence",
        .from = "CREATE TABLE t (id serial, x int);",
        .to = "CREATE TABLE t (x int);",
        .opts = &rows_none,
        .want = "ALTER TABLE public.t DROP COLUMN id;\n",
    },
    {
        .name = "comments: set, changed, removed",
        .from = "CREATE TABLE t (a int, b int); COMMENT ON COLUMN t.a IS 'x';",
        .to = "CREATE TABLE t (a int, b int); COMMENT ON TABLE t IS 'it''s';"
              "COMMENT ON COLUMN t.b IS 'y';",
        .opts = &rows_none,
        .want = "COMMENT ON TABLE public.t IS 'it''s';\n"
                "COMMENT ON COLUMN public.t.a IS NULL;\n"
                "COMMENT ON COLUMN public.t.b IS 'y';\n",
    },
};

static void
test_sql_cases(void)
{
    for (size_t i = 0; i < ARRAY_LEN(sql_cases); i++) {
        AgArena a;
        ag_arena_init(&a);
        Emitted e = run(&a, sql_cases[i].from, sql_cases[i].to, sql_cases[i].opts);
        int before = check_failures;
        CHECK_STR_EQ(e.sql, sql_cases[i].want);
        if (sql_cases[i].want_summary)
            CHECK_STR_EQ(e.summary, sql_cases[i].want_summary);
        CHECK(e.no_tx == sql_cases[i].no_tx);
        if (check_failures != before)
            fprintf(stderr, "  in case: %s\n", sql_cases[i].name);
        ag_arena_free(&a);
    }
}

static void
test_annotate(void)
{
    AgArena a;
    ag_arena_init(&a);
    Catalog *f = parse(&a, "from.sql", "CREATE TABLE jobs (id int, jd text);");
    Catalog *t = parse(&a, "to.sql", "CREATE TABLE jobs (id int NOT NULL); CREATE TABLE x ();");
    DiffChangeset *cs = diff_catalogs(&a, f, t, &rows_none);
    AgBuf b;
    ag_buf_init(&b);
    EmitOptions eo = {.annotate = true};
    emit_sql(&b, cs, &eo);
    CHECK_STR_EQ(ag_buf_cstr(&b), "-- - column public.jobs.jd (data loss)\n"
                                  "ALTER TABLE public.jobs DROP COLUMN jd;\n"
                                  "-- + table public.x\n"
                                  "CREATE TABLE public.x ();\n"
                                  "-- ~ column public.jobs.id: set not null\n"
                                  "ALTER TABLE public.jobs ALTER COLUMN id SET NOT NULL;\n");
    ag_buf_free(&b);
    ag_arena_free(&a);
}

static void
test_json(void)
{
    AgArena a;
    ag_arena_init(&a);
    Catalog *f = parse(&a, "from.sql", "CREATE TABLE jobs (id int, jd text);");
    Catalog *t = parse(&a, "to.sql", "CREATE TABLE jobs (id int);");
    DiffChangeset *cs = diff_catalogs(&a, f, t, NULL);
    AgBuf b;
    ag_buf_init(&b);
    emit_json(&b, cs);
    CHECK_STR_EQ(ag_buf_cstr(&b), "[{\n"
                                  "\t\t\"op\":\t\"drop\",\n"
                                  "\t\t\"kind\":\t\"column\",\n"
                                  "\t\t\"object\":\t\"public.jobs.jd\",\n"
                                  "\t\t\"summary\":\t\"- column public.jobs.jd (data loss)\",\n"
                                  "\t\t\"sql\":\t[\"ALTER TABLE public.jobs DROP COLUMN jd;\"],\n"
                                  "\t\t\"hazards\":\t[\"data loss: DROP COLUMN public.jobs.jd\"],\n"
                                  "\t\t\"review\":\t[]\n"
                                  "\t}]\n");
    ag_buf_free(&b);
    ag_arena_free(&a);
}

/* ---- golden fixtures ---------------------------------------------------------------- */

static char *
slurp(AgArena *a, const char *path)
{
    AgDiag d;
    ag_diag_init(&d);
    char *s = ag_read_file(a, path, NULL, &d);
    ag_diag_free(&d);
    return s;
}

static const char *
summary_of(AgArena *a, const Catalog *f, const Catalog *t)
{
    AgBuf b;
    ag_buf_init(&b);
    emit_summary(&b, diff_catalogs(a, f, t, NULL));
    const char *r = ag_arena_strdup(a, ag_buf_cstr(&b));
    ag_buf_free(&b);
    return r;
}

static const char *
emit_both(AgArena *a, const Catalog *f, const Catalog *t, const char *what, const char *name)
{
    DiffChangeset *cs = diff_catalogs(a, f, t, NULL);
    AgBuf b, b2;
    ag_buf_init(&b);
    ag_buf_init(&b2);
    emit_sql(&b, cs, NULL);
    /* Determinism: a second run from scratch gives the same bytes. */
    emit_sql(&b2, diff_catalogs(a, f, t, NULL), NULL);
    CHECK_STR_EQ(ag_buf_cstr(&b2), ag_buf_cstr(&b));
    if (cs->has_cycle) {
        fprintf(stderr, "%s: %s: dependency cycle\n", name, what);
        check_failures++;
    }
    const char *r = ag_arena_strdup(a, ag_buf_cstr(&b));
    ag_buf_free(&b);
    ag_buf_free(&b2);
    return r;
}

static void
golden_compare(AgArena *a, const char *dir, const char *file, const char *got, bool update)
{
    char *path = ag_arena_printf(a, "%s/%s", dir, file);
    if (update) {
        AgDiag d;
        ag_diag_init(&d);
        if (!ag_write_file_atomic(path, got, strlen(got), &d)) {
            ag_diag_print(&d, stderr);
            check_failures++;
        }
        ag_diag_free(&d);
        return;
    }
    const char *want = slurp(a, path);
    if (!want) {
        fprintf(stderr, "%s: missing (run with AUTOGEN_UPDATE_GOLDEN=1)\n", path);
        check_failures++;
        return;
    }
    check_count++;
    if (strcmp(want, got) != 0) {
        check_failures++;
        fprintf(stderr, "%s differs\n--- want\n%s--- got\n%s---\n", path, want, got);
    }
}

static void
must_not(AgArena *a, const char *dir, const char *up, const char *down)
{
    char *list = slurp(a, ag_arena_printf(a, "%s/must-not.txt", dir));
    if (!list)
        return;
    for (char *line = strtok(list, "\n"); line; line = strtok(NULL, "\n")) {
        if (!*line)
            continue;
        check_count++;
        if (strstr(up, line) || strstr(down, line)) {
            check_failures++;
            fprintf(stderr, "%s: output contains forbidden '%s'\n", dir, line);
        }
    }
}

static int
cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *) a, *(char *const *) b);
}

static void
test_golden(void)
{
    const char *root = getenv("AUTOGEN_SOURCE_ROOT");
    if (!root)
        root = ".";
    bool update =
        getenv("AUTOGEN_UPDATE_GOLDEN") && strcmp(getenv("AUTOGEN_UPDATE_GOLDEN"), "1") == 0;
    AgArena top;
    ag_arena_init(&top);
    char *base = ag_arena_printf(&top, "%s/test-fixtures/diff", root);
    DIR *d = opendir(base);
    if (!d) {
        fprintf(stderr, "%s: cannot open\n", base);
        check_failures++;
        ag_arena_free(&top);
        return;
    }
    AgVec names = {0};
    for (struct dirent *e; (e = readdir(d));)
        if (e->d_name[0] != '.')
            ag_vec_push(&names, ag_arena_strdup(&top, e->d_name));
    closedir(d);
    ag_qsort(names.items, names.len, sizeof(char *), cmp_names);
    for (size_t i = 0; i < names.len; i++) {
        AgArena a;
        ag_arena_init(&a);
        const char *name = names.items[i];
        char *dir = ag_arena_printf(&a, "%s/%s", base, name);
        char *from_sql = slurp(&a, ag_arena_printf(&a, "%s/from.sql", dir));
        char *to_sql = slurp(&a, ag_arena_printf(&a, "%s/to.sql", dir));
        if (!from_sql || !to_sql) {
            fprintf(stderr, "%s: from.sql and to.sql needed\n", dir);
            check_failures++;
            ag_arena_free(&a);
            continue;
        }
        int before = check_failures;
        const char *opts = slurp(&a, ag_arena_printf(&a, "%s/options", dir));
        parse_grants = opts && strstr(opts, "--grants");
        Catalog *f = parse(&a, ag_arena_printf(&a, "%s/from.sql", name), from_sql);
        Catalog *t = parse(&a, ag_arena_printf(&a, "%s/to.sql", name), to_sql);
        const char *up = emit_both(&a, f, t, "up", name);
        const char *down = emit_both(&a, t, f, "down", name);
        CHECK(*up != '\0');
        CHECK(*down != '\0');
        /* Idempotence: each side against itself gives nothing. */
        CHECK_INT_EQ(diff_count(diff_catalogs(&a, f, f, NULL)), 0);
        CHECK_INT_EQ(diff_count(diff_catalogs(&a, t, t, NULL)), 0);
        golden_compare(&a, dir, "up.sql", up, update);
        golden_compare(&a, dir, "down.sql", down, update);
        golden_compare(&a, dir, "summary.txt", summary_of(&a, f, t), update);
        must_not(&a, dir, up, down);
        parse_grants = false;
        if (check_failures != before)
            fprintf(stderr, "  in golden case: %s\n", name);
        ag_arena_free(&a);
    }
    ag_vec_free(&names);
    ag_arena_free(&top);
}

int
main(void)
{
    test_sql_cases();
    test_annotate();
    test_json();
    test_golden();
    return check_report("test_emit");
}

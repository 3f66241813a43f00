/*
 * tests/unit/test_rename.c: rename detection (diff/rename.c): name similarity and pair
 * scores against the threshold, no pairing across types or at low similarity, hints
 * (options, annotations) that win and carry no review marker, detection off, renames of
 * each kind as emitted SQL (model to model, parsed from text), and inverting hints.
 */
#include <string.h>

#include "base/base.h"
#include "catalog/catalog.h"
#include "diff/diff.h"
#include "emit/emit.h"
#include "parser/parser.h"
#include "tests/unit/check.h"

static Catalog *
load(AgArena *a, const char *sql)
{
    Catalog *cat = cat_new(a);
    AgDiag d;
    ag_diag_init(&d);
    bool ok = prs_load_string(cat, "model.sql", sql, &d) && prs_finish(cat, &d);
    if (!ok)
        ag_diag_print(&d, stderr);
    CHECK(ok);
    ag_diag_free(&d);
    return cat;
}

/* The upgrade script from -> to. */
static const char *
script(AgArena *a, const char *from, const char *to, const DiffOptions *opts)
{
    Catalog *f = load(a, from), *t = load(a, to);
    DiffChangeset *cs = diff_catalogs(a, f, t, opts);
    AgBuf b;
    ag_buf_init(&b);
    emit_sql(&b, cs, NULL);
    emit_summary(&b, cs);
    const char *r = ag_arena_strdup(a, ag_buf_cstr(&b));
    ag_buf_free(&b);
    return r;
}

static bool
has(const char *text, const char *needle)
{
    bool found = strstr(text, needle) != NULL;
    if (!found)
        fprintf(stderr, "missing: %s\nin:\n%s\n", needle, text);
    return found;
}

static bool
lacks(const char *text, const char *needle)
{
    bool absent = strstr(text, needle) == NULL;
    if (!absent)
        fprintf(stderr, "unexpected: %s\nin:\n%s\n", needle, text);
    return absent;
}

static void
test_similarity(void)
{
    static const struct {
        const char *a, *b;
        double min, max;
    } cases[] = {
        {.a = "email", .b = "email", .min = 1, .max = 1},
        {.a = "user", .b = "users", .min = 0.75, .max = 0.85},
        {.a = "created_at", .b = "created_on", .min = 0.6, .max = 0.85},
        {.a = "jd_content", .b = "description", .min = 0, .max = 0.35},
        {.a = "a", .b = "zzzzzz", .min = 0, .max = 0.01},
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        double s = diff_rename_name_similarity(cases[i].a, cases[i].b);
        if (s < cases[i].min || s > cases[i].max)
            fprintf(stderr, "similarity(%s, %s) = %f\n", cases[i].a, cases[i].b, s);
        CHECK(s >= cases[i].min && s <= cases[i].max);
    }
}

static void
test_column_scores(void)
{
    AgArena a;
    ag_arena_init(&a);
    const char *ev;
    CatColumn jd = {.name = "jd_content", .type = "text"};
    CatColumn desc = {.name = "description", .type = "text"};
    CatColumn desc_vc = {.name = "description", .type = "character varying(10)"};
    CatColumn jd_int = {.name = "jd_content", .type = "integer"};
    CatColumn legacy = {.name = "legacy_flag", .type = "boolean"};
    CatColumn active = {.name = "is_active",
                        .type = "boolean",
                        .not_null = true,
                        .default_expr = cat_expr_new(&a, "true")};
    /* the only pair of its type: above the threshold despite dissimilar names */
    CHECK(diff_rename_column_score(&a, &jd, &desc, true, &ev) >= DIFF_RENAME_THRESHOLD);
    CHECK_STR_EQ(ev, "both text, nullable, the only such pair");
    /* one of several: the names must look alike */
    CHECK(diff_rename_column_score(&a, &jd, &desc, false, &ev) < DIFF_RENAME_THRESHOLD);
    /* never across types, whatever the name */
    CHECK(diff_rename_column_score(&a, &jd, &desc_vc, true, &ev) == 0);
    CHECK(diff_rename_column_score(&a, &jd, &jd_int, true, &ev) == 0);
    /* same type, other nullability and default, dissimilar names */
    CHECK(diff_rename_column_score(&a, &legacy, &active, true, &ev) < DIFF_RENAME_THRESHOLD);
    ag_arena_free(&a);
}

static void
test_table_scores(void)
{
    AgArena a;
    ag_arena_init(&a);
    Catalog *f = load(&a, "CREATE TABLE jobs (id int, title text, body text);");
    Catalog *t = load(&a, "CREATE TABLE postings (id int, title text, body text);"
                          "CREATE TABLE tags (label varchar(20), n bigint);");
    const char *ev;
    double same = diff_rename_table_score(&a, cat_table_find(f, "public", "jobs"),
                                          cat_table_find(t, "public", "postings"), &ev);
    CHECK(same >= DIFF_RENAME_THRESHOLD);
    CHECK_STR_EQ(ev, "3 of 3 columns alike by name and type");
    double other = diff_rename_table_score(&a, cat_table_find(f, "public", "jobs"),
                                           cat_table_find(t, "public", "tags"), &ev);
    CHECK(other < DIFF_RENAME_THRESHOLD);
    ag_arena_free(&a);
}

static void
test_column_guess(void)
{
    AgArena a;
    ag_arena_init(&a);
    const char *s = script(&a, "CREATE TABLE jobs (id int PRIMARY KEY, jd_content text);",
                           "CREATE TABLE jobs (id int PRIMARY KEY, description text);", NULL);
    CHECK(has(s, "-- autogen:review rename guessed: jobs.jd_content -> jobs.description "
                 "(both text, nullable, the only such pair); confirm or replace with DROP/ADD\n"
                 "ALTER TABLE public.jobs RENAME COLUMN jd_content TO description;\n"));
    CHECK(has(s, "~ column public.jobs.description: renamed from jd_content\n"));
    CHECK(has(s, "review: rename guessed: jobs.jd_content"));
    CHECK(lacks(s, "DROP COLUMN"));
    ag_arena_free(&a);
}

static void
test_not_renames(void)
{
    AgArena a;
    ag_arena_init(&a);
    /* different types */
    const char *s = script(&a, "CREATE TABLE jobs (id int, jd_content text);",
                           "CREATE TABLE jobs (id int, description varchar(200));", NULL);
    CHECK(lacks(s, "RENAME"));
    CHECK(has(s, "DROP COLUMN"));
    /* same type, nothing else alike */
    s = script(&a, "CREATE TABLE jobs (id int, legacy_flag boolean);",
               "CREATE TABLE jobs (id int, is_active boolean NOT NULL DEFAULT true);", NULL);
    CHECK(lacks(s, "RENAME"));
    /* tables with nothing in common */
    s = script(&a, "CREATE TABLE jobs (id int, title text, body text);",
               "CREATE TABLE metrics (at timestamptz, value double precision);", NULL);
    CHECK(lacks(s, "RENAME"));
    /* detection off */
    DiffOptions o = {.no_rename_detection = true};
    s = script(&a, "CREATE TABLE jobs (id int PRIMARY KEY, jd_content text);",
               "CREATE TABLE jobs (id int PRIMARY KEY, description text);", &o);
    CHECK(lacks(s, "RENAME"));
    ag_arena_free(&a);
}

static void
test_hints(void)
{
    AgArena a;
    ag_arena_init(&a);
    /* an option wins even across low similarity, and carries no marker */
    DiffRename r = {.old = "public.jobs.a", .new_name = "b"};
    DiffOptions o = {.renames = &r, .nrenames = 1, .no_rename_detection = true};
    const char *s = script(&a, "CREATE TABLE jobs (id int, a text, c text);",
                           "CREATE TABLE jobs (id int, b text, d text);", &o);
    CHECK(has(s, "ALTER TABLE public.jobs RENAME COLUMN a TO b;\n"));
    CHECK(lacks(s, "autogen:review"));
    CHECK(has(s, "DROP COLUMN c"));
    /* annotations, in the new model (upgrade) ... */
    s = script(&a, "CREATE TABLE jobs (id int, a text);",
               "-- autogen: renamed from jobs\n"
               "CREATE TABLE postings (\n"
               "    id int,\n"
               "    b text -- autogen: renamed from a\n"
               ");",
               &(DiffOptions){.no_rename_detection = true});
    CHECK(has(s, "ALTER TABLE public.jobs RENAME TO postings;\n"
                 "ALTER TABLE public.postings RENAME COLUMN a TO b;\n"));
    CHECK(lacks(s, "autogen:review"));
    /* ... and in the old one (downgrade) */
    s = script(&a,
               "-- autogen: renamed from jobs\n"
               "CREATE TABLE postings (\n"
               "    id int,\n"
               "    -- autogen: renamed from a\n"
               "    b text\n"
               ");",
               "CREATE TABLE jobs (id int, a text);", &(DiffOptions){.no_rename_detection = true});
    CHECK(has(s, "ALTER TABLE public.postings RENAME TO jobs;\n"
                 "ALTER TABLE public.jobs RENAME COLUMN b TO a;\n"));
    ag_arena_free(&a);
}

static void
test_kinds(void)
{
    AgArena a;
    ag_arena_init(&a);
    /* a table with its implicit key, sequence and index names */
    const char *s = script(&a,
                           "CREATE TABLE jobs (id serial PRIMARY KEY, title text UNIQUE);"
                           "CREATE INDEX ON jobs (lower(title));",
                           "CREATE TABLE postings (id serial PRIMARY KEY, title text UNIQUE);"
                           "CREATE INDEX ON postings (lower(title));",
                           NULL);
    CHECK(has(s, "ALTER TABLE public.jobs RENAME TO postings;\n"));
    CHECK(has(s, "ALTER TABLE public.postings RENAME CONSTRAINT jobs_pkey TO postings_pkey;\n"));
    CHECK(has(s, "RENAME CONSTRAINT jobs_title_key TO postings_title_key;\n"));
    CHECK(has(s, "ALTER SEQUENCE public.jobs_id_seq RENAME TO postings_id_seq;\n"));
    CHECK(has(s, "ALTER INDEX public.jobs_lower_idx RENAME TO postings_lower_idx;\n"));
    CHECK(lacks(s, "DROP TABLE"));
    CHECK(lacks(s, "DROP INDEX"));
    CHECK(lacks(s, "SET DEFAULT"));
    /* enum type and value */
    s = script(&a, "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');",
               "CREATE TYPE feeling AS ENUM ('sad', 'ok', 'happy');", NULL);
    CHECK(has(s, "ALTER TYPE public.mood RENAME TO feeling;\n"));
    CHECK(lacks(s, "DROP TYPE"));
    s = script(&a, "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');",
               "CREATE TYPE mood AS ENUM ('sad', 'fine', 'happy');", NULL);
    CHECK(has(s, "ALTER TYPE public.mood RENAME VALUE 'ok' TO 'fine';\n"));
    CHECK(lacks(s, "DROP TYPE"));
    ag_arena_free(&a);
}

static void
test_invert(void)
{
    AgArena a;
    ag_arena_init(&a);
    DiffRename r[] = {{.old = "public.jobs.jd_content", .new_name = "description"},
                      {.old = "public.jobs", .new_name = "postings"}};
    DiffRename *inv;
    CHECK_INT_EQ(diff_renames_invert(&a, r, 2, &inv), 2);
    CHECK_STR_EQ(inv[0].old, "public.postings.description");
    CHECK_STR_EQ(inv[0].new_name, "jd_content");
    CHECK_STR_EQ(inv[1].old, "public.postings");
    CHECK_STR_EQ(inv[1].new_name, "jobs");
    ag_arena_free(&a);
}

int
main(void)
{
    test_similarity();
    test_column_scores();
    test_table_scores();
    test_column_guess();
    test_not_renames();
    test_hints();
    test_kinds();
    test_invert();
    return check_report("test_rename");
}

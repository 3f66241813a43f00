/*
 * tests/unit/test_diff.c: diff_catalogs on catalogs built by hand (no parser): the order
 * of steps (foreign keys after both tables, drops in reverse, the enum swap's sequence),
 * implicit drops that must not get a statement of their own, hazards, and the helpers
 * that read type strings and expression text (table-driven).
 */
#include <stdarg.h>
#include <string.h>

#include "base/base.h"
#include "catalog/catalog.h"
#include "diff/diff.h"
#include "diff/internal.h"
#include "tests/unit/check.h"

/* ---- building catalogs ---------------------------------------------------------------- */

static CatTable *
table(Catalog *cat, const char *name)
{
    return (CatTable *) cat_add(cat, CAT_TABLE, "public", name, (AgLoc){0});
}

static CatColumn *
column(Catalog *cat, CatTable *t, const char *name, const char *type, bool not_null,
       const char *default_sql)
{
    CatColumn c = {.name = name, .type = type, .not_null = not_null};
    if (default_sql)
        c.default_expr = cat_expr_new(cat->arena, default_sql);
    return cat_table_add_column(cat, t, &c);
}

static const char **
names(Catalog *cat, const char *a, const char *b)
{
    const char **v = ag_arena_alloc(cat->arena, sizeof(char *) * 2);
    v[0] = a;
    v[1] = b;
    return v;
}

static void
primary_key(Catalog *cat, CatTable *t, const char *name, const char *col)
{
    CatConstraint k = {.name = name, .type = CAT_CON_PRIMARY, .ncolumns = 1};
    k.columns = names(cat, col, NULL);
    cat_table_add_constraint(cat, t, &k);
}

static void
foreign_key(Catalog *cat, CatTable *t, const char *name, const char *col, const char *ref,
            const char *ref_col)
{
    CatConstraint k = {.name = name,
                       .type = CAT_CON_FOREIGN,
                       .ncolumns = 1,
                       .ref_schema = "public",
                       .ref_table = ref,
                       .nref_columns = 1,
                       .match = 's',
                       .on_update = 'a',
                       .on_delete = 'a'};
    k.columns = names(cat, col, NULL);
    k.ref_columns = names(cat, ref_col, NULL);
    cat_table_add_constraint(cat, t, &k);
}

static void
check_con(Catalog *cat, CatTable *t, const char *name, const char *sql)
{
    CatConstraint k = {.name = name, .type = CAT_CON_CHECK};
    k.check = cat_expr_new(cat->arena, sql);
    cat_table_add_constraint(cat, t, &k);
}

static CatIndex *
index_on(Catalog *cat, const char *name, const char *table_name, const char *col)
{
    CatIndex *ix = (CatIndex *) cat_add(cat, CAT_INDEX, "public", name, (AgLoc){0});
    ix->table = table_name;
    ix->method = "btree";
    ix->elems = ag_arena_alloc(cat->arena, sizeof(CatIndexElem));
    ix->elems[0].column = col;
    ix->nelems = 1;
    return ix;
}

static CatEnum *
enum_type(Catalog *cat, const char *name, const char *l1, const char *l2, const char *l3)
{
    CatEnum *e = (CatEnum *) cat_add(cat, CAT_ENUM, "public", name, (AgLoc){0});
    e->labels = ag_arena_alloc(cat->arena, sizeof(char *) * 3);
    const char *ls[] = {l1, l2, l3};
    for (int i = 0; i < 3; i++)
        if (ls[i])
            e->labels[e->nlabels++] = ls[i];
    return e;
}

static CatSequence *
sequence(Catalog *cat, const char *name, const char *owned_table, const char *owned_column)
{
    CatSequence *q = (CatSequence *) cat_add(cat, CAT_SEQUENCE, "public", name, (AgLoc){0});
    diff_seq_defaults("bigint", 1, &q->opts);
    if (owned_table) {
        q->owned_schema = "public";
        q->owned_table = owned_table;
        q->owned_column = owned_column;
    }
    return q;
}

/* ---- reading changesets ------------------------------------------------------------------ */

/* Position of the first step of that kind whose object (or sub-object) is named so;
 * -1 when none. name NULL matches any. */
static int
step_at(const DiffChangeset *cs, DiffStepKind kind, const char *name)
{
    for (uint32_t i = 0; i < cs->nsteps; i++) {
        const DiffStep *s = &cs->steps[i];
        if (s->kind != kind)
            continue;
        const char *sub = s->column       ? s->column->name
                          : s->old_column ? s->old_column->name
                          : s->con        ? s->con->name
                          : s->label      ? s->label
                                          : NULL;
        if (!name || ag_streq(s->name, name) || ag_streq(sub, name))
            return (int) i;
    }
    return -1;
}

static int
count_kind(const DiffChangeset *cs, DiffStepKind kind)
{
    int n = 0;
    for (uint32_t i = 0; i < cs->nsteps; i++)
        n += cs->steps[i].kind == kind;
    return n;
}

#define CHECK_BEFORE(cs, k1, n1, k2, n2)                                                           \
    do {                                                                                           \
        int a_ = step_at(cs, k1, n1), b_ = step_at(cs, k2, n2);                                    \
        CHECK(a_ >= 0);                                                                            \
        CHECK(b_ >= 0);                                                                            \
        CHECK(a_ < b_);                                                                            \
    } while (0)

typedef struct Pair {
    AgArena arena;
    Catalog *from, *to;
} Pair;

static void
pair_init(Pair *p)
{
    ag_arena_init(&p->arena);
    p->from = cat_new(&p->arena);
    p->to = cat_new(&p->arena);
}

static DiffChangeset *
pair_diff(Pair *p, const DiffOptions *opts)
{
    cat_finish(p->from);
    cat_finish(p->to);
    DiffChangeset *cs = diff_catalogs(&p->arena, p->from, p->to, opts);
    CHECK(!cs->has_cycle);
    /* Each side against itself: nothing to do. */
    CHECK_INT_EQ(diff_count(diff_catalogs(&p->arena, p->from, p->from, opts)), 0);
    CHECK_INT_EQ(diff_count(diff_catalogs(&p->arena, p->to, p->to, opts)), 0);
    return cs;
}

/* ---- cases ----------------------------------------------------------------------------- */

static void
test_fk_after_both_tables(void)
{
    Pair p;
    pair_init(&p);
    CatTable *a = table(p.to, "a");
    column(p.to, a, "id", "integer", true, NULL);
    column(p.to, a, "b_id", "integer", false, NULL);
    primary_key(p.to, a, "a_pkey", "id");
    foreign_key(p.to, a, "a_b_id_fkey", "b_id", "b", "id");
    CatTable *b = table(p.to, "b");
    column(p.to, b, "id", "integer", true, NULL);
    primary_key(p.to, b, "b_pkey", "id");
    DiffChangeset *cs = pair_diff(&p, NULL);
    CHECK_INT_EQ(cs->nsteps, 3);
    CHECK_BEFORE(cs, DIFF_CREATE_TABLE, "a", DIFF_ADD_CONSTRAINT, "a_b_id_fkey");
    CHECK_BEFORE(cs, DIFF_CREATE_TABLE, "b", DIFF_ADD_CONSTRAINT, "a_b_id_fkey");
    /* A new table's foreign key needs no NOT VALID: nothing to check yet. */
    CHECK(!cs->steps[step_at(cs, DIFF_ADD_CONSTRAINT, "a_b_id_fkey")].not_valid);
    CHECK_INT_EQ(diff_count(cs), 2);

    /* And back: the foreign key goes before the table it references. */
    DiffChangeset *down = diff_catalogs(&p.arena, p.to, p.from, NULL);
    CHECK(!down->has_cycle);
    CHECK_BEFORE(down, DIFF_DROP_CONSTRAINT, "a_b_id_fkey", DIFF_DROP_TABLE, "b");
    CHECK_INT_EQ(count_kind(down, DIFF_DROP_TABLE), 2);
    CHECK_INT_EQ(count_kind(down, DIFF_DROP_CONSTRAINT), 1); /* the PKs go with their tables */
    ag_arena_free(&p.arena);
}

static void
test_fk_on_existing_table_not_valid(void)
{
    Pair p;
    pair_init(&p);
    for (int side = 0; side < 2; side++) {
        Catalog *cat = side ? p.to : p.from;
        CatTable *a = table(cat, "a");
        column(cat, a, "id", "integer", true, NULL);
        column(cat, a, "b_id", "integer", false, NULL);
        CatTable *b = table(cat, "b");
        column(cat, b, "id", "integer", true, NULL);
        primary_key(cat, b, "b_pkey", "id");
        if (side)
            foreign_key(cat, a, "a_b_id_fkey", "b_id", "b", "id");
    }
    DiffChangeset *cs = pair_diff(&p, NULL);
    CHECK_INT_EQ(cs->nsteps, 2);
    CHECK_BEFORE(cs, DIFF_ADD_CONSTRAINT, "a_b_id_fkey", DIFF_VALIDATE_CONSTRAINT, "a_b_id_fkey");
    CHECK(cs->steps[0].not_valid);
    ag_arena_free(&p.arena);
}

static void
test_drop_table_takes_everything(void)
{
    Pair p;
    pair_init(&p);
    CatTable *t = table(p.from, "jobs");
    column(p.from, t, "id", "integer", true, "nextval('public.jobs_id_seq'::regclass)");
    column(p.from, t, "title", "text", false, NULL);
    primary_key(p.from, t, "jobs_pkey", "id");
    check_con(p.from, t, "jobs_title_check", "title <> ''");
    index_on(p.from, "jobs_title_idx", "jobs", "title");
    sequence(p.from, "jobs_id_seq", "jobs", "id");
    DiffChangeset *cs = pair_diff(&p, NULL);
    CHECK_INT_EQ(cs->nsteps, 1);
    CHECK_INT_EQ(cs->steps[0].kind, DIFF_DROP_TABLE);
    CHECK(cs->steps[0].hazards & DIFF_HAZARD_BIT(DIFF_HAZARD_DATA_LOSS));
    ag_arena_free(&p.arena);
}

static void
test_drop_column_takes_its_index(void)
{
    Pair p;
    pair_init(&p);
    for (int side = 0; side < 2; side++) {
        Catalog *cat = side ? p.to : p.from;
        CatTable *t = table(cat, "jobs");
        column(cat, t, "id", "integer", true, NULL);
        if (!side) {
            column(cat, t, "jd", "text", false, NULL);
            check_con(cat, t, "jobs_jd_check", "length(jd) < 10");
            index_on(cat, "jobs_jd_idx", "jobs", "jd");
        }
        check_con(cat, t, "jobs_id_check", "id > 0");
        index_on(cat, "jobs_id_idx", "jobs", "id");
    }
    DiffChangeset *cs = pair_diff(&p, NULL);
    CHECK_INT_EQ(cs->nsteps, 1);
    CHECK_INT_EQ(cs->steps[0].kind, DIFF_DROP_COLUMN);
    ag_arena_free(&p.arena);
}

static void
test_enum_dropped_after_its_column(void)
{
    Pair p;
    pair_init(&p);
    enum_type(p.from, "mood", "sad", "happy", NULL);
    for (int side = 0; side < 2; side++) {
        Catalog *cat = side ? p.to : p.from;
        CatTable *t = table(cat, "people");
        column(cat, t, "id", "integer", true, NULL);
        if (!side)
            column(cat, t, "mood", "public.mood[]", false, NULL);
    }
    DiffChangeset *cs = pair_diff(&p, NULL);
    CHECK_BEFORE(cs, DIFF_DROP_COLUMN, "mood", DIFF_DROP_ENUM, "mood");
    DiffChangeset *down = diff_catalogs(&p.arena, p.to, p.from, NULL);
    CHECK_BEFORE(down, DIFF_CREATE_ENUM, "mood", DIFF_ADD_COLUMN, "mood");
    ag_arena_free(&p.arena);
}

static void
test_enum_add_value_and_swap(void)
{
    Pair p;
    pair_init(&p);
    enum_type(p.from, "st", "open", "closed", NULL);
    enum_type(p.to, "st", "open", "paused", "closed");
    for (int side = 0; side < 2; side++) {
        Catalog *cat = side ? p.to : p.from;
        CatTable *t = table(cat, "jobs");
        column(cat, t, "s", "public.st", true, "'open'::public.st");
    }
    DiffChangeset *cs = pair_diff(&p, NULL);
    CHECK_INT_EQ(cs->nsteps, 1);
    CHECK_INT_EQ(cs->steps[0].kind, DIFF_ENUM_ADD_VALUE);
    CHECK_STR_EQ(cs->steps[0].label, "paused");
    CHECK_STR_EQ(cs->steps[0].neighbor, "open");
    CHECK(!cs->steps[0].before);
    CHECK(!diff_needs_no_transaction(cs));

    /* Removing the value again needs the swap, in this order. */
    DiffChangeset *down = diff_catalogs(&p.arena, p.to, p.from, NULL);
    CHECK(!down->has_cycle);
    CHECK_BEFORE(down, DIFF_DROP_DEFAULT, "s", DIFF_ALTER_COLUMN_TYPE, "s");
    CHECK_BEFORE(down, DIFF_ENUM_RENAME, "st", DIFF_CREATE_ENUM, "st");
    CHECK_BEFORE(down, DIFF_CREATE_ENUM, "st", DIFF_ALTER_COLUMN_TYPE, "s");
    CHECK_BEFORE(down, DIFF_ALTER_COLUMN_TYPE, "s", DIFF_SET_DEFAULT, "s");
    CHECK_BEFORE(down, DIFF_SET_DEFAULT, "s", DIFF_DROP_ENUM, "st");
    int at = step_at(down, DIFF_ALTER_COLUMN_TYPE, "s");
    CHECK(at >= 0 && down->steps[at].using == DIFF_USING_TEXT_CAST);
    CHECK(at >= 0 && (down->steps[at].hazards & DIFF_HAZARD_BIT(DIFF_HAZARD_DATA_LOSS)));
    at = step_at(down, DIFF_DROP_ENUM, "st");
    CHECK(at >= 0 && ag_streq(down->steps[at].temp_name, "st__old"));
    ag_arena_free(&p.arena);
}

static void
test_owned_sequence(void)
{
    /* The owning column goes but the sequence stays: detach it first. */
    Pair p;
    pair_init(&p);
    for (int side = 0; side < 2; side++) {
        Catalog *cat = side ? p.to : p.from;
        CatTable *t = table(cat, "t");
        column(cat, t, "x", "integer", false, NULL);
        if (!side)
            column(cat, t, "id", "integer", true, "nextval('public.t_id_seq'::regclass)");
        sequence(cat, "t_id_seq", side ? NULL : "t", side ? NULL : "id");
    }
    DiffChangeset *cs = pair_diff(&p, NULL);
    CHECK_BEFORE(cs, DIFF_SEQUENCE_OWNED_BY, "t_id_seq", DIFF_DROP_COLUMN, "id");
    CHECK_INT_EQ(count_kind(cs, DIFF_DROP_SEQUENCE), 0);
    /* Back: the column needs the sequence, the ownership needs the column. */
    DiffChangeset *down = diff_catalogs(&p.arena, p.to, p.from, NULL);
    CHECK_BEFORE(down, DIFF_ADD_COLUMN, "id", DIFF_SEQUENCE_OWNED_BY, "t_id_seq");
    ag_arena_free(&p.arena);

    /* A sequence dropped with its table gets no DROP SEQUENCE; a free one is dropped
     * after the default that uses it. */
    pair_init(&p);
    CatTable *g = table(p.from, "gone");
    column(p.from, g, "id", "integer", true, "nextval('public.gone_id_seq'::regclass)");
    sequence(p.from, "gone_id_seq", "gone", "id");
    sequence(p.from, "free_seq", NULL, NULL);
    for (int side = 0; side < 2; side++) {
        Catalog *cat = side ? p.to : p.from;
        CatTable *t = table(cat, "k");
        column(cat, t, "n", "bigint", false, side ? NULL : "nextval('free_seq')");
    }
    cs = pair_diff(&p, NULL);
    CHECK_INT_EQ(count_kind(cs, DIFF_DROP_SEQUENCE), 1);
    CHECK_BEFORE(cs, DIFF_DROP_DEFAULT, "n", DIFF_DROP_SEQUENCE, "free_seq");
    CHECK_BEFORE(cs, DIFF_DROP_TABLE, "gone", DIFF_DROP_SEQUENCE, "free_seq");
    down = diff_catalogs(&p.arena, p.to, p.from, NULL);
    CHECK_BEFORE(down, DIFF_CREATE_SEQUENCE, "free_seq", DIFF_SET_DEFAULT, "n");
    CHECK_BEFORE(down, DIFF_CREATE_SEQUENCE, "gone_id_seq", DIFF_CREATE_TABLE, "gone");
    CHECK_BEFORE(down, DIFF_CREATE_TABLE, "gone", DIFF_SEQUENCE_OWNED_BY, "gone_id_seq");
    ag_arena_free(&p.arena);
}

static void
test_schema_order(void)
{
    Pair p;
    pair_init(&p);
    cat_add(p.from, CAT_SCHEMA, NULL, "app", (AgLoc){0});
    CatTable *t = (CatTable *) cat_add(p.from, CAT_TABLE, "app", "t", (AgLoc){0});
    column(p.from, t, "id", "integer", false, NULL);
    DiffChangeset *cs = pair_diff(&p, NULL);
    CHECK_BEFORE(cs, DIFF_DROP_TABLE, "t", DIFF_DROP_SCHEMA, "app");
    DiffChangeset *down = diff_catalogs(&p.arena, p.to, p.from, NULL);
    CHECK_BEFORE(down, DIFF_CREATE_SCHEMA, "app", DIFF_CREATE_TABLE, "t");
    ag_arena_free(&p.arena);
}

static void
test_primary_key_change(void)
{
    Pair p;
    pair_init(&p);
    for (int side = 0; side < 2; side++) {
        Catalog *cat = side ? p.to : p.from;
        CatTable *t = table(cat, "m");
        column(cat, t, "a", "integer", true, NULL);
        column(cat, t, "b", "integer", true, NULL);
        primary_key(cat, t, side ? "m_b_pkey" : "m_pkey", side ? "b" : "a");
    }
    DiffChangeset *cs = pair_diff(&p, NULL);
    CHECK_BEFORE(cs, DIFF_DROP_CONSTRAINT, "m_pkey", DIFF_ADD_CONSTRAINT, "m_b_pkey");
    int at = step_at(cs, DIFF_ADD_CONSTRAINT, "m_b_pkey");
    CHECK(at >= 0 && (cs->steps[at].hazards & DIFF_HAZARD_BIT(DIFF_HAZARD_INDEX_BUILD)));
    ag_arena_free(&p.arena);
}

static void
test_online_and_rows(void)
{
    Pair p;
    pair_init(&p);
    for (int side = 0; side < 2; side++) {
        Catalog *cat = side ? p.to : p.from;
        CatTable *t = table(cat, "jobs");
        column(cat, t, "id", "integer", false, NULL);
        if (side) {
            column(cat, t, "status", "text", true, NULL);
            index_on(cat, "jobs_id_idx", "jobs", "id");
        }
    }
    static const char *const rows[] = {"public.jobs"};
    DiffOptions opts = {
        .online = true, .rows_known = true, .nonempty_tables = rows, .nnonempty_tables = 1};
    DiffChangeset *cs = pair_diff(&p, &opts);
    CHECK(diff_needs_no_transaction(cs));
    CHECK(diff_needs_review(cs));
    int at = step_at(cs, DIFF_ADD_COLUMN, "status");
    CHECK(at >= 0 && cs->steps[at].add_nullable);
    CHECK_BEFORE(cs, DIFF_BACKFILL, "status", DIFF_SET_NOT_NULL, "status");
    at = step_at(cs, DIFF_CREATE_INDEX, NULL);
    CHECK(at >= 0 && cs->steps[at].concurrently && cs->steps[at].hazards == 0);

    /* Same without rows: a plain NOT NULL column, no review. */
    opts.nnonempty_tables = 0;
    cs = diff_catalogs(&p.arena, p.from, p.to, &opts);
    CHECK(!diff_needs_review(cs));
    CHECK_INT_EQ(count_kind(cs, DIFF_BACKFILL), 0);
    ag_arena_free(&p.arena);
}

static void
test_deterministic(void)
{
    /* Two runs over catalogs built in different orders give the same steps. */
    const char *order[2][3] = {{"c", "a", "b"}, {"b", "c", "a"}};
    const char *seen[2][16];
    uint32_t n[2];
    AgArena a;
    ag_arena_init(&a);
    for (int run = 0; run < 2; run++) {
        Catalog *from = cat_new(&a), *to = cat_new(&a);
        for (int i = 0; i < 3; i++) {
            CatTable *t = table(to, order[run][i]);
            column(to, t, "id", "integer", true, NULL);
            primary_key(to, t, ag_arena_printf(&a, "%s_pkey", order[run][i]), "id");
            foreign_key(to, t, ag_arena_printf(&a, "%s_fk", order[run][i]), "id",
                        strcmp(order[run][i], "a") == 0 ? "c" : "a", "id");
        }
        cat_finish(from);
        cat_finish(to);
        DiffChangeset *cs = diff_catalogs(&a, from, to, NULL);
        n[run] = cs->nsteps;
        for (uint32_t i = 0; i < cs->nsteps && i < 16; i++)
            seen[run][i] = cs->steps[i].con ? cs->steps[i].con->name : cs->steps[i].name;
    }
    CHECK_INT_EQ(n[0], n[1]);
    for (uint32_t i = 0; i < n[0] && i < 16; i++)
        CHECK_STR_EQ(seen[0][i], seen[1][i]);
    CHECK_STR_EQ(seen[0][0], "a");
    CHECK_STR_EQ(seen[0][3], "a_fk");
    ag_arena_free(&a);
}

/* ---- helpers, table-driven -------------------------------------------------------------- */

static void
test_type_change(void)
{
    static const struct {
        const char *from, *to;
        bool rewrite, review;
        DiffUsing using;
    } cases[] = {
        {"character varying(20)", "character varying(50)", false, false, DIFF_USING_NONE},
        {"character varying(50)", "character varying(20)", true, false, DIFF_USING_NONE},
        {"character varying(20)", "text", false, false, DIFF_USING_NONE},
        {"character varying(20)", "character varying", false, false, DIFF_USING_NONE},
        {"text", "character varying", false, false, DIFF_USING_NONE},
        {"text", "character varying(20)", true, false, DIFF_USING_NONE},
        {"numeric(10,2)", "numeric", false, false, DIFF_USING_NONE},
        {"numeric(10,2)", "numeric(12,2)", false, false, DIFF_USING_NONE},
        {"numeric(10,2)", "numeric(12,3)", true, false, DIFF_USING_NONE},
        {"integer", "bigint", true, false, DIFF_USING_NONE},
        {"integer", "text", true, false, DIFF_USING_NONE},
        {"text", "integer", true, true, DIFF_USING_CAST},
        {"json", "jsonb", true, false, DIFF_USING_CAST},
        {"timestamp(3) without time zone", "timestamp(6) without time zone", false, false,
         DIFF_USING_NONE},
        {"timestamp without time zone", "timestamp with time zone", true, false, DIFF_USING_NONE},
        {"text", "public.mood", true, true, DIFF_USING_CAST},
        {"integer", "integer[]", true, true, DIFF_USING_CAST},
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        TypeChange tc = diff_type_change(cases[i].from, cases[i].to);
        CHECK_INT_EQ(tc.rewrite, cases[i].rewrite);
        CHECK_INT_EQ(tc.review, cases[i].review);
        CHECK_INT_EQ(tc.using, cases[i].using);
        if (tc.rewrite != cases[i].rewrite || tc.review != cases[i].review ||
            tc.using != cases[i].using)
            fprintf(stderr, "  in case: %s -> %s\n", cases[i].from, cases[i].to);
    }
}

static void
test_type_ref(void)
{
    static const struct {
        const char *type, *schema, *name;
        bool array;
    } cases[] = {
        {"public.mood", "public", "mood", false},
        {"public.mood[]", "public", "mood", true},
        {"\"My Schema\".\"T\"\"x\"", "My Schema", "T\"x", false},
        {"integer", NULL, NULL, false},
        {"character varying(20)", NULL, NULL, false},
        {"timestamp with time zone[]", NULL, NULL, false},
    };
    AgArena a;
    ag_arena_init(&a);
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        const char *s = NULL, *n = NULL;
        bool arr = false;
        bool ok = diff_type_ref(&a, cases[i].type, &s, &n, &arr);
        CHECK_INT_EQ(ok, cases[i].schema != NULL);
        CHECK_STR_EQ(s, cases[i].schema);
        CHECK_STR_EQ(n, cases[i].name);
        CHECK_INT_EQ(arr, cases[i].array);
    }
    ag_arena_free(&a);
}

static void
test_expr_mentions(void)
{
    static const struct {
        const char *sql, *col;
        bool want;
    } cases[] = {
        {"length(jd) < 10", "jd", true},
        {"length(jd) < 10", "length", false}, /* a function name */
        {"status <> 'jd'", "jd", false},      /* a string */
        {"(x)::jd", "jd", false},             /* a type */
        {"\"Weird Col\" > 0", "Weird Col", true},
        {"JD > 0", "jd", true}, /* unquoted folds to lower case */
        {"t.jd IS NOT NULL", "jd", true},
        {"jdx > 0", "jd", false},
        {"E'it\\'s jd' = a", "jd", false},
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        CHECK_INT_EQ(diff_expr_mentions(cases[i].sql, cases[i].col), cases[i].want);
        if (diff_expr_mentions(cases[i].sql, cases[i].col) != cases[i].want)
            fprintf(stderr, "  in case: %s / %s\n", cases[i].sql, cases[i].col);
    }
}

typedef struct SeqSeen {
    const char *got[4];
    int n;
    AgArena *a;
} SeqSeen;

static void
seq_seen(void *ctx, const char *schema, const char *name)
{
    SeqSeen *s = ctx;
    if (s->n < 4)
        s->got[s->n++] = ag_arena_printf(s->a, "%s.%s", schema, name);
}

static void
test_expr_sequences(void)
{
    static const struct {
        const char *sql, *want;
    } cases[] = {
        {"nextval('public.t_id_seq'::regclass)", "public.t_id_seq"},
        {"nextval('t_id_seq')", "app.t_id_seq"},
        {"nextval('\"My\".\"Seq\"'::regclass)", "My.Seq"},
        {"nextval('Upper_Seq')", "app.upper_seq"},
        {"now()", NULL},
    };
    AgArena a;
    ag_arena_init(&a);
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        SeqSeen s = {.a = &a};
        diff_expr_sequences(&a, cases[i].sql, "app", seq_seen, &s);
        CHECK_INT_EQ(s.n, cases[i].want ? 1 : 0);
        CHECK_STR_EQ(s.n ? s.got[0] : NULL, cases[i].want);
    }
    ag_arena_free(&a);
}

int
main(void)
{
    test_fk_after_both_tables();
    test_fk_on_existing_table_not_valid();
    test_drop_table_takes_everything();
    test_drop_column_takes_its_index();
    test_enum_dropped_after_its_column();
    test_enum_add_value_and_swap();
    test_owned_sequence();
    test_schema_order();
    test_primary_key_change();
    test_online_and_rows();
    test_deterministic();
    test_type_change();
    test_type_ref();
    test_expr_mentions();
    test_expr_sequences();
    return check_report("test_diff");
}

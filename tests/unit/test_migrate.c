/* tests/unit/test_migrate.c: revision files render and parse back; chain errors. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"
#include "catalog/split.h"
#include "migrate/migrate.h"
#include "tests/unit/check.h"

static void
test_round_trip(void)
{
    AgArena a;
    ag_arena_init(&a);
    const char *parents[] = {"aaaaaaaaaaaa"};
    MigNewRevision nr = {.message = "add status\ncolumn",
                         .parents = parents,
                         .nparents = 1,
                         .summary = "+ column public.jobs.status\nhazard: none",
                         .upgrade_sql = "ALTER TABLE public.jobs ADD COLUMN status text;\n",
                         .downgrade_sql = "ALTER TABLE public.jobs DROP COLUMN status;\n",
                         .transactional = false};
    char *text = mig_revision_render(&a, &nr, "bbbbbbbbbbbb", "2026-11-25T00:00:00Z");
    AgDiag d;
    ag_diag_init(&d);
    MigRevision *r = mig_revision_parse(&a, "x.sql", text, &d);
    CHECK(r != NULL);
    if (r) {
        CHECK_STR_EQ(r->id, "bbbbbbbbbbbb");
        CHECK_INT_EQ(r->nparents, 1);
        CHECK_STR_EQ(r->parents[0], "aaaaaaaaaaaa");
        CHECK_STR_EQ(r->message, "add status column"); /* newline folded */
        CHECK_STR_EQ(r->created, "2026-11-25T00:00:00Z");
        CHECK(!r->transactional);
        CHECK_STR_EQ(r->upgrade_sql, "ALTER TABLE public.jobs ADD COLUMN status text;\n\n");
        CHECK_STR_EQ(r->downgrade_sql, "ALTER TABLE public.jobs DROP COLUMN status;\n");
        CHECK_INT_EQ(r->review_line, 0);
        /* The upgrade's first line is the line after the marker. */
        const char *p = text;
        uint32_t line = 1;
        while (strncmp(p, "-- autogen:upgrade\n", 19) != 0) {
            p = strchr(p, '\n') + 1;
            line++;
        }
        CHECK_INT_EQ(r->upgrade_line, line + 1);
    }
    ag_diag_free(&d);
    ag_arena_free(&a);
}

static void
test_parse_errors(void)
{
    static const struct {
        const char *text;
        const char *want;
    } cases[] = {
        {.text = "SELECT 1;\n",
         .want = "x.sql:1:1: error: not a revision file: expected a '-- revision: <id>' header line"},
        {.text = "-- revision: abc\n-- autogen:upgrade\n-- autogen:downgrade\n",
         .want = "x.sql:1:1: error: revision abc has no '-- parent: <id|base>' header line"},
        {.text = "-- revision: abc\n-- parent: base\n-- autogen:upgrade\nSELECT 1;\n",
         .want = "x.sql:5:1: error: revision abc: expected the sections '-- autogen:upgrade' and "
                 "then '-- autogen:downgrade'"},
        {.text = "-- revision: a;b\n-- parent: base\n",
         .want = "x.sql:1:1: error: revision id \"a;b\" may hold only a-z, 0-9 and _"},
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        AgArena a;
        ag_arena_init(&a);
        AgDiag d;
        ag_diag_init(&d);
        CHECK(mig_revision_parse(&a, "x.sql", cases[i].text, &d) == NULL);
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        ag_diag_print(&d, f);
        fclose(f);
        if (len && buf[len - 1] == '\n')
            buf[len - 1] = '\0';
        CHECK_STR_EQ(buf, cases[i].want);
        free(buf);
        ag_diag_free(&d);
        ag_arena_free(&a);
    }
}

static void
write_rev(const char *dir, const char *id, const char *parent)
{
    AgArena a;
    ag_arena_init(&a);
    const char *parents[] = {parent};
    MigNewRevision nr = {.message = id, .parents = parents, .nparents = parent ? 1 : 0,
                         .upgrade_sql = "", .downgrade_sql = "", .transactional = true,
                         .id = id};
    AgDiag d;
    ag_diag_init(&d);
    CHECK(mig_revision_write(&a, dir, &nr, &d) != NULL);
    ag_diag_free(&d);
    ag_arena_free(&a);
}

static void
test_chain(void)
{
    char dir[] = "/tmp/autogen-unit-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    write_rev(dir, "r1", NULL);
    write_rev(dir, "r2", "r1");
    write_rev(dir, "r3a", "r2");
    write_rev(dir, "r3b", "r2");
    AgArena a;
    ag_arena_init(&a);
    AgDiag d;
    ag_diag_init(&d);
    MigChain chain;
    CHECK(mig_chain_load(&a, dir, &chain, &d));
    CHECK_INT_EQ(chain.nrevs, 4);
    CHECK_INT_EQ(chain.nheads, 2); /* two branches: detected, not interleaved */
    CHECK_STR_EQ(chain.revs[0]->id, "r1");
    CHECK_STR_EQ(chain.revs[1]->id, "r2");
    CHECK_INT_EQ(chain.revs[3]->depth, 3);
    MigApplied applied[] = {{.revision = "r1"}, {.revision = "r2"}};
    size_t nheads;
    CHECK_STR_EQ(mig_current(&chain, applied, 2, &nheads), "r2");
    CHECK_INT_EQ(nheads, 1);
    ag_diag_free(&d);
    ag_arena_free(&a);
    char cmd[600];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
    CHECK(system(cmd) == 0);
}

static void
test_split(void)
{
    static const struct {
        const char *sql;
        size_t n;      /* statements; (size_t) -1: an error */
        const char *err;
    } cases[] = {
        {.sql = "CREATE TABLE a (x int);\nSELECT 1;\n-- end\n", .n = 2},
        {.sql = "SELECT 1; SELECT 2 /* last */", .n = 2},
        {.sql = "SELECT $$;$$;\n", .n = 1},
        /* a SQL-standard body is one statement, as psql sends it (CASE ... END inside) */
        {.sql = "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql\n"
                "BEGIN ATOMIC SELECT CASE WHEN a > 0 THEN 1 END; SELECT a + 1; END;\n"
                "CREATE OR REPLACE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC SELECT 1; END;\n"
                "BEGIN; SELECT 'begin atomic'; END;\n",
         .n = 5},
        /* the scanner's split drops an unclosed last statement: it must be an error */
        {.sql = "SELECT 1;\nCREATE TABLE b (y int\n",
         .n = (size_t) -1,
         .err = "x.sql:2:1: error: unterminated statement at the end of the script (a missing "
                "closing parenthesis?)"},
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        AgArena a;
        ag_arena_init(&a);
        AgDiag d;
        ag_diag_init(&d);
        CatStmtSpan *spans;
        size_t n = 0;
        bool ok = cat_split_sql(&a, cases[i].sql, "x.sql", &spans, &n, &d);
        if (cases[i].n == (size_t) -1) {
            CHECK(!ok);
            char *buf = NULL;
            size_t len = 0;
            FILE *f = open_memstream(&buf, &len);
            ag_diag_print(&d, f);
            fclose(f);
            if (len && buf[len - 1] == '\n')
                buf[len - 1] = '\0';
            CHECK_STR_EQ(buf, cases[i].err);
            free(buf);
        } else {
            CHECK(ok);
            CHECK_INT_EQ(n, cases[i].n);
        }
        ag_diag_free(&d);
        ag_arena_free(&a);
    }
}

int
main(void)
{
    test_split();
    test_round_trip();
    test_parse_errors();
    test_chain();
    return check_report("test_migrate");
}

/*
 * tests/unit/test_parser.c: the parser, model text in, catalog or diagnostics out.
 * Feature cases list cat_dump() lines that must (and must not) appear; error cases list
 * every diagnostic exactly as printed (file:line:col). The expected names and values
 * were checked against PostgreSQL 15 (parse(model) == introspect(load(model))).
 * Also: places with multibyte text, several files in any order, folders, the fixtures
 * in test-fixtures/parser (with a .dump made by introspecting PostgreSQL, when present)
 * and the real-world schemas of shared/realworld (loaded with warnings only).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "parser/parser.h"

/* ---- helpers ---------------------------------------------------------------------- */

typedef struct Loaded {
    AgArena arena;
    Catalog *cat;
    AgDiag diag;
    char *dump;
    char *diags;
} Loaded;

static void
load_texts(Loaded *l, const char *const *names, const char *const *texts, size_t n)
{
    ag_arena_init(&l->arena);
    l->cat = cat_new(&l->arena);
    ag_diag_init(&l->diag);
    for (size_t i = 0; i < n; i++)
        prs_load_string(l->cat, names[i], texts[i], &l->diag);
    prs_finish(l->cat, &l->diag);
    AgBuf b;
    ag_buf_init(&b);
    cat_dump(l->cat, &b);
    l->dump = strdup(ag_buf_cstr(&b));
    ag_buf_free(&b);
    size_t len;
    FILE *f = open_memstream(&l->diags, &len);
    ag_diag_print(&l->diag, f);
    fclose(f);
}

static void
load_one(Loaded *l, const char *text)
{
    const char *names[] = {"m.sql"};
    load_texts(l, names, &text, 1);
}

static void
loaded_free(Loaded *l)
{
    free(l->dump);
    free(l->diags);
    ag_diag_free(&l->diag);
    ag_arena_free(&l->arena);
}

/* Is line (without its newline) a whole line of text? */
static bool
has_line(const char *text, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = text; (p = strstr(p, line)); p++)
        if ((p == text || p[-1] == '\n') && (p[n] == '\n' || p[n] == '\0'))
            return true;
    return false;
}

/* Each line of want must be a line of got; report the first missing one. */
static void
check_lines(const char *label, const char *got, const char *want, bool present)
{
    if (!want)
        return;
    const char *p = want;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t) (e - p) : strlen(p);
        char *line = strndup(p, n);
        check_count++;
        if (n && has_line(got, line) != present) {
            check_failures++;
            fprintf(stderr, "%s: line %s:\n  %s\n--- dump:\n%s\n", label,
                    present ? "missing" : "must not appear", line, got);
        }
        free(line);
        p += n + (e ? 1 : 0);
    }
}

/* ---- features --------------------------------------------------------------------- */

static const struct {
    const char *name;
    const char *model;
    const char *want;   /* lines of cat_dump that must appear */
    const char *absent; /* lines that must not */
    const char *diags;  /* every diagnostic, exactly; NULL: none at all */
} feature_cases[] = {
    {
        .name = "columns, types, NOT NULL, defaults",
        .model = "CREATE TABLE t (a int NOT NULL, b varchar(20) DEFAULT 'x', c timestamptz "
                 "DEFAULT now(), d numeric(10,2)[], e text NULL, f interval day to second(3), "
                 "g char, h double precision DEFAULT NULL);",
        .want = "table public.t comment=- unlogged=false\n"
                "  column 1 a type='integer' collation=- not_null=true default=- identity=none "
                "generated=- comment=-\n"
                "  column 2 b type='character varying(20)' collation=- not_null=false "
                "default='''x''' identity=none generated=- comment=-\n"
                "  column 3 c type='timestamp with time zone' collation=- not_null=false "
                "default='now()' identity=none generated=- comment=-\n"
                "  column 4 d type='numeric(10,2)[]' collation=- not_null=false default=- "
                "identity=none generated=- comment=-\n"
                "  column 5 e type='text' collation=- not_null=false default=- identity=none "
                "generated=- comment=-\n"
                "  column 6 f type='interval day to second(3)' collation=- not_null=false "
                "default=- identity=none generated=- comment=-\n"
                "  column 7 g type='character(1)' collation=- not_null=false default=- "
                "identity=none generated=- comment=-\n"
                "  column 8 h type='double precision' collation=- not_null=false default=- "
                "identity=none generated=- comment=-",
    },
    {
        .name = "NULL::type defaults are stored unless the type is the column's",
        .model = "CREATE TABLE t (a varchar(5) DEFAULT NULL::character varying, "
                 "b text DEFAULT NULL::text);",
        .want = "  column 1 a type='character varying(5)' collation=- not_null=false "
                "default='NULL' identity=none generated=- comment=-\n"
                "  column 2 b type='text' collation=- not_null=false default=- identity=none "
                "generated=- comment=-",
    },
    {
        .name = "collation, unlogged, generated column",
        .model = "CREATE UNLOGGED TABLE t (a text COLLATE \"C\", b text COLLATE \"default\", "
                 "c int GENERATED ALWAYS AS (length(a) * 2) STORED);",
        .want = "table public.t comment=- unlogged=true\n"
                "  column 1 a type='text' collation=pg_catalog.\"C\" not_null=false default=- "
                "identity=none generated=- comment=-\n"
                "  column 2 b type='text' collation=- not_null=false default=- identity=none "
                "generated=- comment=-\n"
                "  column 3 c type='integer' collation=- not_null=false default=- identity=none "
                "generated='length(a) * 2' comment=-",
    },
    {
        .name = "serial, bigserial: NOT NULL, nextval default, owned sequence",
        .model = "CREATE TABLE t (id serial, big bigserial PRIMARY KEY);",
        .want = "sequence public.t_id_seq comment=- type='integer' start=1 increment=1 min=1 "
                "max=2147483647 cache=1 cycle=false owned_by=public.t.id\n"
                "sequence public.t_big_seq comment=- type='bigint' start=1 increment=1 min=1 "
                "max=9223372036854775807 cache=1 cycle=false owned_by=public.t.big\n"
                "  column 1 id type='integer' collation=- not_null=true "
                "default='nextval(''public.t_id_seq'')' identity=none generated=- comment=-\n"
                "  constraint t_pkey type=primary_key columns=(big) include=() deferrable=false "
                "initially_deferred=false comment=-",
    },
    {
        .name = "identity columns with PostgreSQL's sequence defaults",
        .model = "CREATE TABLE t (a int GENERATED ALWAYS AS IDENTITY, "
                 "b smallint GENERATED BY DEFAULT AS IDENTITY (START WITH 10 INCREMENT BY 5), "
                 "c bigint GENERATED ALWAYS AS IDENTITY (INCREMENT BY -1 CACHE 20));",
        .want = "  column 1 a type='integer' collation=- not_null=true default=- identity=always "
                "generated=- comment=-\n"
                "    identity_seq type='integer' start=1 increment=1 min=1 max=2147483647 cache=1 "
                "cycle=false\n"
                "    identity_seq type='smallint' start=10 increment=5 min=1 max=32767 cache=1 "
                "cycle=false\n"
                "    identity_seq type='bigint' start=-1 increment=-1 min=-9223372036854775808 "
                "max=-1 cache=20 cycle=false",
        .absent = "sequence public.t_a_seq",
    },
    {
        .name = "implicit constraint names and their order",
        .model = "CREATE TABLE t (id int PRIMARY KEY UNIQUE, a int CHECK (a > 0) CHECK (a < 9), "
                 "b int CHECK (a < b), c text UNIQUE, CHECK (true), UNIQUE (a, b), "
                 "e int REFERENCES t, FOREIGN KEY (a, b) REFERENCES t (a, b));",
        .want = "  constraint t_pkey type=primary_key columns=(id) include=() deferrable=false "
                "initially_deferred=false comment=-\n"
                "  constraint t_a_check type=check deferrable=false initially_deferred=false "
                "no_inherit=false not_valid=false check='a > 0' comment=-\n"
                "  constraint t_a_check1 type=check deferrable=false initially_deferred=false "
                "no_inherit=false not_valid=false check='a < 9' comment=-\n"
                "  constraint t_check type=check deferrable=false initially_deferred=false "
                "no_inherit=false not_valid=false check='a < b' comment=-\n"
                "  constraint t_check1 type=check deferrable=false initially_deferred=false "
                "no_inherit=false not_valid=false check='true' comment=-\n"
                "  constraint t_c_key type=unique columns=(c) include=() nulls_not_distinct=false "
                "deferrable=false initially_deferred=false comment=-\n"
                "  constraint t_a_b_key type=unique columns=(a, b) include=() "
                "nulls_not_distinct=false deferrable=false initially_deferred=false comment=-\n"
                "  constraint t_e_fkey type=foreign_key columns=(e) deferrable=false "
                "initially_deferred=false not_valid=false references=public.t ref_columns=(id) "
                "match=s on_update=a on_delete=a comment=-\n"
                "  constraint t_a_b_fkey type=foreign_key columns=(a, b) deferrable=false "
                "initially_deferred=false not_valid=false references=public.t "
                "ref_columns=(a, b) match=s on_update=a on_delete=a comment=-",
        .absent = "  constraint t_id_key type=unique columns=(id) include=() "
                  "nulls_not_distinct=false deferrable=false initially_deferred=false comment=-",
    },
    {
        .name = "names taken by other relations get a number",
        .model = "CREATE TABLE t_a_key (x int);\n"
                 "CREATE TABLE t (a int UNIQUE, b int);\n"
                 "CREATE INDEX ON t (b);\nCREATE INDEX ON t (b);\n"
                 "CREATE INDEX ON t (lower(a::text), (a + b));",
        .want = "  constraint t_a_key1 type=unique columns=(a) include=() "
                "nulls_not_distinct=false deferrable=false initially_deferred=false comment=-\n"
                "index public.t_b_idx comment=- table=t unique=false nulls_not_distinct=false "
                "method='btree' include=() where=- options=()\n"
                "index public.t_b_idx1 comment=- table=t unique=false nulls_not_distinct=false "
                "method='btree' include=() where=- options=()\n"
                "index public.t_lower_expr_idx comment=- table=t unique=false "
                "nulls_not_distinct=false method='btree' include=() where=- options=()",
    },
    {
        .name = "UNIQUE options, deferrable foreign key with actions",
        .model = "CREATE TABLE p (a int, b int, PRIMARY KEY (a, b));\n"
                 "CREATE TABLE c (a int, b int, x int, "
                 "UNIQUE NULLS NOT DISTINCT (x) INCLUDE (a), "
                 "CONSTRAINT fk FOREIGN KEY (a, b) REFERENCES p MATCH FULL ON DELETE CASCADE "
                 "ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED);",
        .want = "  constraint c_x_a_key type=unique columns=(x) include=(a) "
                "nulls_not_distinct=true deferrable=false initially_deferred=false comment=-\n"
                "  constraint fk type=foreign_key columns=(a, b) deferrable=true "
                "initially_deferred=true not_valid=false references=public.p ref_columns=(a, b) "
                "match=f on_update=n on_delete=c comment=-",
    },
    {
        .name = "column-level DEFERRABLE applies to the REFERENCES before it",
        .model = "CREATE TABLE p (id int PRIMARY KEY);\n"
                 "CREATE TABLE c (p int REFERENCES p DEFERRABLE INITIALLY DEFERRED);",
        .want = "  constraint c_p_fkey type=foreign_key columns=(p) deferrable=true "
                "initially_deferred=true not_valid=false references=public.p ref_columns=(id) "
                "match=s on_update=a on_delete=a comment=-",
    },
    {
        .name = "EXCLUDE with WHERE",
        .model = "CREATE EXTENSION btree_gist;\n"
                 "CREATE TABLE b (room int, during tstzrange, "
                 "EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (room > 0));",
        .want = "  constraint b_room_during_excl type=exclude include=() deferrable=false "
                "initially_deferred=false exclude_method='gist' exclude_where='room > 0' "
                "comment=-\n"
                "    elem 2 column=during expr=- collation=- opclass=- desc=false "
                "nulls_first=false exclude_op='&&'",
    },
    {
        .name = "ALTER TABLE as pg_dump writes it; NOT VALID kept after CREATE",
        .model = "CREATE TABLE public.t (id integer NOT NULL, p integer, s text);\n"
                 "CREATE SEQUENCE public.t_id_seq AS integer START WITH 1 INCREMENT BY 1 "
                 "NO MINVALUE NO MAXVALUE CACHE 1;\n"
                 "ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;\n"
                 "ALTER TABLE ONLY public.t ALTER COLUMN id SET DEFAULT "
                 "nextval('public.t_id_seq'::regclass);\n"
                 "ALTER TABLE ONLY public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);\n"
                 "ALTER TABLE public.t ADD CONSTRAINT t_p_fkey FOREIGN KEY (p) REFERENCES "
                 "public.t(id) NOT VALID;\n"
                 "ALTER TABLE public.t ADD CONSTRAINT s_nonempty CHECK (s <> '') NOT VALID;\n"
                 "ALTER TABLE public.t ALTER COLUMN s SET NOT NULL;\n"
                 "ALTER TABLE public.t OWNER TO postgres;",
        .want = "sequence public.t_id_seq comment=- type='integer' start=1 increment=1 min=1 "
                "max=2147483647 cache=1 cycle=false owned_by=public.t.id\n"
                "  column 1 id type='integer' collation=- not_null=true "
                "default='nextval(''public.t_id_seq'')' identity=none generated=- comment=-\n"
                "  column 3 s type='text' collation=- not_null=true default=- identity=none "
                "generated=- comment=-\n"
                "  constraint t_p_fkey type=foreign_key columns=(p) deferrable=false "
                "initially_deferred=false not_valid=true references=public.t ref_columns=(id) "
                "match=s on_update=a on_delete=a comment=-\n"
                "  constraint s_nonempty type=check deferrable=false initially_deferred=false "
                "no_inherit=false not_valid=true check='s <> ''''' comment=-",
    },
    {
        .name = "identity added by ALTER TABLE (pg_dump)",
        .model = "CREATE TABLE public.t (id bigint NOT NULL);\n"
                 "ALTER TABLE public.t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY ("
                 "SEQUENCE NAME public.t_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE "
                 "NO MAXVALUE CACHE 1);",
        .want = "  column 1 id type='bigint' collation=- not_null=true default=- "
                "identity=always generated=- comment=-\n"
                "    identity_seq type='bigint' start=1 increment=1 min=1 "
                "max=9223372036854775807 cache=1 cycle=false",
        .absent = "sequence public.t_id_seq comment=- type='bigint' start=1 increment=1 min=1 "
                  "max=9223372036854775807 cache=1 cycle=false owned_by=-",
    },
    {
        .name = "sequences: defaults, descending, options",
        .model = "CREATE SEQUENCE a;\nCREATE SEQUENCE b AS smallint INCREMENT BY -2 CYCLE;\n"
                 "CREATE SEQUENCE c MINVALUE 5 MAXVALUE 500 CACHE 10;\n"
                 "ALTER SEQUENCE c INCREMENT BY 5;",
        .want = "sequence public.a comment=- type='bigint' start=1 increment=1 min=1 "
                "max=9223372036854775807 cache=1 cycle=false owned_by=-\n"
                "sequence public.b comment=- type='smallint' start=-1 increment=-2 min=-32768 "
                "max=-1 cache=1 cycle=true owned_by=-\n"
                "sequence public.c comment=- type='bigint' start=5 increment=5 min=5 max=500 "
                "cache=10 cycle=false owned_by=-",
    },
    {
        .name = "enums, ADD VALUE, arrays of enums",
        .model = "CREATE TYPE mood AS ENUM ('sad', 'happy');\n"
                 "ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy';\n"
                 "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'sad';\n"
                 "CREATE TABLE t (m mood DEFAULT 'ok', ms mood[]);",
        .want = "enum public.mood comment=- labels=('sad', 'ok', 'happy')\n"
                "  column 1 m type='public.mood' collation=- not_null=false default='''ok''' "
                "identity=none generated=- comment=-\n"
                "  column 2 ms type='public.mood[]' collation=- not_null=false default=- "
                "identity=none generated=- comment=-",
    },
    {
        .name = "domains: ALTER DOMAIN, comments, columns using them",
        .model = "CREATE DOMAIN d AS varchar(5) COLLATE \"C\" DEFAULT NULL NOT NULL\n"
                 "  CHECK (VALUE <> '') CHECK (length(VALUE) > 1);\n"
                 "ALTER DOMAIN d ADD CHECK (VALUE <> 'x') NOT VALID;\n"
                 "ALTER DOMAIN d DROP CONSTRAINT d_check;\n"
                 "ALTER DOMAIN d SET DEFAULT 'a';\n"
                 "ALTER DOMAIN d DROP NOT NULL;\n"
                 "COMMENT ON CONSTRAINT d_check1 ON DOMAIN d IS 'long';\n"
                 "COMMENT ON DOMAIN d IS 'dee';\n"
                 "CREATE TABLE t (c d);",
        .want = "domain public.d comment='dee' type='character varying(5)' "
                "collation=pg_catalog.\"C\" not_null=false default='''a'''\n"
                "  column 1 c type='public.d' collation=- not_null=false default=- "
                "identity=none generated=- comment=-",
    },
    {
        .name = "composite types: attributes, ALTER TYPE, comments",
        .model = "CREATE TYPE p AS (x int, y text COLLATE \"C\", z int);\n"
                 "ALTER TYPE p DROP ATTRIBUTE z, ADD ATTRIBUTE w numeric(4,1);\n"
                 "ALTER TYPE p ALTER ATTRIBUTE x TYPE bigint;\n"
                 "COMMENT ON TYPE p IS 'pee';\n"
                 "COMMENT ON COLUMN p.w IS 'double-u';\n"
                 "CREATE TABLE t (c p[]);",
        .want = "composite public.p comment='pee'\n"
                "  column 1 x type='bigint' collation=- not_null=false default=- "
                "identity=none generated=- comment=-\n"
                "  column 2 y type='text' collation=pg_catalog.\"C\" not_null=false default=- "
                "identity=none generated=- comment=-\n"
                "  column 3 w type='numeric(4,1)' collation=- not_null=false default=- "
                "identity=none generated=- comment='double-u'",
    },
    {
        .name = "indexes: options, ordering, opclass, collation, partial, INCLUDE",
        .model = "CREATE TABLE t (a int, b text, c int);\n"
                 "CREATE UNIQUE INDEX IF NOT EXISTS t_u ON ONLY t USING btree (a DESC, "
                 "b COLLATE \"C\" text_pattern_ops NULLS FIRST) INCLUDE (c) "
                 "NULLS NOT DISTINCT WITH (fillfactor = 70, deduplicate_items = off) "
                 "WHERE (c > 0);\n"
                 "CREATE INDEX t_h ON t USING hash (b);",
        .want = "index public.t_u comment=- table=t unique=true nulls_not_distinct=true "
                "method='btree' include=(c) where='c > 0' "
                "options=('deduplicate_items=off', 'fillfactor=70')\n"
                "  elem 1 column=a expr=- collation=- opclass=- desc=true nulls_first=true\n"
                "  elem 2 column=b expr=- collation=pg_catalog.\"C\" "
                "opclass=pg_catalog.text_pattern_ops desc=false nulls_first=true\n"
                "index public.t_h comment=- table=t unique=false nulls_not_distinct=false "
                "method='hash' include=() where=- options=()",
    },
    {
        .name = "schemas, search_path, extensions, comments",
        .model = "CREATE SCHEMA IF NOT EXISTS app;\nCREATE SCHEMA app2;\n"
                 "CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA app;\n"
                 "SET search_path TO app, public;\n"
                 "CREATE TABLE users (id int PRIMARY KEY, email text);\n"
                 "CREATE INDEX ON users (email);\n"
                 "COMMENT ON SCHEMA app IS 'the app';\n"
                 "COMMENT ON TABLE users IS 'people';\n"
                 "COMMENT ON COLUMN users.email IS 'where to write';\n"
                 "COMMENT ON INDEX users_email_idx IS 'lookup';\n"
                 "COMMENT ON CONSTRAINT users_pkey ON users IS 'key';\n"
                 "COMMENT ON EXTENSION citext IS 'data type for case-insensitive character "
                 "strings';\n"
                 "RESET search_path;\n"
                 "CREATE TABLE t (u int REFERENCES app.users);",
        .want = "schema app comment='the app'\n"
                "schema app2 comment=-\n"
                "extension citext schema=app comment=-\n"
                "table app.users comment='people' unlogged=false\n"
                "  column 2 email type='text' collation=- not_null=false default=- identity=none "
                "generated=- comment='where to write'\n"
                "  constraint users_pkey type=primary_key columns=(id) include=() "
                "deferrable=false initially_deferred=false comment='key'\n"
                "index app.users_email_idx comment='lookup' table=users unique=false "
                "nulls_not_distinct=false method='btree' include=() where=- options=()\n"
                "table public.t comment=- unlogged=false",
        .absent = "schema public comment=-",
    },
    {
        .name = "pg_dump preamble, psql meta lines, statements not managed",
        .model = "\\restrict abc123\n"
                 "SET statement_timeout = 0;\n"
                 "SELECT pg_catalog.set_config('search_path', '', false);\n"
                 "CREATE TABLE public.t (a integer);\n"
                 "CREATE VIEW public.v AS SELECT a FROM public.t;\n"
                 "COMMENT ON VIEW public.v IS 'x';\n"
                 "COMMENT ON COLUMN public.v.a IS 'x';\n"
                 "ALTER TABLE public.v OWNER TO postgres;\n"
                 "GRANT SELECT ON public.t TO PUBLIC;\n"
                 "CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n"
                 "INSERT INTO public.t VALUES (1);\n"
                 "\\unrestrict abc123\n",
        .want = "table public.t comment=- unlogged=false",
        .diags = "m.sql:11:1: warning: data is not part of a schema model: INSERT ignored\n",
    },
    {
        .name = "functions of the model and regclass literals are qualified",
        .model = "CREATE SCHEMA app;\nSET search_path = app;\n"
                 "CREATE FUNCTION next_id() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n"
                 "CREATE SEQUENCE s;\n"
                 "CREATE TABLE t (a int DEFAULT next_id(), b bigint DEFAULT "
                 "nextval('s'::regclass), c text DEFAULT lower('X'));",
        .want = "  column 1 a type='integer' collation=- not_null=false "
                "default='app.next_id()' identity=none generated=- comment=-\n"
                "  column 2 b type='bigint' collation=- not_null=false "
                "default='nextval(''app.s'')' identity=none generated=- comment=-\n"
                "  column 3 c type='text' collation=- not_null=false default='lower(''X'')' "
                "identity=none generated=- comment=-",
        .diags = "",
    },
    {
        .name = "partitions copy their parent; ALTER reaches them",
        .model = "CREATE TABLE p (a int NOT NULL, b text DEFAULT 'x', CHECK (a > 0)) "
                 "PARTITION BY RANGE (a);\n"
                 "CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10);\n"
                 "ALTER TABLE p ADD COLUMN c int;",
        .want = "table public.p1 comment=- unlogged=false partition_of=public.p "
                "partition_bound='FOR VALUES FROM (0) TO (10)'\n"
                "  column 2 b type='text' collation=- not_null=false default='''x''' "
                "identity=none generated=- comment=-\n"
                "  column 3 c type='integer' collation=- not_null=false default=- "
                "identity=none generated=- comment=-\n"
                "  constraint p_a_check type=check deferrable=false initially_deferred=false "
                "no_inherit=false not_valid=false check='a > 0' comment=-",
    },
    {
        .name = "an extension's type is found in the extension's schema",
        .model = "CREATE SCHEMA ext;\nCREATE EXTENSION citext SCHEMA ext;\n"
                 "SET search_path = public, ext;\n"
                 "CREATE TABLE t (e citext, f ext.citext[]);",
        .want = "  column 1 e type='ext.citext' collation=- not_null=false default=- "
                "identity=none generated=- comment=-\n"
                "  column 2 f type='ext.citext[]' collation=- not_null=false default=- "
                "identity=none generated=- comment=-",
    },
    {
        .name = "RENAME CONSTRAINT frees the implicit name",
        .model = "CREATE TABLE t (a int UNIQUE);\n"
                 "ALTER TABLE t RENAME CONSTRAINT t_a_key TO a_unique;\n"
                 "ALTER TABLE t ADD UNIQUE (a);",
        .want = "  constraint a_unique type=unique columns=(a) include=() "
                "nulls_not_distinct=false deferrable=false initially_deferred=false comment=-\n"
                "  constraint t_a_key type=unique columns=(a) include=() "
                "nulls_not_distinct=false deferrable=false initially_deferred=false comment=-",
    },
};

static void
test_features(void)
{
    /* AUTOGEN_PARSER_CASES=dir writes each model to dir/feature_N.sql, to check the
     * expectations against PostgreSQL (load, introspect, compare dumps). */
    const char *out = getenv("AUTOGEN_PARSER_CASES");
    for (size_t i = 0; out && i < ARRAY_LEN(feature_cases); i++) {
        char path[1024];
        snprintf(path, sizeof(path), "%s/feature_%02zu.sql", out, i);
        FILE *f = fopen(path, "w");
        if (f) {
            fputs(feature_cases[i].model, f);
            fclose(f);
        }
    }
    for (size_t i = 0; i < ARRAY_LEN(feature_cases); i++) {
        Loaded l;
        load_one(&l, feature_cases[i].model);
        check_lines(feature_cases[i].name, l.dump, feature_cases[i].want, true);
        check_lines(feature_cases[i].name, l.dump, feature_cases[i].absent, false);
        const char *want_diags = feature_cases[i].diags ? feature_cases[i].diags : "";
        if (strcmp(l.diags, want_diags) != 0)
            fprintf(stderr, "case: %s\n", feature_cases[i].name);
        CHECK_STR_EQ(l.diags, want_diags);
        loaded_free(&l);
    }
}

/* ---- errors ------------------------------------------------------------------------- */

static const struct {
    const char *name;
    const char *model;
    const char *diags; /* every diagnostic, exactly */
} error_cases[] = {
    {
        .name = "syntax error",
        .model = "CREATE TABLE t (\n    a int,\n);\n",
        .diags = "m.sql:3:1: error: syntax error at or near \")\"\n",
    },
    {
        /* libpg_query's scanner split drops a last statement it cannot close: it used to
         * vanish without a word, and the model silently lost a table. */
        .name = "unclosed parenthesis in the last statement is reported",
        .model = "CREATE TABLE a (x int);\n-- b\nCREATE TABLE b (y int\n",
        .diags = "m.sql:4:1: error: syntax error at end of input\n",
    },
    {
        /* the scanner's split cut at the first semicolon of the body: "syntax error at
         * end of input" on a model psql loads */
        .name = "a SQL-standard function body is one statement",
        .model = "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql\n"
                 "BEGIN ATOMIC\n  SELECT CASE WHEN a > 0 THEN a END;\n  SELECT a + 1;\nEND;\n"
                 "CREATE TABLE t (a int);\n",
        .diags = "m.sql:1:1: warning: a SQL-standard function body is not compared yet: only the "
                 "function's signature and attributes are\n",
    },
    {
        .name = "a last statement without semicolon is read",
        .model = "CREATE TABLE a (x int);\nCREATE TABLE b (y int)\n\n",
        .diags = "",
    },
    {
        .name = "syntax error after multibyte text counts characters",
        .model = "-- é\nCREATE TABLE \"é\" (a int); CREATE TABLE ü (a intt int);",
        .diags = "m.sql:2:50: error: syntax error at or near \"int\"\n",
    },
    {
        .name = "unterminated string stops the file",
        .model = "CREATE TABLE t (a text DEFAULT 'x);\n",
        .diags = "m.sql:1:32: error: unterminated quoted string at or near \"'x);\n\"\n",
    },
    {
        .name = "duplicate column",
        .model = "CREATE TABLE users (\n    id int,\n    email text,\n    email text\n);",
        .diags = "m.sql:4:5: error: column \"email\" is defined twice in table public.users\n"
                 "m.sql:3:5: note: first definition is here\n",
    },
    {
        .name = "duplicate table, keep going",
        .model = "CREATE TABLE t (a int);\nCREATE TABLE t (b int);\nCREATE TABLE t (c int);",
        .diags = "m.sql:2:1: error: table public.t is defined twice\n"
                 "m.sql:1:1: note: first definition is here\n"
                 "m.sql:3:1: error: table public.t is defined twice\n"
                 "m.sql:1:1: note: first definition is here\n",
    },
    {
        .name = "IF NOT EXISTS is quiet",
        .model = "CREATE TABLE t (a int);\nCREATE TABLE IF NOT EXISTS t (b int);",
        .diags = "",
    },
    {
        .name = "duplicate constraint and index",
        .model = "CREATE TABLE t (a int, CONSTRAINT c CHECK (a > 0),\n"
                 "  CONSTRAINT c CHECK (a < 9));\n"
                 "CREATE INDEX i ON t (a);\nCREATE INDEX i ON t (a);",
        .diags = "m.sql:2:3: error: constraint \"c\" is defined twice in table public.t\n"
                 "m.sql:1:24: note: first definition is here\n"
                 "m.sql:4:1: error: index public.i is defined twice\n"
                 "m.sql:3:1: note: first definition is here\n",
    },
    {
        .name = "index name taken by a table",
        .model = "CREATE TABLE t (a int);\nCREATE INDEX t ON t (a);",
        .diags = "m.sql:2:1: error: index public.t: that name is already taken by another "
                 "relation\n"
                 "m.sql:1:1: note: first definition is here\n",
    },
    {
        .name = "unknown table and column in an index",
        .model = "CREATE TABLE t (a int);\nCREATE INDEX ON nope (a);\nCREATE INDEX ON t (b);",
        .diags = "m.sql:3:1: error: column \"b\" named in the index is not a column of table "
                 "public.t\n"
                 "m.sql:2:17: error: table public.nope is not defined in the model\n",
    },
    {
        .name = "foreign keys: unknown table, unknown column, no primary key, no unique key",
        .model = "CREATE TABLE p (id int, x int);\n"
                 "CREATE TABLE c (a int REFERENCES nope,\n"
                 "  b int REFERENCES p (zz),\n"
                 "  d int REFERENCES p,\n"
                 "  e int REFERENCES p (x));",
        .diags = "m.sql:2:23: error: foreign key \"c_a_fkey\" references table public.nope, "
                 "which is not defined in the model\n"
                 "m.sql:3:9: error: foreign key \"c_b_fkey\" references column \"zz\", which "
                 "table public.p does not have\n"
                 "m.sql:4:9: error: foreign key \"c_d_fkey\" names no columns of public.p, which "
                 "has no primary key: expected REFERENCES public.p (columns)\n"
                 "m.sql:5:9: error: foreign key \"c_e_fkey\": no unique constraint of public.p "
                 "matches the referenced columns\n",
    },
    {
        .name = "key column that is not a column; two primary keys",
        .model = "CREATE TABLE t (a int PRIMARY KEY, b int,\n  PRIMARY KEY (b),\n"
                 "  UNIQUE (zz));",
        .diags = "m.sql:2:3: error: table public.t has two primary keys: a table has at most "
                 "one\n"
                 "m.sql:1:23: note: first definition is here\n"
                 "m.sql:3:3: error: column \"zz\" named in a key is not a column of table "
                 "public.t\n",
    },
    {
        .name = "ALTER TABLE of an unknown table and column",
        .model = "CREATE TABLE t (a int);\nALTER TABLE nope ADD CHECK (true);\n"
                 "ALTER TABLE t ALTER COLUMN zz SET NOT NULL;",
        .diags = "m.sql:3:1: error: column \"zz\" of table public.t is not defined in the model\n"
                 "m.sql:2:13: error: table public.nope is not defined in the model\n",
    },
    {
        .name = "statements that have no place in a model",
        .model = "CREATE TABLE t (a int);\nDROP TABLE t;\nVACUUM t;\n"
                 "ALTER TABLE t DROP COLUMN a;\nCREATE TEMP TABLE x (a int);",
        .diags = "m.sql:2:1: error: DROP has no place in a model: a model states what exists "
                 "(remove the object's definition instead)\n"
                 "m.sql:3:1: error: VACUUM has no place in a model: expected DDL such as CREATE "
                 "TABLE\n"
                 "m.sql:4:1: error: DROP has no place in a model: a model states what exists "
                 "(remove the definition instead)\n"
                 "m.sql:5:1: error: a temporary table has no place in a model\n",
    },
    {
        .name = "schema not defined in the model",
        .model = "CREATE TABLE app.t (a int);",
        .diags = "m.sql:1:1: error: schema app is not defined in the model\n",
    },
    {
        .name = "identity on a non-integer column, two defaults",
        .model = "CREATE TABLE t (a text GENERATED ALWAYS AS IDENTITY,\n"
                 "  b int DEFAULT 1 DEFAULT 2);",
        .diags = "m.sql:1:24: error: identity column \"a\" has type text: expected smallint, "
                 "integer or bigint\n"
                 "m.sql:2:19: error: column \"b\" has two default values\n",
    },
    {
        .name = "unknown types",
        .model = "CREATE TABLE t (a mood, b public.nothing[], c t);",
        .diags = "m.sql:1:17: error: type public.mood is not defined: expected a built-in type "
                 "or a type of the model\n"
                 "m.sql:1:25: error: type public.nothing is not defined: expected a built-in "
                 "type or a type of the model\n",
    },
    {
        .name = "identity added to a nullable column",
        .model = "CREATE TABLE t (a int);\n"
                 "ALTER TABLE t ALTER COLUMN a ADD GENERATED ALWAYS AS IDENTITY;",
        .diags = "m.sql:2:1: error: column \"a\" must be NOT NULL before it becomes an identity "
                 "column\n",
    },
    {
        .name = "comment on something missing",
        .model = "CREATE TABLE t (a int);\nCOMMENT ON COLUMN t.zz IS 'x';\n"
                 "COMMENT ON TABLE nope IS 'x';",
        .diags = "m.sql:2:1: error: COMMENT ON COLUMN: table public.t has no column \"zz\"\n"
                 "m.sql:3:1: error: COMMENT ON TABLE public.nope: no such object in the model\n",
    },
};

static void
test_errors(void)
{
    for (size_t i = 0; i < ARRAY_LEN(error_cases); i++) {
        Loaded l;
        load_one(&l, error_cases[i].model);
        if (strcmp(l.diags, error_cases[i].diags) != 0)
            fprintf(stderr, "case: %s\n", error_cases[i].name);
        CHECK_STR_EQ(l.diags, error_cases[i].diags);
        CHECK(ag_diag_has_errors(&l.diag) == (strstr(error_cases[i].diags, "error:") != NULL));
        loaded_free(&l);
    }
}

/* ---- several files --------------------------------------------------------------------- */

static void
test_files_any_order(void)
{
    const char *names[] = {"a_indexes.sql", "b_orders.sql", "c_users.sql"};
    const char *texts[] = {
        ("CREATE INDEX ON users (email);\nCOMMENT ON TABLE users IS 'u';\n"
         "ALTER TABLE users ADD CONSTRAINT email_ok CHECK (email <> '');\n"),
        "CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users);\n",
        "CREATE TABLE users (id int PRIMARY KEY, email text);\n",
    };
    Loaded l;
    load_texts(&l, names, texts, 3);
    CHECK_STR_EQ(l.diags, "");
    check_lines("files in any order", l.dump,
                "table public.users comment='u' unlogged=false\n"
                "index public.users_email_idx comment=- table=users unique=false "
                "nulls_not_distinct=false method='btree' include=() where=- options=()\n"
                "  constraint orders_user_id_fkey type=foreign_key columns=(user_id) "
                "deferrable=false initially_deferred=false not_valid=false "
                "references=public.users ref_columns=(id) match=s on_update=a on_delete=a "
                "comment=-\n"
                "  constraint email_ok type=check deferrable=false initially_deferred=false "
                "no_inherit=false not_valid=false check='email <> ''''' comment=-",
                true);
    loaded_free(&l);

    /* a later file's error names its own file and line */
    const char *n2[] = {"one.sql", "two.sql"};
    const char *t2[] = {"CREATE TABLE t (a int);\n", "\n\nCREATE TABLE t (a int);\n"};
    load_texts(&l, n2, t2, 2);
    CHECK_STR_EQ(l.diags, "two.sql:3:1: error: table public.t is defined twice\n"
                          "one.sql:1:1: note: first definition is here\n");
    loaded_free(&l);
}

static void
write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs(text, f);
    fclose(f);
}

static void
test_folder(void)
{
    char dir[] = "/tmp/test_parser_XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char p[512];
    snprintf(p, sizeof(p), "%s/sub", dir);
    mkdir(p, 0700);
    snprintf(p, sizeof(p), "%s/sub/b.sql", dir);
    write_file(p, "CREATE INDEX ON t (a);\n");
    snprintf(p, sizeof(p), "%s/a.sql", dir);
    write_file(p, "CREATE TABLE t (a int);\n");
    snprintf(p, sizeof(p), "%s/notes.txt", dir);
    write_file(p, "not sql at all");

    AgArena arena;
    ag_arena_init(&arena);
    Catalog *cat = cat_new(&arena);
    AgDiag diag;
    ag_diag_init(&diag);
    const char *paths[] = {dir};
    CHECK(prs_load_paths(cat, paths, 1, &diag));
    CHECK_INT_EQ(diag.nitems, 0);
    CHECK(cat_find(cat, CAT_INDEX, "public", "t_a_idx") != NULL);
    ag_diag_free(&diag);
    ag_arena_free(&arena);

    /* a folder without .sql files: an empty model, said so */
    snprintf(p, sizeof(p), "%s/sub/empty", dir);
    mkdir(p, 0700);
    ag_arena_init(&arena);
    cat = cat_new(&arena);
    ag_diag_init(&diag);
    const char *empty[] = {p};
    CHECK(prs_load_paths(cat, empty, 1, &diag));
    CHECK_INT_EQ(diag.nwarnings, 1);
    CHECK_INT_EQ(cat->nobjects, 0);
    ag_diag_free(&diag);
    ag_arena_free(&arena);

    /* a missing path is an error, not a crash */
    ag_arena_init(&arena);
    cat = cat_new(&arena);
    ag_diag_init(&diag);
    const char *missing[] = {"/nonexistent/models"};
    CHECK(!prs_load_paths(cat, missing, 1, &diag));
    CHECK(ag_diag_has_errors(&diag));
    ag_diag_free(&diag);
    ag_arena_free(&arena);

    snprintf(p, sizeof(p), "rm -rf '%s'", dir);
    CHECK(system(p) == 0);
}

/* ---- fixtures and real-world schemas ------------------------------------------------------ */

static char *
slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t) n + 1);
    size_t got = fread(s, 1, (size_t) n, f);
    s[got] = '\0';
    fclose(f);
    return s;
}

static int
cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *) a, *(char *const *) b);
}

/* Load every *.sql of dir; with_dump: compare with the .dump beside it when present.
 * Returns the number of files loaded. */
static int
load_folder_files(const char *dir, bool with_dump)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    char *names[256];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < ARRAY_LEN(names)) {
        size_t len = strlen(e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".sql") == 0)
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    ag_qsort(names, n, sizeof(char *), cmp_names);
    for (size_t i = 0; i < n; i++) {
        char path[1024];
        snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
        AgArena arena;
        ag_arena_init(&arena);
        Catalog *cat = cat_new(&arena);
        AgDiag diag;
        ag_diag_init(&diag);
        const char *paths[] = {path};
        bool ok = prs_load_paths(cat, paths, 1, &diag);
        if (!ok)
            ag_diag_print(&diag, stderr);
        check_count++;
        if (!ok) {
            check_failures++;
            fprintf(stderr, "%s: expected to load without errors\n", path);
        }
        if (with_dump) {
            char dump_path[1024];
            snprintf(dump_path, sizeof(dump_path), "%.*s.dump", (int) (strlen(path) - 4), path);
            char *want = slurp(dump_path);
            if (want && getenv("AUTOGEN_UPDATE_GOLDEN")) {
                /* rewrite from the parser; the reviewer reads the diff (the files were
                 * made by introspecting PostgreSQL: tests/e2e can check them again) */
                AgBuf b;
                ag_buf_init(&b);
                cat_dump(cat, &b);
                FILE *f = fopen(dump_path, "w");
                if (f) {
                    fputs(ag_buf_cstr(&b), f);
                    fclose(f);
                }
                ag_buf_free(&b);
            } else if (want) {
                AgBuf b;
                ag_buf_init(&b);
                cat_dump(cat, &b);
                if (strcmp(ag_buf_cstr(&b), want) != 0)
                    fprintf(stderr, "%s: parse differs from %s (introspected)\n", path, dump_path);
                CHECK_STR_EQ(ag_buf_cstr(&b), want);
                ag_buf_free(&b);
                free(want);
            }
        }
        ag_diag_free(&diag);
        ag_arena_free(&arena);
        free(names[i]);
    }
    return (int) n;
}

static void
test_fixtures(void)
{
    const char *root = getenv("AUTOGEN_SOURCE_ROOT");
    char dir[1024];
    snprintf(dir, sizeof(dir), "%s/test-fixtures/parser", root ? root : ".");
    CHECK(load_folder_files(dir, true) > 0);
    /* shared/ sits beside the repository; without it the real-world part is skipped */
    snprintf(dir, sizeof(dir), "%s/../shared/realworld", root ? root : ".");
    int n = load_folder_files(dir, false);
    printf("test_parser: %d real-world schemas loaded\n", n);
}

/* ---- places ----------------------------------------------------------------------------- */

static void
test_places(void)
{
    /* columns count characters, tabs are one, CRLF lines work */
    Loaded l;
    load_one(&l, "CREATE TABLE ü (\r\n\tä int,\r\n\tä int);");
    CHECK_STR_EQ(l.diags, "m.sql:3:2: error: column \"ä\" is defined twice in table public.\"ü\"\n"
                          "m.sql:2:2: note: first definition is here\n");
    loaded_free(&l);
    /* a byte order mark, an empty file, comments only */
    load_one(&l, "\xEF\xBB\xBF"
                 "CREATE TABLE t (a int);");
    CHECK_STR_EQ(l.diags, "");
    CHECK(cat_table_find(l.cat, "public", "t") != NULL);
    loaded_free(&l);
    load_one(&l, "");
    CHECK_STR_EQ(l.diags, "");
    loaded_free(&l);
    load_one(&l, "-- nothing\n/* at /* all */ */\n;;\n");
    CHECK_STR_EQ(l.diags, "");
    loaded_free(&l);
    /* a backslash line inside a dollar-quoted body is not a psql command */
    load_one(&l, "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $body$\n"
                 "\\x is not a meta command here\n$body$;\n\\connect other\n"
                 "CREATE TABLE t (a text DEFAULT E'\\n\\\\');");
    CHECK_STR_EQ(l.diags, "");
    loaded_free(&l);
    /* a deferred statement keeps its place */
    load_one(&l, "\n\n  ALTER TABLE later ADD CHECK (x > 0);\nCREATE TABLE later (y int);");
    CHECK_STR_EQ(l.diags, "m.sql:3:25: error: column \"x\" referenced in a CHECK is not a "
                          "column of table public.later\n");
    loaded_free(&l);
}

int
main(void)
{
    test_features();
    test_errors();
    test_files_any_order();
    test_folder();
    test_places();
    test_fixtures();
    return check_report("test_parser");
}

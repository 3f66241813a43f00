/*
 * catalog/introspect.c: read a live database's catalog into a Catalog, field by field as
 * parser/ fills it from the model DDL that created the database (see catalog.h).
 *
 * Shape: one read-only REPEATABLE READ transaction (or a savepoint when the caller is
 * already inside a transaction) with search_path = '' set locally, so format_type and
 * pg_get_expr print qualified names. Nine set-based queries whatever the number of
 * tables: schemas, extensions, enums, sequences, tables, columns, constraints, indexes,
 * index keys. Comments come with each object's row through a LEFT JOIN on pg_description
 * rather than from a query of their own. Columns, constraints and keys find their table
 * or index through an oid hash map, never by name.
 *
 * Rules shared with the parser (both sides must change together):
 *   - the public schema is not a CatSchema (it always exists); every other schema is;
 *   - a collation equal to the default (the type's for a column, the key column's or the
 *     key type's for an index key) and a default operator class (opcdefault) are NULL;
 *   - nulls_first is the effective value (DESC without NULLS LAST gives true);
 *   - an extension's comment equal to its control file's comment is NULL (CREATE
 *     EXTENSION sets it, the model never writes it);
 *   - a version table given without a schema means public.version_table.
 *
 * Not here: canonical forms (canon*.c), comparing (diff/), connecting (cmd/).
 * TODO: partitioning and inheritance (partition children load as plain tables, and
 *       their cloned constraints and attached indexes are skipped); an index key
 *       collation on an expression is compared with the key type's default, not with
 *       the expression's collation as pg_get_indexdef does.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "catalog/introspect.h"
#include "catalog/introspect_internal.h"

/* Values spliced into the queries, named once (STYLE.md section 6). */
#define REGCLASS_CLASS        "'pg_catalog.pg_class'::pg_catalog.regclass"
#define REGCLASS_NAMESPACE    "'pg_catalog.pg_namespace'::pg_catalog.regclass"
#define REGCLASS_TYPE         "'pg_catalog.pg_type'::pg_catalog.regclass"
#define REGCLASS_EXTENSION    "'pg_catalog.pg_extension'::pg_catalog.regclass"
#define REGCLASS_CONSTRAINT   "'pg_catalog.pg_constraint'::pg_catalog.regclass"
#define RELKIND_TABLES        "'r', 'p'"
#define RELKIND_SEQUENCE      "'S'"
#define RELKIND_MATVIEW       "'m'"
#define TYPTYPE_ENUM          "'e'"
#define DEPTYPE_EXTENSION     "'e'"
#define DEPTYPE_AUTO          "'a'"
#define DEPTYPE_INTERNAL      "'i'"
#define ATTGENERATED_STORED   's'
#define CONTYPES_LOADED       "'p', 'u', 'c', 'f', 'x'"
#define CONTYPES_WITH_INDEX   "'p', 'u', 'x'"
#define CONTYPES_WITH_KEYS    "'p', 'u', 'f'"
#define INDOPTION_DESC        0x0001 /* pg_index.h */
#define INDOPTION_NULLS_FIRST 0x0002
#define SAVEPOINT_NAME        "autogen_cat_load"
#define MAX_ATTNUM            1600 /* MaxHeapAttributeNumber, htup_details.h */

/* ---- oid -> pointer map (heap, freed at the end of the load) ------------------ */

typedef struct OidEntry {
    uint32_t oid; /* 0: empty slot; PostgreSQL never hands out oid 0 */
    void *ptr;
} OidEntry;

typedef struct OidMap {
    OidEntry *slots;
    uint32_t cap; /* power of two */
    uint32_t n;
} OidMap;

static uint32_t
oid_slot(uint32_t oid, uint32_t mask)
{
    return (uint32_t) ((oid * 0x9E3779B1u) >> 7) & mask;
}

static void
oidmap_put(OidMap *m, uint32_t oid, void *ptr)
{
    if ((m->n + 1) * 2 > m->cap) {
        uint32_t cap = m->cap ? m->cap * 2 : 1024;
        OidEntry *slots = ag_xmalloc(sizeof(OidEntry) * cap);
        memset(slots, 0, sizeof(OidEntry) * cap);
        for (uint32_t i = 0; i < m->cap; i++) {
            if (!m->slots[i].oid)
                continue;
            uint32_t j = oid_slot(m->slots[i].oid, cap - 1);
            while (slots[j].oid)
                j = (j + 1) & (cap - 1);
            slots[j] = m->slots[i];
        }
        free(m->slots);
        m->slots = slots;
        m->cap = cap;
    }
    uint32_t j = oid_slot(oid, m->cap - 1);
    while (m->slots[j].oid && m->slots[j].oid != oid)
        j = (j + 1) & (m->cap - 1);
    if (!m->slots[j].oid)
        m->n++;
    m->slots[j].oid = oid;
    m->slots[j].ptr = ptr;
}

static void *
oidmap_get(const OidMap *m, uint32_t oid)
{
    if (!m->cap)
        return NULL;
    for (uint32_t j = oid_slot(oid, m->cap - 1); m->slots[j].oid; j = (j + 1) & (m->cap - 1))
        if (m->slots[j].oid == oid)
            return m->slots[j].ptr;
    return NULL;
}

/* ---- load state ------------------------------------------------------------ */

/* Where the index-keys query writes the keys of one index. The arrays are allocated at
 * their final size by the query that found the index; they never move afterwards, while
 * the CatConstraint that points at them may (tables' constraint arrays grow). */
typedef struct KeyTarget {
    CatIndexElem *elems; /* NULL: keys are not wanted (PRIMARY KEY, UNIQUE use conkey) */
    uint32_t nelems;
    const char **include;
    uint32_t ninclude;
} KeyTarget;

/* A relation's column names by attribute number, so constraint keys (conkey, confkey)
 * come as numbers and are named here rather than by a subquery per constraint. */
typedef struct AttNames {
    const char **names; /* [attnum], NULL for a dropped or missing number */
    uint32_t n;         /* highest attnum + 1 */
} AttNames;

typedef struct Load {
    Catalog *cat;
    AgArena *arena; /* cat->arena */
    AgArena tmp;    /* freed at the end of the load: the AttNames */
    PGconn *conn;
    const CatFilter *filter;
    AgDiag *diag;
    int ver;       /* PQserverVersion */
    AgBuf q;       /* the query being built */
    OidMap tables; /* pg_class oid -> CatTable */
    OidMap keys;   /* index oid -> KeyTarget */
    OidMap atts;   /* pg_class oid -> AttNames (loaded tables, and tables FKs reference) */
} Load;

static const AgLoc no_loc = {0};

/* Run q; on failure record "query failed" with the query text and return NULL.
 * The caller PQclears a non-NULL result. */
static PGresult *
exec_or_report(Load *ld, const char *sql, ExecStatusType want)
{
    return cat_pq_exec(ld->conn, ld->diag, sql, want);
}

static PGresult *
query_or_report(Load *ld)
{
    return exec_or_report(ld, ag_buf_cstr(&ld->q), PGRES_TUPLES_OK);
}

/* Column number of a result field; every name asked for is in the SELECT list. */
static int
field(const PGresult *res, const char *name)
{
    int f = PQfnumber(res, name);
    assert(f >= 0 && "a field name in this file does not match its SELECT list");
    return f;
}

/* NULL for SQL NULL; else the value copied into the catalog's arena. */
static const char *
get_str(Load *ld, const PGresult *res, int row, int f)
{
    return cat_pq_str(ld->arena, res, row, f);
}

static bool
get_bool(const PGresult *res, int row, int f)
{
    return cat_pq_bool(res, row, f);
}

static int64_t
get_int(const PGresult *res, int row, int f)
{
    return PQgetisnull(res, row, f) ? 0 : strtoll(PQgetvalue(res, row, f), NULL, 10);
}

static uint32_t
get_oid(const PGresult *res, int row, int f)
{
    return PQgetisnull(res, row, f) ? 0 : (uint32_t) strtoul(PQgetvalue(res, row, f), NULL, 10);
}

static char
get_char(const PGresult *res, int row, int f)
{
    return cat_pq_char(res, row, f);
}

/* An expression printed by the server, with its canonical form. The server's own text
 * always parses; if the canonicaliser still refuses it, keep the text as its own canon
 * (the diff then shows it) and warn rather than lose the expression. */
static CatExpr *
get_expr(Load *ld, const PGresult *res, int row, int f)
{
    if (PQgetisnull(res, row, f))
        return NULL;
    const char *sql = PQgetvalue(res, row, f);
    CatExpr *e = cat_expr_new(ld->arena, sql);
    if (e)
        return e;
    ag_diag_warning(ld->diag, no_loc, "cannot canonicalise an expression printed by the server");
    ag_diag_detail(ld->diag, "expression was: %s", sql);
    e = ag_arena_alloc(ld->arena, sizeof(CatExpr));
    e->sql = ag_arena_strdup(ld->arena, sql);
    e->canon = e->sql;
    return e;
}

static uint32_t
get_str_array(Load *ld, const PGresult *res, int row, int f, const char ***out)
{
    return cat_pq_str_array(ld->arena, res, row, f, out);
}

/* ---- shared WHERE fragments --------------------------------------------------- */

/* Conditions on the namespace alias nsp: not a system schema, and in filter->schemas
 * when the filter names some. Each line starts with AND. */
static void
put_schema_filter(Load *ld, const char *nsp)
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
        /* PQescapeLiteral fails only on out of memory or invalid encoding. */
        ag_buf_printf(&ld->q, "%s%s", i ? ", " : "", lit ? lit : "NULL");
        PQfreemem(lit);
    }
    ag_buf_puts(&ld->q, ")\n");
}

/* The object (classid, objoid) does not belong to an extension. */
static void
put_not_extension_member(Load *ld, const char *classid, const char *objoid)
{
    ag_buf_printf(&ld->q,
                  "  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x\n"
                  "                  WHERE x.classid = %s\n"
                  "                    AND x.objid = %s\n"
                  "                    AND x.deptype = " DEPTYPE_EXTENSION ")\n",
                  classid, objoid);
}

/* SQL literal condition "the relation (nsp, rel) is the version table"; NULL when
 * the filter names none. */
static void
put_not_version_table(Load *ld, const char *nsp, const char *rel)
{
    if (!ld->filter || !ld->filter->version_table)
        return;
    const char *schema = ld->filter->version_schema ? ld->filter->version_schema : "public";
    char *ls = PQescapeLiteral(ld->conn, schema, strlen(schema));
    char *lt =
        PQescapeLiteral(ld->conn, ld->filter->version_table, strlen(ld->filter->version_table));
    ag_buf_printf(&ld->q, "  AND NOT COALESCE(%s.nspname = %s AND %s.relname = %s, false)\n", nsp,
                  ls ? ls : "NULL", rel, lt ? lt : "NULL");
    PQfreemem(ls);
    PQfreemem(lt);
}

/* Every condition that selects a table c in namespace n: the same for the tables query
 * and for each query that hangs things off tables, so both agree on the set. */
static void
put_table_filter(Load *ld)
{
    ag_buf_puts(&ld->q, "  AND c.relkind IN (" RELKIND_TABLES ")\n");
    put_schema_filter(ld, "n");
    put_not_extension_member(ld, REGCLASS_CLASS, "c.oid");
    put_not_version_table(ld, "n", "c");
}

/* put_table_filter for the queries of indexes and their keys: materialized views
 * carry indexes too. */
static void
put_index_table_filter(Load *ld)
{
    ag_buf_puts(&ld->q, "  AND c.relkind IN (" RELKIND_TABLES ", " RELKIND_MATVIEW ")\n");
    put_schema_filter(ld, "n");
    put_not_extension_member(ld, REGCLASS_CLASS, "c.oid");
    put_not_version_table(ld, "n", "c");
}

/* LEFT JOIN of the comment on an object, as alias dsc. One index probe per row
 * (OFFSET 0 keeps the subquery from being flattened into a join): right after a bulk
 * load pg_description's statistics still say it is nearly empty, and the planner's
 * nested loop over a materialised scan of it grew as tables x comments. */
static void
put_comment_join(Load *ld, const char *classid, const char *objoid, const char *objsubid)
{
    ag_buf_printf(&ld->q,
                  "LEFT JOIN LATERAL (SELECT d.description\n"
                  "                   FROM pg_catalog.pg_description d\n"
                  "                   WHERE d.objoid = %s\n"
                  "                     AND d.classoid = %s\n"
                  "                     AND d.objsubid = %s\n"
                  "                   OFFSET 0) dsc ON true\n",
                  objoid, classid, objsubid);
}

static CatObject *
add_object(Load *ld, CatKind kind, const char *schema, const char *name)
{
    CatObject *o = cat_add(ld->cat, kind, schema, name, no_loc);
    if (!o) {
        /* Only possible when the catalog already held objects before the load. */
        ag_diag_error(ld->diag, no_loc, "%s %s%s%s is already in the catalog", cat_kind_sql(kind),
                      schema ? schema : "", schema ? "." : "", name);
    }
    return o;
}

/* ---- schemas ---------------------------------------------------------------------- */

static bool
load_schemas(Load *ld)
{
    ag_buf_reset(&ld->q);
    ag_buf_puts(&ld->q, "SELECT n.nspname,\n"
                        "       dsc.description\n"
                        "FROM pg_catalog.pg_namespace n\n");
    put_comment_join(ld, REGCLASS_NAMESPACE, "n.oid", "0");
    ag_buf_puts(&ld->q, "WHERE n.nspname <> 'public'\n");
    put_schema_filter(ld, "n");
    put_not_extension_member(ld, REGCLASS_NAMESPACE, "n.oid");
    /* A schema of its own for the version table belongs to autogen, not to the model. */
    const char *vs = ld->filter ? ld->filter->version_schema : NULL;
    if (vs && ld->filter->version_table && strcmp(vs, "public") != 0) {
        char *lit = PQescapeLiteral(ld->conn, vs, strlen(vs));
        if (lit) {
            ag_buf_printf(&ld->q, "  AND n.nspname <> %s\n", lit);
            PQfreemem(lit);
        }
    }
    PGresult *res = query_or_report(ld);
    if (!res)
        return false;
    int f_name = field(res, "nspname");
    int f_comment = field(res, "description");
    bool ok = true;
    for (int r = 0; r < PQntuples(res) && ok; r++) {
        CatObject *o = add_object(ld, CAT_SCHEMA, NULL, PQgetvalue(res, r, f_name));
        ok = o != NULL;
        if (ok)
            o->comment = get_str(ld, res, r, f_comment);
    }
    PQclear(res);
    return ok;
}

/* ---- extensions ------------------------------------------------------------------- */

static bool
load_extensions(Load *ld)
{
    ag_buf_reset(&ld->q);
    ag_buf_puts(&ld->q, "SELECT e.extname,\n"
                        "       n.nspname,\n"
                        "       e.extversion,\n"
                        "       CASE WHEN dsc.description IS DISTINCT FROM ae.comment\n"
                        "            THEN dsc.description END AS description\n"
                        "FROM pg_catalog.pg_extension e\n"
                        "JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace\n"
                        "LEFT JOIN pg_catalog.pg_available_extensions ae ON ae.name = e.extname\n");
    put_comment_join(ld, REGCLASS_EXTENSION, "e.oid", "0");
    ag_buf_puts(&ld->q, "WHERE true\n");
    put_schema_filter(ld, "n");
    PGresult *res = query_or_report(ld);
    if (!res)
        return false;
    int f_name = field(res, "extname");
    int f_schema = field(res, "nspname");
    int f_version = field(res, "extversion");
    int f_comment = field(res, "description");
    bool ok = true;
    for (int r = 0; r < PQntuples(res) && ok; r++) {
        CatExtension *e = (CatExtension *) add_object(
            ld, CAT_EXTENSION, PQgetvalue(res, r, f_schema), PQgetvalue(res, r, f_name));
        ok = e != NULL;
        if (ok) {
            e->version = get_str(ld, res, r, f_version);
            e->obj.comment = get_str(ld, res, r, f_comment);
        }
    }
    PQclear(res);
    return ok;
}

/* ---- enums ------------------------------------------------------------------------ */

static bool
load_enums(Load *ld)
{
    ag_buf_reset(&ld->q);
    ag_buf_puts(&ld->q, "SELECT t.oid,\n"
                        "       n.nspname,\n"
                        "       t.typname,\n"
                        "       l.enumlabel,\n"
                        "       dsc.description\n"
                        "FROM pg_catalog.pg_type t\n"
                        "JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace\n"
                        "LEFT JOIN pg_catalog.pg_enum l ON l.enumtypid = t.oid\n");
    put_comment_join(ld, REGCLASS_TYPE, "t.oid", "0");
    ag_buf_puts(&ld->q, "WHERE t.typtype = " TYPTYPE_ENUM "\n");
    put_schema_filter(ld, "n");
    put_not_extension_member(ld, REGCLASS_TYPE, "t.oid");
    ag_buf_puts(&ld->q, "ORDER BY t.oid, l.enumsortorder\n");
    PGresult *res = query_or_report(ld);
    if (!res)
        return false;
    int f_oid = field(res, "oid");
    int f_schema = field(res, "nspname");
    int f_name = field(res, "typname");
    int f_label = field(res, "enumlabel");
    int f_comment = field(res, "description");
    int nrows = PQntuples(res);
    bool ok = true;
    /* Rows come grouped by type: one per label, or one with a NULL label for ENUM (). */
    for (int r = 0; r < nrows && ok;) {
        uint32_t oid = get_oid(res, r, f_oid);
        int end = r + 1;
        while (end < nrows && get_oid(res, end, f_oid) == oid)
            end++;
        CatEnum *e = (CatEnum *) add_object(ld, CAT_ENUM, PQgetvalue(res, r, f_schema),
                                            PQgetvalue(res, r, f_name));
        ok = e != NULL;
        if (ok) {
            e->obj.comment = get_str(ld, res, r, f_comment);
            e->labels = ag_arena_alloc(ld->arena, sizeof(char *) * (size_t) (end - r));
            for (int i = r; i < end; i++)
                if (!PQgetisnull(res, i, f_label))
                    e->labels[e->nlabels++] = get_str(ld, res, i, f_label);
        }
        r = end;
    }
    PQclear(res);
    return ok;
}

/* ---- domains and composite types ---------------------------------------------------- */

#define TYPTYPE_DOMAIN    "'d'"
#define TYPTYPE_COMPOSITE "'c'"
#define RELKIND_COMPOSITE "'c'"
#define CONTYPE_CHECK     "'c'"

/* Domains with their CHECK constraints: one row per constraint (or one with a NULL
 * constraint for a domain without any), grouped by domain. NOT NULL is typnotnull (on
 * PostgreSQL 17 also a contype 'n' row, left out). Collation as for columns: NULL when
 * it is the base type's. */
static bool
load_domains(Load *ld)
{
    ag_buf_reset(&ld->q);
    ag_buf_puts(&ld->q, "SELECT t.oid,\n"
                        "       n.nspname,\n"
                        "       t.typname,\n"
                        "       pg_catalog.format_type(t.typbasetype, t.typtypmod) AS base_type,\n"
                        "       CASE WHEN t.typcollation <> bt.typcollation\n"
                        "            THEN co.collname END AS collname,\n"
                        "       CASE WHEN t.typcollation <> bt.typcollation\n"
                        "            THEN con.nspname END AS collschema,\n"
                        "       t.typnotnull,\n"
                        "       pg_catalog.pg_get_expr(t.typdefaultbin, 0) AS default_expr,\n"
                        "       k.conname,\n"
                        "       pg_catalog.pg_get_expr(k.conbin, 0) AS check_expr,\n"
                        "       k.convalidated,\n"
                        "       kdsc.description AS con_comment,\n"
                        "       dsc.description\n"
                        "FROM pg_catalog.pg_type t\n"
                        "JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace\n"
                        "JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype\n"
                        "LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation\n"
                        "LEFT JOIN pg_catalog.pg_namespace con ON con.oid = co.collnamespace\n"
                        "LEFT JOIN pg_catalog.pg_constraint k\n"
                        "  ON k.contypid = t.oid\n"
                        " AND k.contype = " CONTYPE_CHECK "\n"
                        "LEFT JOIN pg_catalog.pg_description kdsc\n"
                        "  ON kdsc.classoid = " REGCLASS_CONSTRAINT "\n"
                        " AND kdsc.objoid = k.oid\n"
                        " AND kdsc.objsubid = 0\n");
    put_comment_join(ld, REGCLASS_TYPE, "t.oid", "0");
    ag_buf_puts(&ld->q, "WHERE t.typtype = " TYPTYPE_DOMAIN "\n");
    put_schema_filter(ld, "n");
    put_not_extension_member(ld, REGCLASS_TYPE, "t.oid");
    ag_buf_puts(&ld->q, "ORDER BY t.oid, k.conname COLLATE \"C\"\n");
    PGresult *res = query_or_report(ld);
    if (!res)
        return false;
    int f_oid = field(res, "oid");
    int f_schema = field(res, "nspname");
    int f_name = field(res, "typname");
    int f_type = field(res, "base_type");
    int f_coll = field(res, "collname");
    int f_collschema = field(res, "collschema");
    int f_notnull = field(res, "typnotnull");
    int f_default = field(res, "default_expr");
    int f_conname = field(res, "conname");
    int f_check = field(res, "check_expr");
    int f_validated = field(res, "convalidated");
    int f_con_comment = field(res, "con_comment");
    int f_comment = field(res, "description");
    int nrows = PQntuples(res);
    bool ok = true;
    for (int r = 0; r < nrows && ok;) {
        uint32_t oid = get_oid(res, r, f_oid);
        int end = r + 1;
        while (end < nrows && get_oid(res, end, f_oid) == oid)
            end++;
        CatDomain *d = (CatDomain *) add_object(ld, CAT_DOMAIN, PQgetvalue(res, r, f_schema),
                                                PQgetvalue(res, r, f_name));
        ok = d != NULL;
        if (ok) {
            d->obj.comment = get_str(ld, res, r, f_comment);
            d->type = get_str(ld, res, r, f_type);
            d->collation = get_str(ld, res, r, f_coll);
            d->collation_schema = get_str(ld, res, r, f_collschema);
            d->not_null = get_bool(res, r, f_notnull);
            d->default_expr = get_expr(ld, res, r, f_default);
            d->constraints = ag_arena_alloc(ld->arena, sizeof(CatConstraint) * (size_t) (end - r));
            for (int i = r; i < end; i++) {
                if (PQgetisnull(res, i, f_conname))
                    continue;
                d->constraints[d->nconstraints++] = (CatConstraint){
                    .name = get_str(ld, res, i, f_conname),
                    .type = CAT_CON_CHECK,
                    .check = get_expr(ld, res, i, f_check),
                    .not_valid = !get_bool(res, i, f_validated),
                    .comment = get_str(ld, res, i, f_con_comment),
                };
            }
        }
        r = end;
    }
    PQclear(res);
    return ok;
}

/* Composite types (CREATE TYPE ... AS): the pg_type row whose typrelid is a relkind 'c'
 * class, one row per attribute in attnum order (one with a NULL attribute for AS ()).
 * Tables' row types are typtype 'c' too but their class is not relkind 'c'. */
static bool
load_composites(Load *ld)
{
    ag_buf_reset(&ld->q);
    ag_buf_puts(&ld->q, "SELECT t.oid,\n"
                        "       n.nspname,\n"
                        "       t.typname,\n"
                        "       a.attname,\n"
                        "       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type_name,\n"
                        "       CASE WHEN a.attcollation <> at.typcollation\n"
                        "            THEN co.collname END AS collname,\n"
                        "       CASE WHEN a.attcollation <> at.typcollation\n"
                        "            THEN con.nspname END AS collschema,\n"
                        "       adsc.description AS attr_comment,\n"
                        "       dsc.description\n"
                        "FROM pg_catalog.pg_type t\n"
                        "JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace\n"
                        "JOIN pg_catalog.pg_class c\n"
                        "  ON c.oid = t.typrelid\n"
                        " AND c.relkind = " RELKIND_COMPOSITE "\n"
                        "LEFT JOIN (pg_catalog.pg_attribute a\n"
                        "           JOIN pg_catalog.pg_type at ON at.oid = a.atttypid)\n"
                        "  ON a.attrelid = c.oid\n"
                        " AND a.attnum > 0\n"
                        " AND NOT a.attisdropped\n"
                        "LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation\n"
                        "LEFT JOIN pg_catalog.pg_namespace con ON con.oid = co.collnamespace\n"
                        "LEFT JOIN pg_catalog.pg_description adsc\n"
                        "  ON adsc.classoid = " REGCLASS_CLASS "\n"
                        " AND adsc.objoid = c.oid\n"
                        " AND adsc.objsubid = a.attnum\n");
    put_comment_join(ld, REGCLASS_TYPE, "t.oid", "0");
    ag_buf_puts(&ld->q, "WHERE t.typtype = " TYPTYPE_COMPOSITE "\n");
    put_schema_filter(ld, "n");
    put_not_extension_member(ld, REGCLASS_TYPE, "t.oid");
    ag_buf_puts(&ld->q, "ORDER BY t.oid, a.attnum\n");
    PGresult *res = query_or_report(ld);
    if (!res)
        return false;
    int f_oid = field(res, "oid");
    int f_schema = field(res, "nspname");
    int f_name = field(res, "typname");
    int f_attname = field(res, "attname");
    int f_type = field(res, "type_name");
    int f_coll = field(res, "collname");
    int f_collschema = field(res, "collschema");
    int f_attr_comment = field(res, "attr_comment");
    int f_comment = field(res, "description");
    int nrows = PQntuples(res);
    bool ok = true;
    for (int r = 0; r < nrows && ok;) {
        uint32_t oid = get_oid(res, r, f_oid);
        int end = r + 1;
        while (end < nrows && get_oid(res, end, f_oid) == oid)
            end++;
        CatComposite *ct = (CatComposite *) add_object(
            ld, CAT_COMPOSITE, PQgetvalue(res, r, f_schema), PQgetvalue(res, r, f_name));
        ok = ct != NULL;
        if (ok) {
            ct->obj.comment = get_str(ld, res, r, f_comment);
            ct->attrs = ag_arena_alloc(ld->arena, sizeof(CatColumn) * (size_t) (end - r));
            for (int i = r; i < end; i++) {
                if (PQgetisnull(res, i, f_attname))
                    continue;
                ct->attrs[ct->nattrs++] = (CatColumn){
                    .name = get_str(ld, res, i, f_attname),
                    .type = get_str(ld, res, i, f_type),
                    .collation = get_str(ld, res, i, f_coll),
                    .collation_schema = get_str(ld, res, i, f_collschema),
                    .comment = get_str(ld, res, i, f_attr_comment),
                };
            }
        }
        r = end;
    }
    PQclear(res);
    return ok;
}

/* ---- sequences -------------------------------------------------------------------- */

/* The SELECT-list lines of a pg_sequence row aliased s, with names prefixed by p. */
static void
put_seq_columns(Load *ld, const char *p)
{
    ag_buf_printf(&ld->q,
                  "       pg_catalog.format_type(s.seqtypid, NULL) AS %sseqtype,\n"
                  "       s.seqstart AS %sseqstart,\n"
                  "       s.seqincrement AS %sseqincrement,\n"
                  "       s.seqmin AS %sseqmin,\n"
                  "       s.seqmax AS %sseqmax,\n"
                  "       s.seqcache AS %sseqcache,\n"
                  "       s.seqcycle AS %sseqcycle,\n",
                  p, p, p, p, p, p, p);
}

typedef struct SeqFields {
    int type, start, increment, min, max, cache, cycle;
} SeqFields;

static SeqFields
seq_fields(const PGresult *res, const char *p)
{
    char name[64];
    SeqFields sf;
#define SEQ_FIELD(member, col)                                                                     \
    snprintf(name, sizeof(name), "%s%s", p, col);                                                  \
    sf.member = field(res, name)
    SEQ_FIELD(type, "seqtype");
    SEQ_FIELD(start, "seqstart");
    SEQ_FIELD(increment, "seqincrement");
    SEQ_FIELD(min, "seqmin");
    SEQ_FIELD(max, "seqmax");
    SEQ_FIELD(cache, "seqcache");
    SEQ_FIELD(cycle, "seqcycle");
#undef SEQ_FIELD
    return sf;
}

static void
get_seq(Load *ld, const PGresult *res, int r, const SeqFields *sf, CatSeqOptions *o)
{
    o->type = get_str(ld, res, r, sf->type);
    o->start = get_int(res, r, sf->start);
    o->increment = get_int(res, r, sf->increment);
    o->min = get_int(res, r, sf->min);
    o->max = get_int(res, r, sf->max);
    o->cache = get_int(res, r, sf->cache);
    o->cycle = get_bool(res, r, sf->cycle);
}

static bool
load_sequences(Load *ld)
{
    ag_buf_reset(&ld->q);
    ag_buf_puts(&ld->q, "SELECT n.nspname,\n"
                        "       c.relname,\n");
    put_seq_columns(ld, "");
    ag_buf_puts(&ld->q, "       tn.nspname AS owned_schema,\n"
                        "       tc.relname AS owned_table,\n"
                        "       ta.attname AS owned_column,\n"
                        "       dsc.description\n"
                        "FROM pg_catalog.pg_class c\n"
                        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
                        "JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid\n"
                        "LEFT JOIN pg_catalog.pg_depend dep\n"
                        "  ON dep.classid = " REGCLASS_CLASS "\n"
                        " AND dep.objid = c.oid\n"
                        " AND dep.objsubid = 0\n"
                        " AND dep.refclassid = " REGCLASS_CLASS "\n"
                        " AND dep.refobjsubid > 0\n"
                        " AND dep.deptype IN (" DEPTYPE_AUTO ", " DEPTYPE_INTERNAL ")\n"
                        "LEFT JOIN pg_catalog.pg_class tc ON tc.oid = dep.refobjid\n"
                        "LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace\n"
                        "LEFT JOIN pg_catalog.pg_attribute ta\n"
                        "  ON ta.attrelid = dep.refobjid\n"
                        " AND ta.attnum = dep.refobjsubid\n");
    put_comment_join(ld, REGCLASS_CLASS, "c.oid", "0");
    ag_buf_puts(&ld->q, "WHERE c.relkind = " RELKIND_SEQUENCE "\n"
                        "  AND dep.deptype IS DISTINCT FROM " DEPTYPE_INTERNAL "\n");
    put_schema_filter(ld, "n");
    put_not_extension_member(ld, REGCLASS_CLASS, "c.oid");
    /* A sequence owned by the version table goes with it. */
    put_not_version_table(ld, "tn", "tc");
    PGresult *res = query_or_report(ld);
    if (!res)
        return false;
    int f_schema = field(res, "nspname");
    int f_name = field(res, "relname");
    SeqFields sf = seq_fields(res, "");
    int f_oschema = field(res, "owned_schema");
    int f_otable = field(res, "owned_table");
    int f_ocolumn = field(res, "owned_column");
    int f_comment = field(res, "description");
    bool ok = true;
    for (int r = 0; r < PQntuples(res) && ok; r++) {
        CatSequence *s = (CatSequence *) add_object(ld, CAT_SEQUENCE, PQgetvalue(res, r, f_schema),
                                                    PQgetvalue(res, r, f_name));
        ok = s != NULL;
        if (!ok)
            break;
        get_seq(ld, res, r, &sf, &s->opts);
        s->owned_schema = get_str(ld, res, r, f_oschema);
        s->owned_table = get_str(ld, res, r, f_otable);
        s->owned_column = get_str(ld, res, r, f_ocolumn);
        s->obj.comment = get_str(ld, res, r, f_comment);
    }
    PQclear(res);
    return ok;
}

/* ---- tables and columns ------------------------------------------------------------- */

/* An empty AttNames for relation oid whose highest attribute number is max. */
static AttNames *
new_att_names(Load *ld, uint32_t oid, int64_t max)
{
    AttNames *an = ag_arena_alloc(&ld->tmp, sizeof(AttNames));
    if (max < 0 || max > MAX_ATTNUM)
        max = 0;
    an->n = (uint32_t) max + 1;
    an->names = ag_arena_alloc(&ld->tmp, sizeof(char *) * an->n);
    oidmap_put(&ld->atts, oid, an);
    return an;
}

static void
set_att_name(AttNames *an, int64_t num, const char *name)
{
    if (an && num > 0 && num < an->n)
        an->names[num] = name;
}

static bool
load_tables(Load *ld)
{
    ag_buf_reset(&ld->q);
    ag_buf_puts(&ld->q, "SELECT c.oid,\n"
                        "       n.nspname,\n"
                        "       c.relname,\n"
                        "       c.relpersistence,\n"
                        "       dsc.description\n"
                        "FROM pg_catalog.pg_class c\n"
                        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n");
    put_comment_join(ld, REGCLASS_CLASS, "c.oid", "0");
    ag_buf_puts(&ld->q, "WHERE true\n");
    put_table_filter(ld);
    PGresult *res = query_or_report(ld);
    if (!res)
        return false;
    int f_oid = field(res, "oid");
    int f_schema = field(res, "nspname");
    int f_name = field(res, "relname");
    int f_persistence = field(res, "relpersistence");
    int f_comment = field(res, "description");
    bool ok = true;
    for (int r = 0; r < PQntuples(res) && ok; r++) {
        CatTable *t = (CatTable *) add_object(ld, CAT_TABLE, PQgetvalue(res, r, f_schema),
                                              PQgetvalue(res, r, f_name));
        ok = t != NULL;
        if (!ok)
            break;
        t->unlogged = get_char(res, r, f_persistence) == 'u';
        t->obj.comment = get_str(ld, res, r, f_comment);
        oidmap_put(&ld->tables, get_oid(res, r, f_oid), t);
    }
    PQclear(res);
    return ok;
}

static bool
load_columns(Load *ld)
{
    ag_buf_reset(&ld->q);
    ag_buf_puts(&ld->q, "SELECT a.attrelid,\n"
                        "       a.attnum,\n"
                        "       a.attname,\n"
                        "       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type_name,\n"
                        "       CASE WHEN a.attcollation <> t.typcollation\n"
                        "            THEN co.collname END AS collname,\n"
                        "       CASE WHEN a.attcollation <> t.typcollation\n"
                        "            THEN con.nspname END AS collschema,\n"
                        "       a.attnotnull,\n"
                        /* A default cannot mention a column, so it deparses
                         * without its table (relid 0): naming the table would make
                         * the server build a relation cache entry for every table
                         * with a default, a third of this query's time at 10,000
                         * tables. A generated column's expression names columns. */
                        "       pg_catalog.pg_get_expr(ad.adbin,\n"
                        "                              CASE WHEN a.attgenerated = ''\n"
                        "                                   THEN 0 ELSE ad.adrelid END)\n"
                        "         AS default_expr,\n"
                        "       a.attidentity,\n"
                        "       a.attgenerated,\n");
    put_seq_columns(ld, "id_");
    ag_buf_puts(&ld->q, "       dsc.description\n"
                        "FROM pg_catalog.pg_attribute a\n"
                        "JOIN pg_catalog.pg_class c ON c.oid = a.attrelid\n"
                        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
                        "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid\n"
                        "LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation\n"
                        "LEFT JOIN pg_catalog.pg_namespace con ON con.oid = co.collnamespace\n"
                        "LEFT JOIN pg_catalog.pg_attrdef ad\n"
                        "  ON ad.adrelid = a.attrelid\n"
                        " AND ad.adnum = a.attnum\n"
                        /* LATERAL with OFFSET 0 (not flattened): attidentity becomes a
                         * one-time filter, so columns without identity (nearly all)
                         * skip the pg_depend probe that a join filter would still run */
                        "LEFT JOIN LATERAL (SELECT s.*\n"
                        "                   FROM pg_catalog.pg_depend idep\n"
                        "                   JOIN pg_catalog.pg_sequence s ON s.seqrelid = idep.objid\n"
                        "                   WHERE a.attidentity <> ''\n"
                        "                     AND idep.refclassid = " REGCLASS_CLASS "\n"
                        "                     AND idep.refobjid = a.attrelid\n"
                        "                     AND idep.refobjsubid = a.attnum\n"
                        "                     AND idep.classid = " REGCLASS_CLASS "\n"
                        "                     AND idep.deptype = " DEPTYPE_INTERNAL "\n"
                        "                   OFFSET 0) s ON true\n");
    /* A plain join for columns: ten times the rows, where a merge or hash join wins. */
    ag_buf_puts(&ld->q, "LEFT JOIN pg_catalog.pg_description dsc\n"
                        "  ON dsc.classoid = " REGCLASS_CLASS "\n"
                        " AND dsc.objoid = a.attrelid\n"
                        " AND dsc.objsubid = a.attnum\n");
    ag_buf_puts(&ld->q, "WHERE a.attnum > 0\n"
                        "  AND NOT a.attisdropped\n");
    put_table_filter(ld);
    ag_buf_puts(&ld->q, "ORDER BY a.attrelid, a.attnum\n");
    PGresult *res = query_or_report(ld);
    if (!res)
        return false;
    int f_rel = field(res, "attrelid");
    int f_num = field(res, "attnum");
    int f_name = field(res, "attname");
    int f_type = field(res, "type_name");
    int f_coll = field(res, "collname");
    int f_collschema = field(res, "collschema");
    int f_notnull = field(res, "attnotnull");
    int f_default = field(res, "default_expr");
    int f_identity = field(res, "attidentity");
    int f_generated = field(res, "attgenerated");
    SeqFields sf = seq_fields(res, "id_");
    int f_comment = field(res, "description");
    CatTable *t = NULL;
    AttNames *an = NULL;
    uint32_t t_oid = 0;
    for (int r = 0; r < PQntuples(res); r++) {
        uint32_t oid = get_oid(res, r, f_rel);
        if (oid != t_oid) {
            t_oid = oid;
            t = oidmap_get(&ld->tables, oid);
            /* Rows come ordered by table and attnum: the run of this table's rows is its
             * count, and the run's last row has the highest number. */
            int end = r + 1;
            while (end < PQntuples(res) && get_oid(res, end, f_rel) == oid)
                end++;
            if (t) {
                cat_table_reserve_columns(ld->cat, t, (uint32_t) (end - r));
                an = new_att_names(ld, oid, get_int(res, end - 1, f_num));
            }
        }
        if (!t)
            continue; /* cannot happen: same filter as load_tables, same snapshot */
        CatColumn col = {0};
        col.name = get_str(ld, res, r, f_name);
        set_att_name(an, get_int(res, r, f_num), col.name);
        col.type = get_str(ld, res, r, f_type);
        col.collation = get_str(ld, res, r, f_coll);
        col.collation_schema = get_str(ld, res, r, f_collschema);
        col.not_null = get_bool(res, r, f_notnull);
        if (get_char(res, r, f_generated) == ATTGENERATED_STORED)
            col.generated = get_expr(ld, res, r, f_default);
        else
            col.default_expr = get_expr(ld, res, r, f_default);
        switch (get_char(res, r, f_identity)) {
        case CAT_IDENTITY_ALWAYS:
            col.identity = CAT_IDENTITY_ALWAYS;
            break;
        case CAT_IDENTITY_BY_DEFAULT:
            col.identity = CAT_IDENTITY_BY_DEFAULT;
            break;
        default:
            col.identity = CAT_IDENTITY_NONE;
            break;
        }
        if (col.identity != CAT_IDENTITY_NONE)
            get_seq(ld, res, r, &sf, &col.identity_seq);
        col.comment = get_str(ld, res, r, f_comment);
        cat_table_add_column(ld->cat, t, &col);
    }
    PQclear(res);
    return true;
}

/* ---- constraints ------------------------------------------------------------------ */

/* A KeyTarget for an index with natts columns of which nkey are keys; elems are wanted
 * only when with_elems (EXCLUDE constraints and plain indexes). */
static KeyTarget *
new_key_target(Load *ld, uint32_t index_oid, int64_t natts, int64_t nkey, bool with_elems)
{
    KeyTarget *kt = ag_arena_alloc(ld->arena, sizeof(KeyTarget));
    if (nkey < 0 || natts < nkey)
        return kt;
    if (with_elems && nkey > 0) {
        kt->nelems = (uint32_t) nkey;
        kt->elems = ag_arena_alloc(ld->arena, sizeof(CatIndexElem) * kt->nelems);
    }
    if (natts > nkey) {
        kt->ninclude = (uint32_t) (natts - nkey);
        kt->include = ag_arena_alloc(ld->arena, sizeof(char *) * kt->ninclude);
    }
    oidmap_put(&ld->keys, index_oid, kt);
    return kt;
}

/* The names of the attribute numbers in int2[] text arr ("{1,3}") of relation oid, from
 * ld->atts; false when the relation or a number is unknown there. */
static bool
att_names_of(Load *ld, uint32_t oid, const char *arr, const char ***out, uint32_t *nout)
{
    *out = NULL;
    *nout = 0;
    const AttNames *an = oidmap_get(&ld->atts, oid);
    if (!an || *arr != '{')
        return false;
    uint32_t cap = 1;
    for (const char *p = arr; *p; p++)
        cap += *p == ',';
    const char **names = ag_arena_alloc(ld->arena, sizeof(char *) * cap);
    uint32_t n = 0;
    for (const char *p = arr + 1; *p && *p != '}';) {
        char *end;
        long num = strtol(p, &end, 10);
        if (end == p || num <= 0 || (unsigned long) num >= an->n || !an->names[num])
            return false;
        names[n++] = an->names[num];
        p = *end == ',' ? end + 1 : end;
    }
    *out = n ? names : NULL;
    *nout = n;
    return true;
}

/* Column names of the tables that foreign keys reference outside the loaded set (another
 * schema than the filter's, an extension's table): one more query, only when there are
 * such keys. */
static bool
load_ref_att_names(Load *ld, const PGresult *res, int f_type, int f_refrel)
{
    ag_buf_reset(&ld->q);
    ag_buf_puts(&ld->q, "SELECT a.attrelid, a.attnum, a.attname\n"
                        "FROM pg_catalog.pg_attribute a\n"
                        "WHERE a.attnum > 0\n"
                        "  AND NOT a.attisdropped\n"
                        "  AND a.attrelid IN (0");
    bool any = false;
    for (int r = 0; r < PQntuples(res); r++) {
        uint32_t oid = get_oid(res, r, f_refrel);
        if (get_char(res, r, f_type) == CAT_CON_FOREIGN && !oidmap_get(&ld->atts, oid)) {
            ag_buf_printf(&ld->q, ", %u", oid);
            any = true;
        }
    }
    if (!any)
        return true;
    ag_buf_puts(&ld->q, ")\nORDER BY a.attrelid, a.attnum\n");
    PGresult *ar = query_or_report(ld);
    if (!ar)
        return false;
    AttNames *an = NULL;
    uint32_t cur = 0;
    for (int r = 0; r < PQntuples(ar); r++) {
        uint32_t oid = get_oid(ar, r, 0);
        if (oid != cur) {
            cur = oid;
            int end = r + 1;
            while (end < PQntuples(ar) && get_oid(ar, end, 0) == oid)
                end++;
            an = new_att_names(ld, oid, get_int(ar, end - 1, 1));
        }
        set_att_name(an, get_int(ar, r, 1), get_str(ld, ar, r, 2));
    }
    PQclear(ar);
    return true;
}

static bool
load_constraints(Load *ld)
{
    ag_buf_reset(&ld->q);
    ag_buf_puts(&ld->q, "SELECT con.conrelid,\n"
                        "       con.conname,\n"
                        "       con.contype,\n"
                        "       con.condeferrable,\n"
                        "       con.condeferred,\n"
                        "       con.convalidated,\n"
                        "       con.connoinherit,\n"
                        "       CASE WHEN con.contype = 'c'\n"
                        "            THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid)\n"
                        "            END AS check_expr,\n"
                        "       con.conkey,\n"
                        "       con.confrelid,\n"
                        "       con.confkey,\n"
                        "       fn.nspname AS ref_schema,\n"
                        "       fc.relname AS ref_table,\n"
                        "       con.confmatchtype,\n"
                        "       con.confupdtype,\n"
                        "       con.confdeltype,\n"
                        "       i.indexrelid,\n"
                        "       i.indnatts,\n"
                        "       i.indnkeyatts,\n"
                        "       am.amname,\n"
                        "       pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS index_where,\n");
    ag_buf_puts(&ld->q, ld->ver >= 150000 ? "       i.indnullsnotdistinct,\n"
                                          : "       false AS indnullsnotdistinct,\n");
    ag_buf_puts(&ld->q, "       dsc.description\n"
                        "FROM pg_catalog.pg_constraint con\n"
                        "JOIN pg_catalog.pg_class c ON c.oid = con.conrelid\n"
                        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
                        "LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid\n"
                        "LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace\n"
                        "LEFT JOIN pg_catalog.pg_index i\n"
                        "  ON i.indexrelid = con.conindid\n"
                        " AND con.contype IN (" CONTYPES_WITH_INDEX ")\n"
                        "LEFT JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid\n"
                        "LEFT JOIN pg_catalog.pg_am am ON am.oid = ic.relam\n");
    put_comment_join(ld, REGCLASS_CONSTRAINT, "con.oid", "0");
    ag_buf_puts(&ld->q, "WHERE con.contype IN (" CONTYPES_LOADED ")\n"
                        "  AND con.conparentid = 0\n");
    put_table_filter(ld);
    PGresult *res = query_or_report(ld);
    if (!res)
        return false;
    int f_rel = field(res, "conrelid");
    int f_name = field(res, "conname");
    int f_type = field(res, "contype");
    int f_deferrable = field(res, "condeferrable");
    int f_deferred = field(res, "condeferred");
    int f_validated = field(res, "convalidated");
    int f_noinherit = field(res, "connoinherit");
    int f_check = field(res, "check_expr");
    int f_keys = field(res, "conkey");
    int f_refrel = field(res, "confrelid");
    int f_refs = field(res, "confkey");
    int f_ref_schema = field(res, "ref_schema");
    int f_ref_table = field(res, "ref_table");
    int f_match = field(res, "confmatchtype");
    int f_upd = field(res, "confupdtype");
    int f_del = field(res, "confdeltype");
    int f_index = field(res, "indexrelid");
    int f_natts = field(res, "indnatts");
    int f_nkey = field(res, "indnkeyatts");
    int f_method = field(res, "amname");
    int f_where = field(res, "index_where");
    int f_nnd = field(res, "indnullsnotdistinct");
    int f_comment = field(res, "description");
    if (!load_ref_att_names(ld, res, f_type, f_refrel)) {
        PQclear(res);
        return false;
    }
    bool ok = true;
    for (int r = 0; r < PQntuples(res) && ok; r++) {
        uint32_t rel = get_oid(res, r, f_rel);
        CatTable *t = oidmap_get(&ld->tables, rel);
        if (!t)
            continue;
        CatConstraint con = {0};
        con.name = get_str(ld, res, r, f_name);
        con.type = (CatConType) get_char(res, r, f_type);
        con.deferrable = get_bool(res, r, f_deferrable);
        con.initially_deferred = get_bool(res, r, f_deferred);
        con.comment = get_str(ld, res, r, f_comment);
        switch (con.type) {
        case CAT_CON_PRIMARY:
        case CAT_CON_UNIQUE:
        case CAT_CON_EXCLUDE: {
            if (con.type != CAT_CON_EXCLUDE)
                ok = att_names_of(ld, rel, PQgetvalue(res, r, f_keys), &con.columns,
                                  &con.ncolumns);
            con.nulls_not_distinct = con.type == CAT_CON_UNIQUE && get_bool(res, r, f_nnd);
            bool is_exclude = con.type == CAT_CON_EXCLUDE;
            KeyTarget *kt = new_key_target(ld, get_oid(res, r, f_index), get_int(res, r, f_natts),
                                           get_int(res, r, f_nkey), is_exclude);
            con.include = kt->include;
            con.ninclude = kt->ninclude;
            if (is_exclude) {
                con.exclude_method = get_str(ld, res, r, f_method);
                con.elems = kt->elems;
                con.nelems = kt->nelems;
                con.exclude_where = get_expr(ld, res, r, f_where);
            }
            break;
        }
        case CAT_CON_CHECK:
            con.check = get_expr(ld, res, r, f_check);
            con.no_inherit = get_bool(res, r, f_noinherit);
            con.not_valid = !get_bool(res, r, f_validated);
            break;
        case CAT_CON_FOREIGN:
            ok = att_names_of(ld, rel, PQgetvalue(res, r, f_keys), &con.columns,
                              &con.ncolumns) &&
                 att_names_of(ld, get_oid(res, r, f_refrel), PQgetvalue(res, r, f_refs),
                              &con.ref_columns, &con.nref_columns);
            con.ref_schema = get_str(ld, res, r, f_ref_schema);
            con.ref_table = get_str(ld, res, r, f_ref_table);
            con.match = get_char(res, r, f_match);
            con.on_update = get_char(res, r, f_upd);
            con.on_delete = get_char(res, r, f_del);
            con.not_valid = !get_bool(res, r, f_validated);
            break;
        }
        if (!ok)
            ag_diag_error(ld->diag, no_loc,
                          "constraint %s of table %s.%s names a column number the catalog "
                          "does not have (was the table changed during the read?)",
                          con.name, t->obj.schema, t->obj.name);
        else
            cat_table_add_constraint(ld->cat, t, &con);
    }
    PQclear(res);
    return ok;
}

/* ---- indexes ---------------------------------------------------------------------- */

static bool
load_indexes(Load *ld)
{
    ag_buf_reset(&ld->q);
    ag_buf_puts(&ld->q, "SELECT i.indexrelid,\n"
                        "       n.nspname,\n"
                        "       ic.relname AS index_name,\n"
                        "       c.relname AS table_name,\n"
                        "       i.indisunique,\n");
    ag_buf_puts(&ld->q, ld->ver >= 150000 ? "       i.indnullsnotdistinct,\n"
                                          : "       false AS indnullsnotdistinct,\n");
    ag_buf_puts(&ld->q, "       am.amname,\n"
                        "       i.indnatts,\n"
                        "       i.indnkeyatts,\n"
                        "       pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS index_where,\n"
                        "       ic.reloptions,\n"
                        "       dsc.description\n"
                        "FROM pg_catalog.pg_index i\n"
                        "JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid\n"
                        "JOIN pg_catalog.pg_am am ON am.oid = ic.relam\n"
                        "JOIN pg_catalog.pg_class c ON c.oid = i.indrelid\n"
                        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n");
    put_comment_join(ld, REGCLASS_CLASS, "i.indexrelid", "0");
    ag_buf_puts(&ld->q, "WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k\n"
                        "                  WHERE k.conindid = i.indexrelid\n"
                        "                    AND k.contype IN (" CONTYPES_WITH_INDEX "))\n"
                        "  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h\n"
                        "                  WHERE h.inhrelid = i.indexrelid)\n");
    put_index_table_filter(ld);
    PGresult *res = query_or_report(ld);
    if (!res)
        return false;
    int f_oid = field(res, "indexrelid");
    int f_schema = field(res, "nspname");
    int f_name = field(res, "index_name");
    int f_table = field(res, "table_name");
    int f_unique = field(res, "indisunique");
    int f_nnd = field(res, "indnullsnotdistinct");
    int f_method = field(res, "amname");
    int f_natts = field(res, "indnatts");
    int f_nkey = field(res, "indnkeyatts");
    int f_where = field(res, "index_where");
    int f_options = field(res, "reloptions");
    int f_comment = field(res, "description");
    bool ok = true;
    for (int r = 0; r < PQntuples(res) && ok; r++) {
        CatIndex *ix = (CatIndex *) add_object(ld, CAT_INDEX, PQgetvalue(res, r, f_schema),
                                               PQgetvalue(res, r, f_name));
        ok = ix != NULL;
        if (!ok)
            break;
        ix->table = get_str(ld, res, r, f_table);
        ix->is_unique = get_bool(res, r, f_unique);
        ix->nulls_not_distinct = get_bool(res, r, f_nnd);
        ix->method = get_str(ld, res, r, f_method);
        ix->where = get_expr(ld, res, r, f_where);
        ix->noptions = get_str_array(ld, res, r, f_options, &ix->options);
        ix->obj.comment = get_str(ld, res, r, f_comment);
        KeyTarget *kt = new_key_target(ld, get_oid(res, r, f_oid), get_int(res, r, f_natts),
                                       get_int(res, r, f_nkey), true);
        ix->elems = kt->elems;
        ix->nelems = kt->nelems;
        ix->include = kt->include;
        ix->ninclude = kt->ninclude;
    }
    PQclear(res);
    return ok;
}

/* One row per key and INCLUDE column of every index of a loaded table; each row lands
 * in the KeyTarget its index registered (rows of an index nobody asked for are skipped).
 * int2vector and oidvector subscripts are 0-based; conexclop is an ordinary 1-based
 * array. indoption, indclass and indcollation only cover the key columns. */
/* pg_collation's "default". An expression key's stored type can be its operator class's
 * storage type (gin_trgm_ops stores int4), whose collation says nothing about the
 * expression's: there, the default collation is what a model that writes no COLLATE
 * means. */
#define DEFAULT_COLLATION_OID "100"

static bool
load_index_keys(Load *ld)
{
    ag_buf_reset(&ld->q);
    ag_buf_puts(&ld->q, "SELECT i.indexrelid,\n"
                        "       k.n,\n"
                        "       i.indnkeyatts,\n"
                        "       ta.attname,\n"
                        "       CASE WHEN i.indkey[k.n - 1] = 0\n"
                        "            THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.n, true)\n"
                        "            END AS key_expr,\n"
                        "       i.indoption[k.n - 1] AS key_option,\n"
                        "       CASE WHEN NOT oc.opcdefault THEN oc.opcname END AS opcname,\n"
                        "       CASE WHEN NOT oc.opcdefault THEN ocn.nspname END AS opcschema,\n"
                        "       CASE WHEN i.indcollation[k.n - 1] <> COALESCE(ta.attcollation,\n"
                        "                                                      it.typcollation)\n"
                        "             AND NOT (i.indkey[k.n - 1] = 0\n"
                        "                      AND i.indcollation[k.n - 1] = " DEFAULT_COLLATION_OID ")\n"
                        "            THEN co.collname END AS collname,\n"
                        "       CASE WHEN i.indcollation[k.n - 1] <> COALESCE(ta.attcollation,\n"
                        "                                                      it.typcollation)\n"
                        "             AND NOT (i.indkey[k.n - 1] = 0\n"
                        "                      AND i.indcollation[k.n - 1] = " DEFAULT_COLLATION_OID ")\n"
                        "            THEN con.nspname END AS collschema,\n"
                        "       op.oprname\n"
                        "FROM pg_catalog.pg_index i\n"
                        "JOIN pg_catalog.pg_class c ON c.oid = i.indrelid\n"
                        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
                        /* k.n = 1 .. indnatts; unnest, not generate_series: the
                         * planner counts 10 rows per index for it rather than 1000,
                         * and then probes indexes instead of hashing pg_attribute */
                        "CROSS JOIN LATERAL (SELECT u.o::pg_catalog.int4 AS n\n"
                        "                    FROM pg_catalog.unnest(i.indkey::pg_catalog.int2[])\n"
                        "                         WITH ORDINALITY AS u(a, o)) AS k\n"
                        "LEFT JOIN pg_catalog.pg_attribute ta\n"
                        "  ON ta.attrelid = i.indrelid\n"
                        " AND ta.attnum = i.indkey[k.n - 1]\n"
                        " AND i.indkey[k.n - 1] <> 0\n"
                        "LEFT JOIN pg_catalog.pg_attribute ia\n"
                        "  ON ia.attrelid = i.indexrelid\n"
                        " AND ia.attnum = k.n\n"
                        "LEFT JOIN pg_catalog.pg_type it ON it.oid = ia.atttypid\n"
                        "LEFT JOIN pg_catalog.pg_opclass oc ON oc.oid = i.indclass[k.n - 1]\n"
                        "LEFT JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace\n"
                        "LEFT JOIN pg_catalog.pg_collation co ON co.oid = i.indcollation[k.n - 1]\n"
                        "LEFT JOIN pg_catalog.pg_namespace con ON con.oid = co.collnamespace\n"
                        "LEFT JOIN pg_catalog.pg_constraint xc\n"
                        "  ON xc.conindid = i.indexrelid\n"
                        " AND xc.contype = 'x'\n"
                        "LEFT JOIN pg_catalog.pg_operator op ON op.oid = xc.conexclop[k.n]\n"
                        "WHERE true\n");
    put_index_table_filter(ld);
    PGresult *res = query_or_report(ld);
    if (!res)
        return false;
    int f_index = field(res, "indexrelid");
    int f_n = field(res, "n");
    int f_nkey = field(res, "indnkeyatts");
    int f_column = field(res, "attname");
    int f_expr = field(res, "key_expr");
    int f_option = field(res, "key_option");
    int f_opc = field(res, "opcname");
    int f_opcschema = field(res, "opcschema");
    int f_coll = field(res, "collname");
    int f_collschema = field(res, "collschema");
    int f_op = field(res, "oprname");
    KeyTarget *kt = NULL;
    uint32_t kt_oid = 0;
    for (int r = 0; r < PQntuples(res); r++) {
        uint32_t oid = get_oid(res, r, f_index);
        if (oid != kt_oid) {
            kt_oid = oid;
            kt = oidmap_get(&ld->keys, oid);
        }
        if (!kt)
            continue;
        int64_t n = get_int(res, r, f_n);
        int64_t nkey = get_int(res, r, f_nkey);
        if (n > nkey) {
            if (n - nkey - 1 < kt->ninclude)
                kt->include[n - nkey - 1] = get_str(ld, res, r, f_column);
            continue;
        }
        if (!kt->elems || n < 1 || n > kt->nelems)
            continue;
        CatIndexElem *e = &kt->elems[n - 1];
        e->column = get_str(ld, res, r, f_column);
        if (!e->column)
            e->expr = get_expr(ld, res, r, f_expr);
        int64_t opt = get_int(res, r, f_option);
        e->desc = (opt & INDOPTION_DESC) != 0;
        e->nulls_first = (opt & INDOPTION_NULLS_FIRST) != 0;
        e->opclass = get_str(ld, res, r, f_opc);
        e->opclass_schema = get_str(ld, res, r, f_opcschema);
        e->collation = get_str(ld, res, r, f_coll);
        e->collation_schema = get_str(ld, res, r, f_collschema);
        e->exclude_op = get_str(ld, res, r, f_op);
    }
    PQclear(res);
    return true;
}

/* ---- partitioning, row-level security and policies -------------------------------- */

/* A partition key or bound printed by the server, with its canonical form (the text as
 * its own canon, with a warning, if the canonicaliser refuses it: never lost). */
static CatExpr *
get_part_expr(Load *ld, const PGresult *res, int row, int f, bool bound)
{
    if (PQgetisnull(res, row, f))
        return NULL;
    const char *sql = PQgetvalue(res, row, f);
    CatExpr *e = bound ? cat_partbound_new(ld->arena, sql) : cat_partkey_new(ld->arena, sql);
    if (e)
        return e;
    ag_diag_warning(ld->diag, no_loc, "cannot canonicalise a partition key or bound");
    ag_diag_detail(ld->diag, "text was: %s", sql);
    e = ag_arena_alloc(ld->arena, sizeof(CatExpr));
    e->sql = ag_arena_strdup(ld->arena, sql);
    e->canon = e->sql;
    return e;
}

/* Per table: RLS flags, the partition key of a partitioned table, and for a partition
 * its parent and bound. A partition whose parent is not loaded (another schema left out
 * by the filter) is read as a plain table. */
static bool
load_partitions_rls(Load *ld)
{
    ag_buf_reset(&ld->q);
    ag_buf_puts(&ld->q, "SELECT c.oid,\n"
                        "       c.relrowsecurity,\n"
                        "       c.relforcerowsecurity,\n"
                        "       CASE WHEN c.relkind = 'p'\n"
                        "            THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partkey,\n"
                        "       h.inhparent,\n"
                        "       pn.nspname AS parent_schema,\n"
                        "       pc.relname AS parent_name,\n"
                        "       CASE WHEN c.relispartition\n"
                        "            THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid)\n"
                        "            END AS bound\n"
                        "FROM pg_catalog.pg_class c\n"
                        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
                        "LEFT JOIN pg_catalog.pg_inherits h\n"
                        "  ON c.relispartition\n"
                        " AND h.inhrelid = c.oid\n"
                        "LEFT JOIN pg_catalog.pg_class pc ON pc.oid = h.inhparent\n"
                        "LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace\n"
                        "WHERE (c.relkind = 'p' OR c.relispartition OR c.relrowsecurity\n"
                        "       OR c.relforcerowsecurity)\n");
    put_table_filter(ld);
    PGresult *res = query_or_report(ld);
    if (!res)
        return false;
    int f_oid = field(res, "oid");
    int f_rls = field(res, "relrowsecurity");
    int f_force = field(res, "relforcerowsecurity");
    int f_key = field(res, "partkey");
    int f_parent = field(res, "inhparent");
    int f_pschema = field(res, "parent_schema");
    int f_pname = field(res, "parent_name");
    int f_bound = field(res, "bound");
    for (int r = 0; r < PQntuples(res); r++) {
        CatTable *t = oidmap_get(&ld->tables, get_oid(res, r, f_oid));
        if (!t)
            continue;
        t->rls_enabled = get_bool(res, r, f_rls);
        t->rls_forced = get_bool(res, r, f_force);
        t->partition_key = get_part_expr(ld, res, r, f_key, false);
        if (oidmap_get(&ld->tables, get_oid(res, r, f_parent))) {
            t->partition_of_schema = get_str(ld, res, r, f_pschema);
            t->partition_of = get_str(ld, res, r, f_pname);
            t->partition_bound = get_part_expr(ld, res, r, f_bound, true);
        }
    }
    PQclear(res);
    return true;
}

/* Row-level security policies; roles sorted by bytes, PUBLIC (role 0) as "public". */
static bool
load_policies(Load *ld)
{
    ag_buf_reset(&ld->q);
    ag_buf_puts(&ld->q, "SELECT p.polrelid,\n"
                        "       p.polname,\n"
                        "       p.polcmd,\n"
                        "       p.polpermissive,\n"
                        "       ARRAY(SELECT x.role FROM (\n"
                        "               SELECT CASE WHEN r.oid = 0 THEN 'public'\n"
                        "                           ELSE ro.rolname::pg_catalog.text END AS role\n"
                        "               FROM pg_catalog.unnest(p.polroles) AS r(oid)\n"
                        "               LEFT JOIN pg_catalog.pg_roles ro ON ro.oid = r.oid) x\n"
                        "             ORDER BY x.role COLLATE \"C\") AS roles,\n"
                        "       pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS using_expr,\n"
                        "       pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr,\n"
                        "       dsc.description\n"
                        "FROM pg_catalog.pg_policy p\n"
                        "JOIN pg_catalog.pg_class c ON c.oid = p.polrelid\n"
                        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n");
    put_comment_join(ld, "'pg_catalog.pg_policy'::pg_catalog.regclass", "p.oid", "0");
    ag_buf_puts(&ld->q, "WHERE true\n");
    put_table_filter(ld);
    PGresult *res = query_or_report(ld);
    if (!res)
        return false;
    int f_rel = field(res, "polrelid");
    int f_name = field(res, "polname");
    int f_cmd = field(res, "polcmd");
    int f_perm = field(res, "polpermissive");
    int f_roles = field(res, "roles");
    int f_using = field(res, "using_expr");
    int f_check = field(res, "check_expr");
    int f_comment = field(res, "description");
    for (int r = 0; r < PQntuples(res); r++) {
        CatTable *t = oidmap_get(&ld->tables, get_oid(res, r, f_rel));
        if (!t)
            continue;
        CatPolicy pol = {0};
        pol.name = get_str(ld, res, r, f_name);
        pol.cmd = get_char(res, r, f_cmd);
        pol.permissive = get_bool(res, r, f_perm);
        pol.nroles = get_str_array(ld, res, r, f_roles, &pol.roles);
        pol.using_expr = get_expr(ld, res, r, f_using);
        pol.check_expr = get_expr(ld, res, r, f_check);
        pol.comment = get_str(ld, res, r, f_comment);
        cat_table_add_policy(ld->cat, t, &pol);
    }
    PQclear(res);
    return true;
}

/* ---- views (the query and the rows: introspect_view.c) ---------------------------- */

static bool
load_views(Load *ld)
{
    ag_buf_reset(&ld->q);
    put_schema_filter(ld, "n");
    return cat_load_views(ld->cat, ld->conn, ag_buf_cstr(&ld->q), ld->diag);
}

/* ---- privileges, opt-in (introspect_grant.c) ------------------------------------- */

static bool
load_grants(Load *ld)
{
    if (!ld->filter || !ld->filter->grants)
        return true;
    ag_buf_reset(&ld->q);
    put_schema_filter(ld, "n");
    return cat_load_grants(ld->cat, ld->conn, ag_buf_cstr(&ld->q), ld->diag);
}

/* ---- the transaction ---------------------------------------------------------------- */

static bool
run_loaders(Load *ld)
{
    /* Order matters only for the oid maps: tables before columns, constraints and
     * indexes; constraints and indexes before their keys. */
    return load_schemas(ld) && load_extensions(ld) && load_enums(ld) && load_domains(ld) &&
           load_composites(ld) && load_sequences(ld) &&
           load_tables(ld) && load_columns(ld) && load_constraints(ld) && load_indexes(ld) &&
           load_index_keys(ld) && load_views(ld) &&
           cat_load_functions(ld->cat, ld->conn, ld->filter, ld->diag, ld->ver) && load_partitions_rls(ld) && load_policies(ld) &&
           load_grants(ld);
}

static bool
exec_command_or_report(Load *ld, const char *sql)
{
    PGresult *res = exec_or_report(ld, sql, PGRES_COMMAND_OK);
    PQclear(res);
    return res != NULL;
}

bool
cat_load_db(Catalog *cat, PGconn *conn, const CatFilter *filter, AgDiag *diag)
{
    Load ld = {.cat = cat, .arena = cat->arena, .conn = conn, .filter = filter, .diag = diag};
    ag_arena_init(&ld.tmp);
    if (PQstatus(conn) != CONNECTION_OK) {
        ag_diag_error(diag, no_loc, "not connected to the database: %s", PQerrorMessage(conn));
        return false;
    }
    ld.ver = PQserverVersion(conn);
    if (ld.ver < CAT_MIN_SERVER_VERSION) {
        ag_diag_error(diag, no_loc,
                      "server version %d.%d is not supported: PostgreSQL %d or later is needed",
                      ld.ver / 10000, ld.ver % 10000, CAT_MIN_SERVER_VERSION / 10000);
        return false;
    }
    /* Inside the caller's transaction, a savepoint scopes SET LOCAL: rolling back to it
     * restores search_path. The snapshot is then the caller's. */
    bool nested;
    if (!cat_pq_txn_state(conn, diag, "read the catalog", &nested))
        return false;
    ag_buf_init(&ld.q);
    bool ok = exec_command_or_report(&ld, nested ? "SAVEPOINT " SAVEPOINT_NAME
                                                 : "BEGIN ISOLATION LEVEL REPEATABLE READ, "
                                                   "READ ONLY");
    if (ok) {
        ok = exec_command_or_report(&ld, "SET LOCAL search_path = ''") && run_loaders(&ld);
        /* Read only: ending with a rollback loses nothing and undoes SET LOCAL. A lost
         * connection has nothing left to undo, and one error about it is enough. */
        if (PQstatus(conn) != CONNECTION_OK) {
            ok = false;
        } else if (nested) {
            bool undone = exec_command_or_report(&ld, "ROLLBACK TO SAVEPOINT " SAVEPOINT_NAME);
            ok = undone && exec_command_or_report(&ld, "RELEASE SAVEPOINT " SAVEPOINT_NAME) && ok;
        } else {
            ok = exec_command_or_report(&ld, "ROLLBACK") && ok;
        }
    }
    ag_buf_free(&ld.q);
    ag_arena_free(&ld.tmp);
    free(ld.tables.slots);
    free(ld.keys.slots);
    free(ld.atts.slots);
    if (ok)
        cat_finish(cat);
    return ok;
}

/*
 * catalog/catalog.h: the in-memory schema model shared by both producers (parser/ from
 * model files, catalog/introspect.c from a live database) and read by diff/ and emit/.
 *
 * The model stores values, not SQL: identifiers are raw (never quoted), comments are raw
 * text. Two exceptions, both canonical so that string equality means schema equality:
 *   - type names are spelled as format_type() prints them with search_path = '' (so
 *     "integer", "character varying(20)", "public.mood[]", "\"My Schema\".\"T\"");
 *   - expressions carry a canonical form (CatExpr.canon) computed by cat_canon_expr().
 * This header never mentions libpq or libpg_query types.
 */
#ifndef AUTOGEN_CATALOG_CATALOG_H
#define AUTOGEN_CATALOG_CATALOG_H

#include <stdbool.h>
#include <stdint.h>

#include "base/base.h"

typedef enum CatKind {
    CAT_SCHEMA,
    CAT_EXTENSION,
    CAT_ENUM,
    CAT_SEQUENCE,
    CAT_TABLE,
    CAT_INDEX,
    CAT_DOMAIN,    /* CREATE DOMAIN */
    CAT_COMPOSITE, /* CREATE TYPE ... AS (attributes) */
    CAT_FUNCTION,  /* functions and procedures; obj.name is the signature key, see CatFunction */
    CAT_VIEW,      /* views and materialized views */
    CAT_KIND_COUNT
} CatKind;

/* "schema", "extension", "type", "sequence", "table", "index": the SQL keyword. */
const char *cat_kind_sql(CatKind kind);

typedef struct CatObject {
    CatKind kind;
    uint32_t id;        /* dense; position in Catalog.objects */
    const char *schema; /* NULL only for schemas (and extensions keep theirs in schema) */
    const char *name;   /* raw identifier, never quoted */
    AgLoc loc;          /* declaration site in a model file; {0} when introspected */
    const char *comment; /* COMMENT ON ..., NULL when none */
    const char *renamed_from; /* model annotation "-- autogen: renamed from <old>" (raw
                                 old name, maybe "schema.name"); never compared */
    const char **grants; /* opt-in (Catalog.grants): sorted "grantee=PRIVILEGE[*]" (grantee
                            raw, "public" for PUBLIC, '*': WITH GRANT OPTION), the owner's
                            own excluded; functions: "public=-EXECUTE" when PUBLIC's
                            default EXECUTE is revoked. Tables, views, sequences,
                            functions and schemas. */
    uint32_t ngrants;
} CatObject;

/* An expression: the text to print back and the canonical form to compare.
 * sql is the model's text (deparsed) or what pg_get_expr printed; canon is
 * cat_canon_expr(sql). Two expressions are the same iff their canon strings are equal. */
typedef struct CatExpr {
    const char *sql;
    const char *canon;
} CatExpr;

typedef struct CatSeqOptions {
    const char *type; /* "bigint", "integer", "smallint" */
    int64_t start;
    int64_t increment;
    int64_t min;
    int64_t max;
    int64_t cache;
    bool cycle;
} CatSeqOptions;

typedef enum CatIdentity {
    CAT_IDENTITY_NONE = 0,
    CAT_IDENTITY_ALWAYS = 'a',
    CAT_IDENTITY_BY_DEFAULT = 'd'
} CatIdentity;

typedef struct CatColumn {
    const char *name;
    AgLoc loc;
    const char *type;           /* format_type spelling, see the file comment */
    const char *collation;      /* NULL: the type's default; else raw name ... */
    const char *collation_schema; /* ... in this schema (usually "pg_catalog") */
    bool not_null;
    CatExpr *default_expr;      /* NULL when none; never set together with generated */
    CatIdentity identity;
    CatSeqOptions identity_seq; /* meaningful only when identity != NONE */
    CatExpr *generated;         /* GENERATED ALWAYS AS (expr) STORED; NULL when not */
    const char *comment;
    const char *renamed_from;   /* model annotation, see CatObject; never compared */
} CatColumn;

typedef enum CatConType {
    CAT_CON_PRIMARY = 'p',
    CAT_CON_UNIQUE = 'u',
    CAT_CON_CHECK = 'c',
    CAT_CON_FOREIGN = 'f',
    CAT_CON_EXCLUDE = 'x'
} CatConType;

/* One key of an index or EXCLUDE constraint. Exactly one of column / expr is set. */
typedef struct CatIndexElem {
    const char *column;
    CatExpr *expr;
    const char *collation;        /* NULL: default */
    const char *collation_schema;
    const char *opclass;          /* NULL: the default operator class for the type */
    const char *opclass_schema;
    bool desc;
    bool nulls_first;             /* always explicit: canonical default is !desc -> false */
    const char *exclude_op;       /* EXCLUDE only: operator name, e.g. "&&" or "=" */
} CatIndexElem;

typedef struct CatConstraint {
    const char *name; /* always set: implicit names are computed as PostgreSQL does */
    AgLoc loc;
    CatConType type;
    /* PRIMARY KEY, UNIQUE, FOREIGN KEY: the key columns, in order */
    const char **columns;
    uint32_t ncolumns;
    /* PRIMARY KEY, UNIQUE, EXCLUDE: INCLUDE (...) columns */
    const char **include;
    uint32_t ninclude;
    bool nulls_not_distinct; /* UNIQUE only */
    bool deferrable;
    bool initially_deferred;
    bool no_inherit;  /* CHECK only */
    bool not_valid;   /* FOREIGN KEY and CHECK: added NOT VALID and never validated */
    CatExpr *check;   /* CHECK: the boolean expression (without the CHECK keyword) */
    /* FOREIGN KEY */
    const char *ref_schema;
    const char *ref_table;
    const char **ref_columns;
    uint32_t nref_columns;
    char match;      /* 's' SIMPLE, 'f' FULL, 'p' PARTIAL */
    char on_update;  /* 'a' NO ACTION, 'r' RESTRICT, 'c' CASCADE, 'n' SET NULL, 'd' SET DEFAULT */
    char on_delete;
    /* EXCLUDE */
    const char *exclude_method; /* e.g. "gist" */
    CatIndexElem *elems;
    uint32_t nelems;
    CatExpr *exclude_where;
    const char *comment;
} CatConstraint;

/* A trigger on a table. Triggers live in their table (PostgreSQL names them per table). */
typedef struct CatTrigger {
    const char *name;
    AgLoc loc;
    /* The whole CREATE [CONSTRAINT] TRIGGER statement: sql as the model wrote it or as
     * pg_get_triggerdef printed it; canon from cat_canon_stmt so both compare equal. */
    CatExpr *def;
    char enabled; /* 'O' origin (default), 'D' disabled, 'R' replica, 'A' always */
    const char *comment;
    const char *search_path; /* model only: the file's search_path at the statement, as
                                CatView.search_path; emit runs def->sql under it */
} CatTrigger;

/* A row-level security policy. Policies live in their table, like triggers. */
typedef struct CatPolicy {
    const char *name;
    AgLoc loc;
    bool permissive; /* AS PERMISSIVE (default) or RESTRICTIVE */
    char cmd;        /* '*' ALL, 'r' SELECT, 'a' INSERT, 'w' UPDATE, 'd' DELETE */
    const char **roles; /* raw role names, sorted; "public" for PUBLIC */
    uint32_t nroles;
    CatExpr *using_expr; /* NULL when none */
    CatExpr *check_expr; /* WITH CHECK; NULL when none */
    const char *comment;
} CatPolicy;

typedef struct CatTable {
    CatObject obj;
    bool unlogged;
    /* Row-level security: ALTER TABLE ... ENABLE / FORCE ROW LEVEL SECURITY. */
    bool rls_enabled;
    bool rls_forced;
    /* Partitioning. partition_key: "RANGE (created_at)" as pg_get_partkeydef prints it
     * (canon compared), NULL when not partitioned. A partition names its parent and its
     * bound ("FOR VALUES FROM (...) TO (...)", "DEFAULT") as pg_get_expr(relpartbound)
     * prints it; both sides canonicalised with cat_canon_stmt-like rules. */
    CatExpr *partition_key;
    const char *partition_of_schema; /* NULL when not a partition */
    const char *partition_of;
    CatExpr *partition_bound;
    CatTrigger *triggers; /* sorted by name */
    uint32_t ntriggers;
    CatPolicy *policies; /* sorted by name */
    uint32_t npolicies;
    CatColumn *columns; /* in attnum order */
    uint32_t ncolumns;
    uint32_t columns_cap; /* room in columns for cat_table_add_column (0: none) */
    CatConstraint *constraints; /* sorted by name (bytes) */
    uint32_t nconstraints;
    /* Model only, CREATE TABLE ... AS: what follows the name ("(a, b) AS SELECT ...",
     * deparsed) and the file's search_path; the columns stay unknown (none) until tier 2
     * creates it WITH NO DATA and reads them (introspect_table_as.c). Never compared. */
    const char *as_query;
    const char *as_search_path;
} CatTable;

typedef struct CatIndex {
    CatObject obj;              /* schema is the table's schema */
    const char *table;          /* raw table name, same schema */
    bool is_unique;
    bool nulls_not_distinct;
    const char *method;         /* "btree", "gin", ... */
    CatIndexElem *elems;
    uint32_t nelems;
    const char **include;
    uint32_t ninclude;
    CatExpr *where;             /* partial index predicate, NULL when none */
    const char **options;       /* storage parameters "name=value", sorted */
    uint32_t noptions;
} CatIndex;

typedef struct CatEnum {
    CatObject obj;
    const char **labels; /* in sort order */
    uint32_t nlabels;
} CatEnum;

typedef struct CatSequence {
    CatObject obj;
    CatSeqOptions opts;
    const char *owned_table;  /* OWNED BY schema.owned_table.owned_column; NULL: none */
    const char *owned_column; /* the table is in the sequence's schema in practice; ... */
    const char *owned_schema; /* ... but the schema is kept explicitly */
} CatSequence;

typedef struct CatSchema {
    CatObject obj; /* obj.schema is NULL, obj.name the schema's name */
} CatSchema;

typedef struct CatExtension {
    CatObject obj;       /* obj.schema: the schema it was created in; obj.name: extension */
    const char *version; /* compared only when the model names one (VERSION ...) */
} CatExtension;

typedef struct CatDomain {
    CatObject obj;
    const char *type; /* base type, format_type spelling */
    const char *collation;
    const char *collation_schema;
    bool not_null;
    CatExpr *default_expr;
    CatConstraint *constraints; /* CHECK constraints (type CAT_CON_CHECK), sorted by name */
    uint32_t nconstraints;
} CatDomain;

typedef struct CatComposite {
    CatObject obj;
    CatColumn *attrs; /* name, type, collation used; in order */
    uint32_t nattrs;
} CatComposite;

/* A function or procedure. PostgreSQL overloads names, so obj.name is the signature key
 * "fname(argtype, argtype)" (identity argument types, format_type spelling without
 * typmods) and fname the raw name to print. */
typedef struct CatFunction {
    CatObject obj;
    const char *fname;
    bool is_procedure;
    const char *identity_args; /* "integer, text": what obj.name holds in parentheses */
    const char *arguments;     /* pg_get_function_arguments spelling (names, modes, defaults)
                                  through cat_canon_func_args: compared, never emitted */
    const char *result;        /* pg_get_function_result spelling; NULL for procedures */
    const char *language;
    const char *body;          /* prosrc as stored, or the SQL-standard body's text */
    char volatility;           /* 'i', 's', 'v' */
    bool strict;
    bool security_definer;
    bool leakproof;
    char parallel;             /* 's', 'r', 'u' */
    double cost;
    double rows;
    const char **config;       /* "search_path=public" ..., sorted */
    uint32_t nconfig;
    const char *definition;    /* a complete CREATE OR REPLACE statement to emit */
    const char *search_path;   /* model only: the file's search_path at the definition, as
                                  CatView.search_path; the definition's unqualified names
                                  (its own too) mean something only under it, so emit
                                  runs it there. Never compared. */
    /* Aggregates only (NULL for functions and procedures): the pg_aggregate fields as
     * the body of CREATE AGGREGATE, "SFUNC = public.f, STYPE = text, ..." in a fixed
     * order, functions qualified unless in pg_catalog, types in format_type spelling;
     * compared, and emitted by introspection. identity_args holds "x ORDER BY y" for
     * ordered-set aggregates, "" for (*); the other fields are left zero. */
    const char *aggregate;
} CatFunction;

typedef struct CatView {
    CatObject obj;
    bool materialized;
    CatExpr *query;        /* sql: the defining query to emit; canon: compared */
    const char **columns;  /* output column names, in order */
    uint32_t ncolumns;
    const char **options;  /* reloptions "security_barrier=true", "check_option=local", sorted */
    uint32_t noptions;
    const char **deps;     /* relations and functions it reads, "schema.name", sorted */
    uint32_t ndeps;
    /* Output columns: NULL (ncolumns 0) while unknown, i.e. a model view without a column
     * list until tier 2 reads them back; compared only when both sides know them.
     * column_types (format_type spelling) parallel columns, NULL when unknown: they
     * decide between CREATE OR REPLACE (columns appended) and DROP + CREATE. */
    const char **column_types;
    /* COMMENT ON COLUMN of the view: names sorted, comments parallel. */
    const char **comment_columns;
    const char **column_comments;
    uint32_t ncolumn_comments;
    bool with_no_data;       /* materialized: WITH NO DATA (not populated); never compared */
    const char *search_path; /* model only: the file's search_path when it was defined,
                                "a, b" quoted as needed, "public" by default (tier 2
                                creates it there; emit prints an unsettled query under
                                it); NULL once tier 2 gave the query qualified */
} CatView;

typedef struct CatHashEntry CatHashEntry;

typedef struct Catalog {
    AgArena *arena;      /* borrowed: everything in the catalog lives here */
    CatObject **objects; /* every object, id = index */
    uint32_t nobjects;
    uint32_t cap;
    CatHashEntry *hash;  /* open addressing over (kind, schema, name) */
    uint32_t hash_cap;
    bool grants; /* set before loading: read GRANT / REVOKE into CatObject.grants */
} Catalog;

/* Create an empty catalog whose memory lives in arena (borrowed, must outlive it). */
Catalog *cat_new(AgArena *arena);

/* Allocate a zeroed object of the kind's struct, fill the header and register it.
 * Returns NULL (and adds nothing) when an object of that kind, schema and name exists. */
CatObject *cat_add(Catalog *cat, CatKind kind, const char *schema, const char *name, AgLoc loc);

/* Lookup by kind, schema and name; NULL when absent. Indexes and tables share the
 * relation namespace in PostgreSQL, but lookups here are per kind. */
CatObject *cat_find(const Catalog *cat, CatKind kind, const char *schema, const char *name);
CatTable *cat_table_find(const Catalog *cat, const char *schema, const char *name);
CatColumn *cat_table_find_column(const CatTable *t, const char *name);
CatConstraint *cat_table_find_constraint(const CatTable *t, const char *name);

/* Append a column / constraint (copied by value) to a table; returns the stored one. */
CatColumn *cat_table_add_column(Catalog *cat, CatTable *t, const CatColumn *col);
/* Room for n more columns in one allocation, for a producer that knows the count (an
 * arena array that doubles leaves every smaller copy behind). A hint only. */
void cat_table_reserve_columns(Catalog *cat, CatTable *t, uint32_t n);
CatConstraint *cat_table_add_constraint(Catalog *cat, CatTable *t, const CatConstraint *con);

/* Sort objects, constraints and index options into the canonical order so that two
 * catalogs of the same schema compare member by member. Call once both producers are
 * done. Objects keep their ids' meaning: ids are renumbered to match the new order. */
void cat_finish(Catalog *cat);

/* Append a trigger / policy (copied by value) to a table; returns the stored one. */
CatTrigger *cat_table_add_trigger(Catalog *cat, CatTable *t, const CatTrigger *trg);
CatPolicy *cat_table_add_policy(Catalog *cat, CatTable *t, const CatPolicy *pol);

/* Canonical form of an SQL expression (defaults, CHECK bodies, index expressions and
 * predicates, generated columns): parsed with libpg_query, normalised by the structural
 * rules (casts PostgreSQL adds to literals, IN <-> = ANY(ARRAY), BETWEEN, !=, LIKE,
 * parentheses) and printed back. Returns NULL when sql does not parse; the result
 * lives in arena. */
const char *cat_canon_expr(AgArena *arena, const char *sql);

/* Convenience: a CatExpr for sql with its canon filled in; NULL when sql does not parse. */
CatExpr *cat_expr_new(AgArena *arena, const char *sql);

/* Canonical form of a view's query text (canon_view.c): whitespace outside quotes
 * collapsed to one space, no final ';'. Never fails; result in arena. Only the server
 * (tier 2) makes a model's query equal to pg_get_viewdef's text. */
const char *cat_canon_view(AgArena *arena, const char *sql);

/* Canonical form of a whole statement (canon_stmt.c): parsed, unqualified relation and
 * function names qualified with default_schema (as pg_get_triggerdef prints them with
 * search_path = ''), expressions inside normalised as cat_canon_expr does, OR REPLACE
 * dropped, deparsed. Returns NULL when sql is not one statement that parses; the result
 * lives in arena. Used for CatTrigger.def on both sides. */
const char *cat_canon_stmt(AgArena *arena, const char *sql, const char *default_schema);

/* A function's argument list as pg_get_function_arguments prints it, with each DEFAULT
 * expression replaced by its cat_canon_expr form (the server re-spells defaults: 'x'
 * becomes 'x'::text). Result in arena; never fails (an expression that does not parse
 * stays as written). */
const char *cat_canon_func_args(AgArena *arena, const char *args);

/* Canonical forms of a partition key as pg_get_partkeydef prints it ("RANGE (a)") and of
 * a partition bound as pg_get_expr(relpartbound) prints it ("FOR VALUES IN ('a')",
 * "DEFAULT"): parsed and deparsed by libpg_query. NULL when sql does not parse; results
 * in arena. The _new forms return a CatExpr with sql and canon (NULL when unparsable). */
const char *cat_canon_partkey(AgArena *arena, const char *sql);
const char *cat_canon_partbound(AgArena *arena, const char *sql);
CatExpr *cat_partkey_new(AgArena *arena, const char *sql);
CatExpr *cat_partbound_new(AgArena *arena, const char *sql);

/* Canonical spelling of a type given the pieces of a TypeName as a model writes it:
 * qualified name parts (e.g. {"pg_catalog","int4"} or {"varchar"} or {"mood"}),
 * typmods as written (integers, or interval field names), and array dimensions.
 * Unqualified names that are not built-in types are qualified with default_schema.
 * Returns the format_type spelling in arena, e.g. "character varying(20)[]". */
const char *cat_canon_type(AgArena *arena, const char *const *names, uint32_t nnames,
                           const char *const *typmods, uint32_t ntypmods, uint32_t array_dims,
                           const char *default_schema);

/* The implicit name PostgreSQL gives a constraint or index: ChooseRelationName's rules
 * (table_col1_col2_suffix, truncated to fit 63 bytes, multibyte-safe). Uniqueness against
 * existing names (the "1", "2" suffixes) is the caller's job via taken(). */
const char *cat_implicit_name(AgArena *arena, const char *table, const char *const *columns,
                              uint32_t ncolumns, const char *suffix,
                              bool (*taken)(const char *name, void *ctx), void *ctx);

/* Quote an identifier the way PostgreSQL's quote_ident does. Result in arena. */
const char *cat_quote_ident(AgArena *arena, const char *ident);
/* schema.name, each part quoted as needed. */
const char *cat_qualified(AgArena *arena, const char *schema, const char *name);
/* A string literal as quote_literal writes it: 'it''s', E'a\\b' when it holds a backslash. */
const char *cat_quote_literal(AgArena *arena, const char *s);

/* A deterministic text dump of a catalog, one line per object, column, constraint,
 * index key and identity sequence, fields named (name=value), identifiers spelt as
 * quote_ident does, other text quoted, NULL as "-"; objects sorted by (kind, schema,
 * name), constraints by name. Appends to out; never fails.
 * cat_dump prints what two catalogs of one schema must agree on, so tests compare
 * parse(model) and introspect(db) with strcmp: every field except declaration sites
 * (loc), ids, CatExpr.sql (expressions print their canon), extension versions and
 * fields meaningless for a constraint's type. cat_dump_debug prints all of them too. */
void cat_dump(const Catalog *cat, AgBuf *out);
void cat_dump_debug(const Catalog *cat, AgBuf *out);

#endif

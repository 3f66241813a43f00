/*
 * diff/internal.h: what the files of diff/ share: the build context, the dependency keys
 * steps provide, need, remove and release (order.c turns them into edges), and helpers
 * that read type strings and expression text (sqltext.c).
 * Not for other folders: they see diff.h only.
 */
#ifndef AUTOGEN_DIFF_INTERNAL_H
#define AUTOGEN_DIFF_INTERNAL_H

#include "diff/diff.h"

/* How a step relates to a dependency key (a string naming a thing in the database):
 *   PROVIDES: the thing exists after the step          -> before every NEEDS
 *   NEEDS:    the step uses the thing
 *   REMOVES:  the thing is gone after the step         -> after every RELEASES, before
 *                                                         every PROVIDES (re-creation)
 *   RELEASES: the step stops using the thing
 * Keys (see key_* in diff.c): "s" schema, "x" any extension, "y" enum usable by the new
 * schema, "yo" enum used by the old schema, "yn" enum name, "q" sequence, "r" relation
 * name, "t" table, "c" column, "cv" column with its new type (after ALTER COLUMN ...
 * TYPE), "co" column with its old type (removed by ALTER COLUMN ... TYPE: what
 * PostgreSQL refuses to keep over a retyped column releases it), "k" constraint, "u"
 * unique keys of a table, "p" primary key of a table, "pn" column held NOT NULL by a
 * primary key (removed by the key's drop, provided by DROP NOT NULL), "i" index, "f"
 * function (by name). */
typedef enum KeyRole { KEY_PROVIDES, KEY_NEEDS, KEY_REMOVES, KEY_RELEASES, KEY_ROLE_COUNT } KeyRole;

typedef struct StepKeys {
    const char **keys[KEY_ROLE_COUNT];
    uint32_t nkeys[KEY_ROLE_COUNT];
} StepKeys;

typedef struct Edge {
    uint32_t before, after;
} Edge;

/* Per table of `from`: what happens to its columns, constraints and the step that drops
 * it (UINT32_MAX: none), so implicit drops can hang their keys on the step doing them. */
typedef enum ItemFate {
    FATE_KEEP,     /* same on both sides */
    FATE_DROP,     /* dropped by its own statement */
    FATE_IMPLICIT, /* dropped by PostgreSQL with its table or column: no statement */
    FATE_RECREATE, /* dropped (explicitly or implicitly) and created again */
} ItemFate;

typedef struct TablePlan {
    const CatTable *from;
    const CatTable *to; /* NULL when the table is dropped */
    uint32_t drop_step; /* DROP TABLE step, UINT32_MAX when none */
    ItemFate *col_fate; /* per from column: KEEP, DROP (gone), RECREATE */
    const CatColumn **col_to; /* per from column: the to column of that name, or NULL */
    uint32_t *col_drop_step;
    bool *col_swapped;  /* per from column: converted by an enum swap */
    bool *col_retyped;  /* per from column: KEEP with an ALTER COLUMN ... TYPE (new type,
                         * collation, or swap); what PostgreSQL refuses to keep over it
                         * (generated columns, policies, triggers) goes and comes back */
    ItemFate *con_fate; /* per from constraint; IMPLICIT covers drops by a column drop */
    bool *con_implicit; /* the drop (of DROP or RECREATE) happens with a column/table */
} TablePlan;

typedef struct DiffCtx {
    AgArena *arena;  /* result */
    AgArena scratch; /* keys, plans, edges: freed when diff_catalogs returns */
    const Catalog *from;
    const Catalog *to;
    DiffOptions opts;
    DiffStep *steps; /* heap, copied into arena in run order at the end */
    StepKeys *keys;
    uint32_t nsteps, cap_steps;
    DiffChange *changes;
    uint32_t nchanges, cap_changes;
    Edge *edges; /* explicit edges (chains inside one change) */
    uint32_t nedges, cap_edges;
    TablePlan *plans;  /* indexed by from object id; .from NULL for non-tables */
    uint8_t *idx_fate; /* ItemFate per from object id (indexes only) */
    uint8_t *idx_con_from, *idx_con_to; /* table.c's memo: index stands for a constraint */
    bool *idx_implicit;
    const CatIndex **gone_unique; /* unique indexes of `from` that are dropped */
    uint32_t ngone_unique;
    const char **swapped; /* "schema\x1fname" of enums replaced by a type swap, sorted */
    uint32_t nswapped;
    const char **gone_fns; /* "schema\x1ffname" of functions dropped (and maybe created
                            * again): diff_plan_functions */
    uint32_t ngone_fns;
    const char **gone_views; /* "schema\x1fname" of views dropped or dropped and created
                              * again: diff_views */
    uint32_t ngone_views;
} DiffCtx;

/* ---- diff.c: building blocks ----------------------------------------------- */

uint32_t diff_change_new(DiffCtx *c, DiffOp op, DiffObjKind kind, const char *schema,
                         const char *name, const char *sub);
uint32_t diff_step_new(DiffCtx *c, DiffStepKind kind, uint32_t change);
/* Record a dependency key of a step; the key is printf-built in scratch memory. */
void diff_step_key(DiffCtx *c, uint32_t step, KeyRole role, const char *fmt, ...) AG_PRINTF(4, 5);
/* Step `before` runs before `after`. */
void diff_step_after(DiffCtx *c, uint32_t before, uint32_t after);
uint32_t diff_comment_step(DiffCtx *c, uint32_t change, DiffObjKind target, const char *comment);
bool diff_table_has_rows(const DiffCtx *c, const char *schema, const char *name);
bool diff_enum_swapped(const DiffCtx *c, const char *schema, const char *name);
/* Keys of every user type (enum) and sequence a column uses, with the given role. */
void diff_column_type_keys(DiffCtx *c, uint32_t step, KeyRole role, const char *table_schema,
                           const CatColumn *col, bool old_side);

/* ---- types.c: domains and composite types ---------------------------------- */

/* Push "schema\x1fname" (scratch) of each domain replaced by a swap onto v. */
void diff_domain_swaps(DiffCtx *c, AgVec *v);
void diff_domains(DiffCtx *c);
void diff_composites(DiffCtx *c);

/* ---- table.c --------------------------------------------------------------- */

void diff_tables(DiffCtx *c);
void diff_indexes(DiffCtx *c);
/* After diff_tables: does the column of the `from` table get ALTER COLUMN ... TYPE
 * (TablePlan.col_retyped)? False for a column that goes, or a table that goes. */
bool diff_column_retyped(const DiffCtx *c, const CatTable *from, const char *column);
/* Keys for an expression (sql) of an object on table t that is dropped (old side:
 * RELEASES "c" and "co" of each column it names) or created (NEEDS "c" and "cv"). */
void diff_column_use_keys(DiffCtx *c, uint32_t step, const CatTable *t, const char *sql,
                          bool creating);

/* ---- view.c ---------------------------------------------------------------- */

/* Views and materialized views; after diff_tables (reads its column steps, sets the
 * fate of indexes on recreated materialized views), before diff_indexes. */
void diff_views(DiffCtx *c);

/* ---- partition.c ------------------------------------------------------------ */

/* Row-level security flags, policies, ATTACH / DETACH of partitions of kept tables. */
void diff_partitions_rls(DiffCtx *c);
/* Is t a partition whose parent, on the same side (cat), has a CHECK named name?
 * Such constraints and all of a partition's columns follow the parent. */
bool diff_inherited_check(const Catalog *cat, const CatTable *t, const char *name);
/* Must the table be dropped and created again (partition key added, removed or
 * changed)? */
bool diff_partition_recreate(const CatTable *from, const CatTable *to);
/* When the from-side table f, dropped by step s, is created again for a new partition
 * key, mark s for review (DIFF_REVIEW_PARTKEY, evidence: the keys). */
void diff_partition_review(DiffCtx *c, uint32_t s, const CatTable *f);

/* ---- rename.c -------------------------------------------------------------- */

/* Pair dropped and added objects that are renames (hints, annotations, detection),
 * record their DIFF_RENAME steps, and return `from` as it is after those renames (the
 * catalog the rest of the diff starts from; c->from itself when nothing is renamed).
 * Wraps c->opts' row lookups so that they ask about the old table names. */
const Catalog *diff_renames(DiffCtx *c);
/* Every other step runs after the renames. Call after every step is recorded. */
void diff_rename_keys(DiffCtx *c);

/* ---- function.c ------------------------------------------------------------ */

/* Functions, procedures and triggers; keys that order functions before the table steps
 * whose expressions call them (and drops after). Runs after every other kind. */
void diff_functions(DiffCtx *c);
/* Before any other kind: which functions go (see DiffCtx.gone_fns). */
void diff_plan_functions(DiffCtx *c);
/* Does expression e call, by name, a function that goes? Then what holds e must go
 * before the function's DROP and come back after its CREATE. */
bool diff_calls_gone_function(DiffCtx *c, const CatExpr *e);
/* For diff_views: add to gone_fns every function kept by the diff whose arguments or
 * result name the row type of a view in gone_views (PostgreSQL refuses to drop the view
 * while it exists; diff_functions then drops it before and creates it after). True when
 * the list grew, so that the views calling those functions can follow. */
bool diff_plan_view_functions(DiffCtx *c);
/* "f" keys with the given role for every function of cat that sql calls by name. */
void diff_call_keys(DiffCtx *c, uint32_t step, KeyRole role, const Catalog *cat, const char *sql);

/* ---- grant.c --------------------------------------------------------------- */

/* GRANT / REVOKE steps for the differences in CatObject.grants (opt-in: both lists are
 * empty unless loaded with grants). After every other kind: reads their drop steps. */
void diff_grants(DiffCtx *c);

/* ---- order.c --------------------------------------------------------------- */

/* Sort c->steps into run order; fills cs. */
void diff_order(DiffCtx *c, DiffChangeset *cs);

/* ---- sqltext.c ------------------------------------------------------------- */

/* For "schema.name" or "schema.name[]" (format_type spelling of a user type), the raw
 * schema and name; false for built-in types. Strings in arena. */
bool diff_type_ref(AgArena *arena, const char *type, const char **schema, const char **name,
                   bool *is_array);

typedef struct TypeChange {
    DiffUsing using;
    bool rewrite; /* the table is rewritten (else only metadata, maybe a scan) */
    bool review;  /* the conversion may fail on some rows */
    bool lossy;   /* values may be rounded or cut (numeric scale, precision, date) */
} TypeChange;

TypeChange diff_type_change(const char *from_type, const char *to_type);
/* types.c: when type (a column's, "schema.name" or "schema.name[]") is a swapped domain,
 * the conversion of its columns: USING col::type, reviewed as its base types' change is. */
void diff_domain_swap_change(DiffCtx *c, const char *type, TypeChange *tc);

/* Does the expression text mention the column name as an identifier (not a string,
 * function name or type)? Used for "this index/constraint involves that column". */
bool diff_expr_mentions(const char *sql, const char *column);
/* Does the text contain the literal 'label'? */
bool diff_expr_has_literal(const char *sql, const char *label);
/* Sequences named in nextval('...') calls of sql: calls fn for each (raw schema, name);
 * an unqualified name takes default_schema. */
void diff_expr_sequences(AgArena *arena, const char *sql, const char *default_schema,
                         void (*fn)(void *ctx, const char *schema, const char *name), void *ctx);
/* Is a sequence option the default for its type and increment? Compare sequences by
 * their effective options with diff_seq_equal. */
bool diff_seq_equal(const CatSeqOptions *a, const CatSeqOptions *b, bool ignore_type);

#endif

/*
 * parser/internal.h: what the parser's files share and nobody else sees: the load state
 * kept across files (PrsState), the per-file context (PrsContext), and helpers over
 * libpg_query's protobuf-c nodes.
 * Not here: anything another module may call (parser.h is the public face).
 */
#ifndef AUTOGEN_PARSER_INTERNAL_H
#define AUTOGEN_PARSER_INTERNAL_H

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include "base/base.h"
#include "catalog/catalog.h"

typedef PgQuery__Node PrsNode;

/* A set of "schema\x1fname" keys with a count each (a name may be freed by a rename).
 * Lives in the catalog's arena; grows by doubling (old tables stay in the arena). */
typedef struct PrsNameEntry {
    const char *key;
    uint64_t hash;
    uint32_t count;
    AgLoc loc; /* first definition, for notes */
    void *obj; /* what the first definition made, when the caller keeps it */
} PrsNameEntry;

typedef struct PrsNameSet {
    PrsNameEntry *items;
    uint32_t cap;
    uint32_t len;
} PrsNameSet;

/* A statement that names a table not (yet) defined: replayed by prs_finish, when every
 * file has been read, and reported there if the table is still unknown. */
typedef struct PrsDeferred {
    const char *file;
    const char *text; /* the statement alone, NUL-terminated, in the catalog arena */
    uint32_t line;    /* where text starts in the file */
    uint32_t col;
    const char **search_path;
    uint32_t nsearch_path;
} PrsDeferred;

/* A column's user type, to be found among the model's types once every file is read. */
typedef struct PrsTypeUse {
    const char *schema;
    const char *name;
    AgLoc loc;
} PrsTypeUse;

/* The column behind an identity sequence (ALTER SEQUENCE on it changes the column's
 * identity_seq). Columns move when their table grows, so the name is kept. */
typedef struct PrsIdentityOwner {
    CatTable *table;
    const char *column;
} PrsIdentityOwner;

/* A partition or an INHERITS child and its parent: ALTER TABLE without ONLY reaches the
 * children too. */
typedef struct PrsChild {
    CatTable *parent;
    CatTable *child;
} PrsChild;

/* State kept across prs_load_string calls on one catalog until prs_finish.
 * The names sets mirror PostgreSQL's per-schema namespaces, which decide implicit names:
 * relations (tables, indexes, sequences, views, composite types: one namespace) and
 * constraints (pg_constraint.connamespace). Objects autogen does not manage still take
 * their names there, or the "1", "2" suffixes would differ from the server's. */
typedef struct PrsState {
    Catalog *cat;
    AgArena names;             /* the name sets below: freed by prs_finish */
    PrsNameSet relations;      /* every relation name, managed or not */
    PrsNameSet constraints;    /* every constraint name */
    PrsNameSet ignored;        /* relations autogen does not manage: views, partitioned ... */
    PrsNameSet types;          /* user types that are not enums (domains, composites, ...) */
    PrsNameSet extensions;     /* ("", name): extension names are database-wide */
    PrsNameSet index_cols;     /* index -> its column names (const char **), for LIKE */
    PrsNameSet attached;       /* indexes attached to a partitioned index: not objects */
    PrsNameSet functions;      /* functions and aggregates of the model, by name */
    PrsNameSet identity_seqs;  /* sequences behind identity columns (not CatSequences) */
    PrsNameSet collations;     /* collations the model creates (not managed) */
    struct PrsChild *children; /* partitions and INHERITS children */
    uint32_t nchildren;
    uint32_t capchildren;
    struct PrsTypeUse *type_uses; /* user types named by columns, checked at the end */
    uint32_t ntype_uses;
    uint32_t captype_uses;
    PrsDeferred *deferred;
    uint32_t ndeferred;
    uint32_t capdeferred;
} PrsState;

/* One file (or one deferred statement) being read. */
typedef struct PrsContext {
    PrsState *st;
    Catalog *cat;
    AgArena *arena; /* the catalog's arena: what the catalog keeps */
    AgArena *tmp;   /* scratch, reset after each statement */
    AgDiag *diag;
    const char *file; /* in arena */
    /* Current statement, comments before it included (as the splitter gives it), and
     * the place of its first byte in the file. */
    uint32_t stmt_line;
    uint32_t stmt_col;
    const char *stmt_text; /* NUL-terminated copy of the statement, as parsed */
    size_t stmt_len;
    const char *const *search_path; /* [0] is where unqualified objects are created */
    uint32_t nsearch_path;
    bool replaying; /* a deferred statement: a missing table is now an error */
} PrsContext;

/* ---- places and diagnostics (util.c) -------------------------------------- */

/* The place of a byte offset within the current statement text (as libpg_query gives
 * tree locations; -1 means unknown and gives the statement's start). The only
 * conversion from offsets to lines and columns. */
AgLoc prs_loc_from_offset(const PrsContext *ctx, int32_t offset);
/* Place of the statement's first token (after leading comments and blanks). */
AgLoc prs_stmt_loc(const PrsContext *ctx);
/* The byte offset of a 1-based character position in s (libpg_query's cursorpos). */
size_t prs_char_to_byte(const char *s, int32_t cursorpos);
/* An error at loc followed by a note at first (when first has a place). */
void prs_error_dup(PrsContext *ctx, AgLoc loc, AgLoc first, const char *fmt, ...) AG_PRINTF(4, 5);

/* ---- names ---------------------------------------------------------------- */

/* Count one more use of schema.name (loc: the first one's place); the entry is returned
 * so that the caller may hang its object on it. */
PrsNameEntry *prs_names_add(AgArena *arena, PrsNameSet *set, const char *schema, const char *name,
                            AgLoc loc);
void prs_names_remove(PrsNameSet *set, const char *schema, const char *name);
/* The entry when present (count > 0), else NULL. */
const PrsNameEntry *prs_names_find(const PrsNameSet *set, const char *schema, const char *name);

/* PostgreSQL's implicit name for a relation (index, sequence) or a constraint in schema:
 * table_cols_label, then label1, label2... until free in the namespaces space names. */
typedef enum PrsNameSpace {
    PRS_NAME_RELATION,         /* plain index, sequence: ChooseRelationName(..., false) */
    PRS_NAME_RELATION_AND_CON, /* index behind a constraint: ChooseRelationName(..., true) */
    PRS_NAME_CONSTRAINT_ONLY,  /* CHECK, FOREIGN KEY: ChooseConstraintName */
} PrsNameSpace;
const char *prs_choose_name(PrsContext *ctx, const char *schema, const char *table,
                            const char *const *cols, uint32_t ncols, const char *label,
                            PrsNameSpace space);

/* Take an object out of the catalog (an index that became a constraint's, or a
 * partition's clone). Catalog has no removal: the object leaves the objects array (ids
 * are renumbered by cat_finish) and takes a name no lookup can hit, so the registry's
 * hash cannot find it again. */
void prs_remove_object(Catalog *cat, CatObject *o);

/* ChooseIndexColumnNames: a name per index column (NULL means an expression and gives
 * "expr"), with "1", "2"... appended to repeats. Result in tmp. */
const char **prs_index_colnames(PrsContext *ctx, const char *const *raw, uint32_t n);

/* A statement about an object not (yet) defined: keep it for prs_finish and return
 * true; when already replaying, return false (the caller reports the missing object). */
bool prs_defer(PrsContext *ctx);

/* ---- grants (grant.c, function.c) ----------------------------------------- */

/* GRANT / REVOKE on tables, views, sequences, functions and schemas into
 * CatObject.grants; only when ctx->cat->grants (else the statement is ignored). */
void prs_grant(PrsContext *ctx, const PgQuery__GrantStmt *gs, int32_t at);
/* The model function an ObjectWithArgs names, NULL when none. */
CatObject *prs_function_find(PrsContext *ctx, const PgQuery__ObjectWithArgs *ow);

/* ---- nodes (util.c) ------------------------------------------------------- */

/* String value of a String node, or NULL. */
const char *prs_str(const PrsNode *n);
/* Names of a list of String nodes as an arena array; *n receives the count. */
const char **prs_str_list(AgArena *a, PrsNode **items, size_t nitems, uint32_t *n);
/* "a.b.c" of a list of String nodes, for messages. */
const char *prs_dotted(AgArena *a, PrsNode **items, size_t nitems);

/* Schema for a relation name: its own, or the first schema of the search path that has
 * a relation of that name, or the creation schema. */
const char *prs_rel_schema(PrsContext *ctx, const char *schema, const char *name);
/* Schema where unqualified objects are created. */
const char *prs_creation_schema(const PrsContext *ctx);
/* The file's search_path now, as SET prints it ("app, public", quoted as needed;
 * "public" when empty), in the catalog's arena: where emit runs the model's own text. */
const char *prs_search_path_text(PrsContext *ctx);
/* Is schema.name a relation autogen ignores (view, partitioned table ...)? */
bool prs_is_ignored(const PrsContext *ctx, const char *schema, const char *name);
/* The table for a statement that alters it. NULL when absent: then the statement has
 * been deferred (first pass), reported (replay), or is about an ignored relation; *skip
 * tells the caller to go on quietly. */
CatTable *prs_table_for_stmt(PrsContext *ctx, const PgQuery__RangeVar *rv, bool missing_ok,
                             bool *skip);

/* Canonical type of a TypeName (cat_canon_type), in arena. is_serial receives the
 * serial kind (0, or "integer"/"bigint"/"smallint") when the name is a serial alias. */
const char *prs_type_name(PrsContext *ctx, const PgQuery__TypeName *tn, const char **serial);

/* Remember a column's type for prs_finish's check that user types exist. */
void prs_note_type_use(PrsContext *ctx, const PgQuery__TypeName *tn, const char *canon, AgLoc loc);

/* Deparsed text of an expression subtree (tmp arena), NULL with an error on failure. */
const char *prs_deparse_expr(PrsContext *ctx, const PrsNode *expr);
/* A statement subtree (a SelectStmt, ...) printed back by libpg_query, in tmp; NULL with
 * an error "cannot print this <what> back". */
const char *prs_deparse_stmt(PrsContext *ctx, const char *what, const PrsNode *stmt);
/* A CatExpr in the catalog arena for the subtree; NULL with an error on failure. */
CatExpr *prs_expr(PrsContext *ctx, const PrsNode *expr);
/* Would PostgreSQL store no default for this expression on a column of coltype (a
 * NULL constant, bare or cast to the column's own type)? */
bool prs_is_null_default(PrsContext *ctx, const PrsNode *expr, const char *coltype);
/* Distinct column names an expression references (ColumnRef), up to max. */
uint32_t prs_expr_columns(const PrsNode *expr, const char **out, uint32_t max);
/* FigureIndexColname: the name PostgreSQL derives from an index expression, or NULL. */
const char *prs_figure_colname(const PrsNode *expr);

/* Integer value of a DefElem argument (Integer, Float-as-text, or String). */
bool prs_defelem_int64(const PrsNode *arg, int64_t *out);
/* Text of a DefElem argument as PostgreSQL's defGetString gives it (NULL: no value). */
const char *prs_defelem_str(AgArena *a, const PrsNode *arg);

/* ---- statements ------------------------------------------------------------ */

void prs_create_table(PrsContext *ctx, const PgQuery__CreateStmt *cs, int32_t loc);
/* partition.c: PARTITION BY / PARTITION OF of a new table; ATTACH / DETACH PARTITION and
 * row-level security subcommands (true when cmd was one of them); policies. */
void prs_partition_create(PrsContext *ctx, CatTable *t, const PgQuery__CreateStmt *cs);
/* The schema of a collation named without one: the first schema of the search path
 * where the model creates a collation of that name, else pg_catalog (built-in and
 * imported collations). */
const char *prs_collation_schema(PrsContext *ctx, const char *name);
/* The collation of a COLLATE clause (NULL cc: none): raw name and schema; "default" is
 * no collation. */
void prs_collation(PrsContext *ctx, const PgQuery__CollateClause *cc, const char **name,
                   const char **schema);
/* An index of a partitioned table takes over (attaches) the first equivalent index the
 * partition child already has, as PostgreSQL does; that one is then no catalog object. */
void prs_partition_index(PrsContext *ctx, const CatIndex *parent_ix, const CatTable *child);
bool prs_partition_alter(PrsContext *ctx, CatTable *t, const PgQuery__AlterTableCmd *cmd,
                         AgLoc loc);
void prs_create_policy(PrsContext *ctx, const PgQuery__CreatePolicyStmt *ps, int32_t loc);
void prs_alter_policy(PrsContext *ctx, const PgQuery__AlterPolicyStmt *ps, int32_t loc);
/* COMMENT ON POLICY name ON [schema.]table: items are the object's name list. */
bool prs_comment_policy(PrsContext *ctx, PrsNode **items, size_t n, const char *text, AgLoc loc);
void prs_alter_table(PrsContext *ctx, const PgQuery__AlterTableStmt *as);
void prs_rename(PrsContext *ctx, const PgQuery__RenameStmt *rs);
void prs_create_index(PrsContext *ctx, const PgQuery__IndexStmt *is, int32_t loc);
void prs_create_schema(PrsContext *ctx, const PgQuery__CreateSchemaStmt *cs, int32_t loc);
void prs_create_extension(PrsContext *ctx, const PgQuery__CreateExtensionStmt *ce, int32_t loc);
void prs_create_enum(PrsContext *ctx, const PgQuery__CreateEnumStmt *ce, int32_t loc);
void prs_alter_enum(PrsContext *ctx, const PgQuery__AlterEnumStmt *ae, int32_t loc);
void prs_create_sequence(PrsContext *ctx, const PgQuery__CreateSeqStmt *cs, int32_t loc);
void prs_alter_sequence(PrsContext *ctx, const PgQuery__AlterSeqStmt *as, int32_t loc);
void prs_comment(PrsContext *ctx, const PgQuery__CommentStmt *cs, int32_t loc);
/* Domains and composite types (types.c). prs_comment_type handles a COMMENT ON DOMAIN,
 * TYPE, CONSTRAINT ... ON DOMAIN or COLUMN of a composite type when it names one of
 * them, and returns false to leave any other target to prs_comment. */
void prs_create_domain(PrsContext *ctx, const PgQuery__CreateDomainStmt *cd, int32_t loc);
/* do_block.c: the DDL statements inside a DO block, taken as model statements. */
void prs_do_block(PrsContext *ctx, const PgQuery__DoStmt *ds, int32_t loc);
/* parser.c: parse and walk sql as a statement of its own placed at (line, col) of the
 * current file, then restore the current statement. */
void prs_parse_nested(PrsContext *ctx, const char *sql, uint32_t line, uint32_t col);
void prs_alter_domain(PrsContext *ctx, const PgQuery__AlterDomainStmt *ad, int32_t loc);
void prs_create_composite(PrsContext *ctx, const PgQuery__CompositeTypeStmt *cs, int32_t loc);
void prs_alter_composite(PrsContext *ctx, const PgQuery__AlterTableStmt *as);
bool prs_comment_type(PrsContext *ctx, const PgQuery__CommentStmt *cs, const char *text, AgLoc loc);

/* Functions, procedures and triggers (function.c). */
void prs_create_function(PrsContext *ctx, const PgQuery__CreateFunctionStmt *fs, int32_t loc);
void prs_create_trigger(PrsContext *ctx, const PgQuery__CreateTrigStmt *ts, int32_t loc);
/* ALTER TABLE ... ENABLE / DISABLE TRIGGER name: state is pg_trigger.tgenabled. */
bool prs_trigger_state(PrsContext *ctx, CatTable *t, const char *name, char state, AgLoc loc);
/* CREATE TABLE ... AS (table_as.c); false when cs is not one. */
bool prs_create_table_as(PrsContext *ctx, const PgQuery__CreateTableAsStmt *cs);
/* CREATE AGGREGATE (function.c); false when ds defines something else. */
bool prs_create_aggregate(PrsContext *ctx, const PgQuery__DefineStmt *ds, int32_t at);
void prs_comment_function(PrsContext *ctx, const PgQuery__CommentStmt *cs, AgLoc loc,
                          const char *text);
void prs_comment_trigger(PrsContext *ctx, const PgQuery__CommentStmt *cs, AgLoc loc,
                         const char *text);

/* Views (view.c). prs_create_matview returns false when cs is not a materialized view.
 * prs_matview_table: a stand-in table (tmp arena) for an index on a materialized view,
 * NULL when schema.name is not one. prs_comment_view: handles COMMENT ON VIEW,
 * MATERIALIZED VIEW and COLUMN of a view, false when the target is not a view. */
void prs_create_view(PrsContext *ctx, const PgQuery__ViewStmt *vs);
bool prs_create_matview(PrsContext *ctx, const PgQuery__CreateTableAsStmt *cs);
CatTable *prs_matview_table(PrsContext *ctx, const char *schema, const char *name,
                            const PgQuery__IndexStmt *is);
bool prs_comment_view(PrsContext *ctx, const PgQuery__CommentStmt *cs, const char *text);
/* REFRESH MATERIALIZED VIEW (pg_dump writes one after WITH NO DATA): the view is
 * populated. False when the view is not one of the model's. */
bool prs_refresh_matview(PrsContext *ctx, const PgQuery__RefreshMatViewStmt *rs);

/* Sequence options (CREATE SEQUENCE, identity) applied over opts; type_default is the
 * AS type when none is given. Reports bad options; returns OWNED BY (a String list) or
 * NULL through owned_by when present. */
void prs_seq_options(PrsContext *ctx, CatSeqOptions *opts, bool is_new, PrsNode **options,
                     size_t noptions, PgQuery__List **owned_by, const char **seq_name_schema,
                     const char **seq_name);
/* PostgreSQL's defaults for a new sequence of the given type. */
void prs_seq_defaults(CatSeqOptions *opts, const char *type);

/* Add a table constraint (CREATE TABLE element, column constraint, or ALTER TABLE ADD).
 * column: the column of a column constraint, else NULL. in_create: CREATE TABLE
 * (NOT VALID is then ignored, as PostgreSQL does). */
void prs_add_constraint(PrsContext *ctx, CatTable *t, const PgQuery__Constraint *c,
                        const char *column, bool in_create);

/* Index elements shared by CREATE INDEX and EXCLUDE (method: the index method, for
 * default operator classes). */
bool prs_index_elems(PrsContext *ctx, CatTable *t, const char *method, PrsNode **params,
                     size_t nparams, CatIndexElem **out, uint32_t *nout, const char ***names);

/* Is opclass (in pg_catalog) what PostgreSQL picks by default for a key of coltype with
 * this index method? (opclass.c) */
bool prs_is_default_opclass(PrsContext *ctx, const char *method, const char *opclass,
                            const char *coltype);

/* Rename annotations "-- autogen: renamed from <old>" (annotate.c): for every object and
 * column of cat declared in file, a comment-only line just above its declaration or a
 * comment at the end of its line sets renamed_from (raw name, quotes removed). */
void prs_annotate_renames(Catalog *cat, const char *file, const char *text);

#endif

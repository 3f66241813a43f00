/*
 * diff/diff.h: two catalogs in, an ordered changeset out. The changeset is a list of
 * steps, each one SQL statement's worth of work described by values and pointers into
 * the two catalogs (never SQL text: emit/ prints it), in the order they must run, and a
 * list of changes grouping the steps per object for summaries and JSON reports.
 *
 * The downgrade is diff_catalogs(to, from): every rule here works in both directions.
 * Not here: SQL text, quoting (emit/), files, the database. Renames: rename.c.
 */
#ifndef AUTOGEN_DIFF_DIFF_H
#define AUTOGEN_DIFF_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/base.h"
#include "catalog/catalog.h"

/* An explicit rename, kind-agnostic: old is "schema.name" (table, index, sequence, type)
 * or "schema.table.column" (column, then constraint; or "schema.type.label": enum value),
 * raw names joined by '.'; new_name is the new last part. */
typedef struct DiffRename {
    const char *old;
    const char *new_name;
    bool is_guess;        /* not confirmed by a person: emit the review marker */
    const char *evidence; /* for is_guess: why (printed in the marker); may be NULL */
} DiffRename;

typedef struct DiffOptions {
    /* CREATE/DROP INDEX CONCURRENTLY on existing tables, and SET NOT NULL through a
     * validated CHECK (col IS NOT NULL) so that the scan runs without ACCESS EXCLUSIVE. */
    bool online;
    /* Which existing tables hold rows. When rows_known is false (a zero-initialised
     * DiffOptions), every table of `from` is assumed to hold rows: the safe side, since
     * a NOT NULL column without a default then gets a backfill step for review. */
    bool rows_known;
    const char *const *nonempty_tables; /* "schema.table", raw names joined by '.', sorted
                                           by strcmp; only read when rows_known */
    size_t nnonempty_tables;
    /* Optional: asked instead of nonempty_tables when set (rows_known must be true). */
    bool (*table_has_rows)(const char *schema, const char *table, void *ctx);
    void *rows_ctx;
    /* Renames (diff/rename.c). Explicit ones always win over detection; a guessed one
     * (detected, or passed on with is_guess) is emitted with a review marker. */
    const DiffRename *renames;
    size_t nrenames;
    bool no_rename_detection; /* --no-renames: only explicit renames and annotations */
} DiffOptions;

/* One step = one statement. Fields of DiffStep used by each kind are listed on the right;
 * every step also has schema/name (the object, or the table for ALTER TABLE steps). */
typedef enum DiffStepKind {
    DIFF_CREATE_SCHEMA,          /* obj (CatSchema) */
    DIFF_DROP_SCHEMA,            /* obj */
    DIFF_CREATE_EXTENSION,       /* obj (CatExtension) */
    DIFF_DROP_EXTENSION,         /* obj */
    DIFF_ALTER_EXTENSION_SCHEMA, /* obj (to side): SET SCHEMA obj->schema */
    DIFF_ALTER_EXTENSION_VERSION, /* obj (to side, a version the model names): UPDATE TO */
    DIFF_CREATE_ENUM,            /* obj (CatEnum) */
    DIFF_DROP_ENUM,              /* obj; temp_name set: drop that name (after a swap) */
    DIFF_ENUM_ADD_VALUE,         /* obj, label, neighbor (NULL: append), before */
    DIFF_ENUM_RENAME,            /* obj (from side), temp_name: RENAME TO temp_name */
    DIFF_CREATE_SEQUENCE,        /* obj (CatSequence); OWNED BY comes as its own step */
    DIFF_DROP_SEQUENCE,          /* obj */
    DIFF_ALTER_SEQUENCE,         /* obj (to), old_obj (from): the options that differ */
    DIFF_SEQUENCE_OWNED_BY,      /* obj (CatSequence); owner_none: OWNED BY NONE, else
                                    obj's owned_* */
    DIFF_CREATE_TABLE,           /* obj (CatTable), cons/ncons: constraints written inline */
    DIFF_DROP_TABLE,             /* obj */
    DIFF_SET_LOGGED,             /* obj (to): SET LOGGED or SET UNLOGGED as obj says */
    DIFF_ADD_COLUMN,             /* table, column; add_nullable: leave NOT NULL out */
    DIFF_DROP_COLUMN,            /* table, old_column */
    DIFF_ALTER_COLUMN_TYPE,      /* table, column, old_column, using */
    DIFF_SET_DEFAULT,            /* table, column */
    DIFF_DROP_DEFAULT,           /* table, column (the side that has the column) */
    DIFF_DROP_EXPRESSION,        /* table, column: generated -> plain column */
    DIFF_SET_NOT_NULL,           /* table, column */
    DIFF_DROP_NOT_NULL,          /* table, column */
    DIFF_BACKFILL,               /* table, column: UPDATE ... WHERE col IS NULL, review */
    DIFF_ADD_IDENTITY,           /* table, column */
    DIFF_DROP_IDENTITY,          /* table, column */
    DIFF_ALTER_IDENTITY,         /* table, column, old_column: SET GENERATED / options */
    DIFF_ADD_CONSTRAINT,         /* table, con, not_valid, using_index */
    DIFF_DROP_CONSTRAINT,        /* table, con */
    DIFF_VALIDATE_CONSTRAINT,    /* table, con */
    DIFF_CREATE_INDEX,           /* obj (CatIndex), concurrently */
    DIFF_DROP_INDEX,             /* obj, concurrently */
    DIFF_COMMENT,                /* target, obj | table+column | table+con, comment */
    DIFF_RENAME,                 /* target, old_name -> new_name; schema/name: the object
                                    (old name), or its table / enum type (new name) for a
                                    column, constraint, or enum value (is_label) */
    DIFF_ATTACH_PARTITION,       /* table (the partition, to side): ATTACH to its parent */
    DIFF_DETACH_PARTITION,       /* table (the partition, from side): DETACH from its parent */
    DIFF_SET_RLS,                /* table (to), old_obj (from table or NULL): ENABLE/DISABLE,
                                    FORCE/NO FORCE ROW LEVEL SECURITY where they differ */
    DIFF_CREATE_POLICY,          /* table, policy */
    DIFF_DROP_POLICY,            /* table, policy */
    DIFF_ALTER_POLICY,           /* table, policy (to), old_policy: TO / USING / WITH CHECK */
    DIFF_CREATE_FUNCTION,        /* obj (CatFunction): its definition */
    DIFF_REPLACE_FUNCTION,       /* obj (to), old_obj (from): CREATE OR REPLACE */
    DIFF_DROP_FUNCTION,          /* obj */
    DIFF_CREATE_TRIGGER,         /* table, trigger */
    DIFF_DROP_TRIGGER,           /* table, trigger */
    DIFF_TRIGGER_STATE,          /* table, trigger (to): ENABLE / DISABLE TRIGGER */
    DIFF_CREATE_DOMAIN,          /* obj (CatDomain): NOT VALID checks come as ALTER steps */
    DIFF_DROP_DOMAIN,            /* obj; temp_name set: drop that name (after a swap) */
    DIFF_ALTER_DOMAIN,           /* obj (to), old_obj (from), type_alter, con */
    DIFF_CREATE_COMPOSITE,       /* obj (CatComposite) */
    DIFF_DROP_COMPOSITE,         /* obj */
    DIFF_ALTER_COMPOSITE,        /* obj (to), type_alter, column / old_column: an attribute */
    DIFF_CREATE_VIEW,            /* obj (CatView, to side): CREATE [MATERIALIZED] VIEW */
    DIFF_REPLACE_VIEW,           /* obj (to), old_obj (from): CREATE OR REPLACE VIEW */
    DIFF_DROP_VIEW,              /* obj (from side) */
    DIFF_GRANT,                  /* obj (to side), grant ("grantee=PRIV[*]", catalog.h);
                                    revoke: REVOKE rather than GRANT (inverted for
                                    "public=-EXECUTE") */
    DIFF_STEP_KIND_COUNT
} DiffStepKind;

/* What a DIFF_ALTER_DOMAIN / DIFF_ALTER_COMPOSITE step does. */
typedef enum DiffTypeAlter {
    DIFF_TA_SET_DEFAULT,         /* domain: obj's default */
    DIFF_TA_DROP_DEFAULT,
    DIFF_TA_SET_NOT_NULL,
    DIFF_TA_DROP_NOT_NULL,
    DIFF_TA_ADD_CONSTRAINT,      /* con; not_valid: ADD ... NOT VALID */
    DIFF_TA_DROP_CONSTRAINT,     /* con (from side) */
    DIFF_TA_VALIDATE_CONSTRAINT, /* con */
    DIFF_TA_COMMENT_CONSTRAINT,  /* con, comment */
    DIFF_TA_RENAME,              /* domain swap: obj (from side) RENAME TO temp_name */
    DIFF_TA_ADD_ATTRIBUTE,       /* composite: column */
    DIFF_TA_DROP_ATTRIBUTE,      /* old_column */
    DIFF_TA_ALTER_ATTRIBUTE,     /* column (to), old_column: TYPE ... [COLLATE ...] */
    DIFF_TA_COMMENT_ATTRIBUTE,   /* column, comment */
} DiffTypeAlter;

typedef enum DiffHazard {
    DIFF_HAZARD_DATA_LOSS,     /* rows or values are gone after the step */
    DIFF_HAZARD_REWRITE,       /* the table is rewritten under ACCESS EXCLUSIVE */
    DIFF_HAZARD_LOCK,          /* ACCESS EXCLUSIVE held during a full scan */
    DIFF_HAZARD_INDEX_BUILD,   /* an index is built while writes are blocked */
    DIFF_HAZARD_NEW_ENUM_USED, /* a value added in this changeset is used in it: the
                                  script must run outside a transaction */
    DIFF_HAZARD_COUNT
} DiffHazard;

#define DIFF_HAZARD_BIT(h) (1u << (h))

/* A decision a person must take before the script runs; emit/ writes it as an
 * "-- autogen:review ..." line above the statement. */
typedef enum DiffReview {
    DIFF_REVIEW_NONE,
    DIFF_REVIEW_BACKFILL, /* the value to fill a new NOT NULL column with */
    DIFF_REVIEW_USING,    /* a USING conversion that rows may fail */
    DIFF_REVIEW_RENAME,   /* a guessed rename (DiffStep.evidence says why) */
    DIFF_REVIEW_PARTKEY,  /* DROP TABLE of a table recreated for a new partition key */
} DiffReview;

typedef enum DiffUsing {
    DIFF_USING_NONE,      /* ALTER COLUMN ... TYPE t: the assignment cast does it */
    DIFF_USING_CAST,      /* USING col::t */
    DIFF_USING_TEXT_CAST, /* USING col::text::t (enum swaps; col::text[]::t for arrays) */
} DiffUsing;

typedef enum DiffOp { DIFF_OP_CREATE, DIFF_OP_DROP, DIFF_OP_ALTER } DiffOp;

typedef enum DiffObjKind {
    DIFF_OBJ_SCHEMA,
    DIFF_OBJ_EXTENSION,
    DIFF_OBJ_TYPE,
    DIFF_OBJ_SEQUENCE,
    DIFF_OBJ_TABLE,
    DIFF_OBJ_COLUMN,
    DIFF_OBJ_CONSTRAINT,
    DIFF_OBJ_INDEX,
    DIFF_OBJ_FUNCTION, /* functions and procedures */
    DIFF_OBJ_TRIGGER,  /* name: the table, sub: the trigger */
    DIFF_OBJ_VIEW,     /* views and materialized views; COMMENT: view_column names a column */
    DIFF_OBJ_POLICY,   /* name: the table, sub: the policy; COMMENT: table and policy set */
    DIFF_OBJ_COUNT
} DiffObjKind;

typedef struct DiffStep {
    DiffStepKind kind;
    uint32_t change;  /* index in DiffChangeset.changes */
    uint32_t hazards; /* DIFF_HAZARD_BIT()s */
    DiffReview review;
    const char *schema; /* raw; NULL for schemas and extensions */
    const char *name;   /* raw: the object, or its table */
    const CatObject *obj;
    const CatObject *old_obj;
    const CatTable *table;
    const CatColumn *column;
    const CatColumn *old_column;
    const CatConstraint *con;
    const CatConstraint *const *cons; /* DIFF_CREATE_TABLE: inline constraints, by name */
    uint32_t ncons;
    DiffObjKind target;   /* DIFF_COMMENT: what the comment is on */
    const char *comment;  /* DIFF_COMMENT: the text; NULL means IS NULL */
    const char *label;    /* DIFF_ENUM_ADD_VALUE */
    const char *neighbor; /* DIFF_ENUM_ADD_VALUE: BEFORE/AFTER this label; NULL: append */
    bool before;
    const char *temp_name; /* enum or domain swap: the old type's name while both exist */
    DiffTypeAlter type_alter; /* DIFF_ALTER_DOMAIN, DIFF_ALTER_COMPOSITE */
    DiffUsing using;
    bool not_valid;    /* ADD CONSTRAINT ... NOT VALID */
    bool using_index;  /* ADD CONSTRAINT name PRIMARY KEY / UNIQUE USING INDEX name: the
                          index was built CONCURRENTLY by the step before (online) */
    bool concurrently; /* CREATE/DROP INDEX CONCURRENTLY */
    bool add_nullable; /* ADD COLUMN without NOT NULL (backfill comes after) */
    bool owner_none;   /* SEQUENCE OWNED BY NONE */
    const CatSequence *sync_sequence; /* DIFF_SET_DEFAULT: nextval of this sequence, new in
                                       * this changeset: set past the column's values */
    const char *view_column; /* DIFF_COMMENT on DIFF_OBJ_VIEW: the view's column, or NULL */
    const CatTrigger *trigger; /* DIFF_*_TRIGGER, DIFF_COMMENT on a trigger (table set) */
    const CatPolicy *policy;     /* DIFF_*_POLICY, DIFF_COMMENT on a policy (table set) */
    const CatPolicy *old_policy; /* DIFF_ALTER_POLICY */
    const char *old_name; /* DIFF_RENAME */
    const char *new_name;
    bool is_label;        /* DIFF_RENAME: an enum value (RENAME VALUE) */
    const char *grant;    /* DIFF_GRANT: the CatObject.grants entry */
    bool revoke;          /* DIFF_GRANT: the entry goes (REVOKE) */
    const char *evidence; /* DIFF_RENAME: "both text, nullable", for the review marker;
                             DIFF_REVIEW_PARTKEY: the key change, "RANGE (a) -> none" */
} DiffStep;

/* One object's change, as a summary line shows it. */
typedef struct DiffChange {
    DiffOp op;
    DiffObjKind kind;
    const char *schema;        /* raw; NULL for schemas and extensions */
    const char *name;          /* the object, or the table of a column or constraint */
    const char *sub;           /* column or constraint name; NULL otherwise */
    bool recreated;            /* an alteration done by drop and create */
    const CatObject *from_obj; /* the object on each side when it is one (NULL if not) */
    const CatObject *to_obj;
    const CatColumn *from_column; /* DIFF_OBJ_COLUMN */
    const CatColumn *to_column;
    uint32_t *steps; /* indexes in DiffChangeset.steps, in run order */
    uint32_t nsteps;
    uint32_t hazards; /* union of the steps' hazards */
    const char *renamed_from; /* set on the change of a DIFF_RENAME: the old name */
} DiffChange;

typedef struct DiffChangeset {
    DiffStep *steps; /* in run order */
    uint32_t nsteps;
    DiffChange *changes; /* ordered by their first step */
    uint32_t nchanges;
    bool has_cycle; /* dependencies could not be ordered: steps[cycle_from..] are
                       in name order and the script will likely fail */
    uint32_t cycle_from;
} DiffChangeset;

/* Everything needed to go from `from` to `to`, ordered by dependencies (earliest-ready
 * in (kind priority, schema, name) order, so output is byte-stable).
 * Borrows: from, to, opts (the changeset points into both catalogs: keep them alive).
 * Result lives in: arena. Never fails; a dependency cycle sets has_cycle. opts may be NULL
 * (same as a zero-initialised DiffOptions). */
DiffChangeset *diff_catalogs(AgArena *arena, const Catalog *from, const Catalog *to,
                             const DiffOptions *opts);

/* ---- renames (rename.c) ---- */

/* A pair scoring at least this is a rename candidate (scores are in [0, 1]). */
#define DIFF_RENAME_THRESHOLD 0.6

/* One rename diff_catalogs would make, for a person to confirm (cmd/ asks on a terminal). */
typedef struct DiffRenameCandidate {
    DiffObjKind kind;   /* TABLE, COLUMN, CONSTRAINT, INDEX, SEQUENCE, TYPE */
    bool is_label;      /* TYPE: an enum value */
    DiffRename rename;  /* as a hint: pass it back (is_guess false) once confirmed */
    const char *old_display; /* "jobs.jd_content" */
    const char *new_display; /* "jobs.description" */
    uint32_t parent;    /* candidate this one depends on (its table's rename), UINT32_MAX */
} DiffRenameCandidate;

/* Every rename diff_catalogs(from, to, opts) would make, hints and guesses (is_guess), in
 * the order it finds them (a parent before what depends on it). Result in arena. */
size_t diff_rename_candidates(AgArena *arena, const Catalog *from, const Catalog *to,
                              const DiffOptions *opts, DiffRenameCandidate **out);
/* The renames of the other direction (for the downgrade): "s.t=t2" becomes "s.t2=t",
 * "s.t.c=d" becomes "s.t2.d=c" when t is renamed to t2 in the same list. Result in arena. */
size_t diff_renames_invert(AgArena *arena, const DiffRename *renames, size_t n,
                           DiffRename **out);
/* Name similarity in [0, 1]: the better of normalised edit distance and '_' token overlap. */
double diff_rename_name_similarity(const char *a, const char *b);
/* Scores of a column pair (same type required, else 0; only_pair: the one dropped and the
 * one added column of that type in the table) and of a table pair; *evidence says why
 * ("both text, nullable"), in arena. */
double diff_rename_column_score(AgArena *arena, const CatColumn *from, const CatColumn *to,
                                bool only_pair, const char **evidence);
double diff_rename_table_score(AgArena *arena, const CatTable *from, const CatTable *to,
                               const char **evidence);

/* Number of changes (summary lines); 0 means the catalogs are equal. */
size_t diff_count(const DiffChangeset *cs);

/* True when the script cannot run inside one transaction: CREATE/DROP INDEX
 * CONCURRENTLY, or an enum value added and used by the same changeset. */
bool diff_needs_no_transaction(const DiffChangeset *cs);

/* True when any step waits for a person (an autogen:review marker). */
bool diff_needs_review(const DiffChangeset *cs);

/* The options PostgreSQL picks for a sequence of this type and increment when none are
 * given (START follows MINVALUE, or MAXVALUE when descending: compare with those). */
void diff_seq_defaults(const char *type, int64_t increment, CatSeqOptions *out);

/* "data loss", "table rewrite", ...: the hazard's name in summaries. */
const char *diff_hazard_name(DiffHazard h);
/* "schema", "extension", "type", "sequence", "table", "column", "constraint", "index". */
const char *diff_obj_kind_name(DiffObjKind k);

#endif

/*
 * parser/objects.c: the statements about objects other than tables: CREATE SCHEMA,
 * CREATE EXTENSION, CREATE TYPE ... AS ENUM and ALTER TYPE ... ADD/RENAME VALUE,
 * CREATE / ALTER SEQUENCE (with PostgreSQL's option defaults, shared with identity
 * columns), CREATE INDEX (with PostgreSQL's implicit index names) and COMMENT ON.
 * Not here: tables and their constraints (table.c), files and dispatch (parser.c).
 */
#include <stdlib.h>
#include <string.h>

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include "parser/internal.h"

/* ---- schemas and extensions ------------------------------------------------------ */

void
prs_create_schema(PrsContext *ctx, const PgQuery__CreateSchemaStmt *cs, int32_t at)
{
    AgLoc loc = prs_loc_from_offset(ctx, at);
    const char *name = cs->schemaname;
    if ((!name || !*name) && cs->authrole && cs->authrole->rolename)
        name = cs->authrole->rolename; /* CREATE SCHEMA AUTHORIZATION role */
    if (!name || !*name)
        return;
    if (strcmp(name, "public") == 0)
        return; /* always there, and not a catalog object (see add_fresh_objects) */
    CatObject *prev = cat_find(ctx->cat, CAT_SCHEMA, NULL, name);
    if (prev) {
        if (cs->if_not_exists)
            return;
        prs_error_dup(ctx, loc, prev->loc, "schema %s is defined twice",
                      cat_quote_ident(ctx->tmp, name));
        return;
    }
    cat_add(ctx->cat, CAT_SCHEMA, NULL, name, loc);
}

/* Extension comments as the control files of PostgreSQL 15 and its contrib set them.
 * CREATE EXTENSION stores them, pg_dump writes them back as COMMENT ON EXTENSION, and
 * introspection reports a comment equal to this one as none. */
static const char *const extension_comments[][2] = {
    {"adminpack", "administrative functions for PostgreSQL"},
    {"amcheck", "functions for verifying relation integrity"},
    {"autoinc", "functions for autoincrementing fields"},
    {"bloom", "bloom access method - signature file based index"},
    {"btree_gin", "support for indexing common datatypes in GIN"},
    {"btree_gist", "support for indexing common datatypes in GiST"},
    {"citext", "data type for case-insensitive character strings"},
    {"cube", "data type for multidimensional cubes"},
    {"dblink", "connect to other PostgreSQL databases from within a database"},
    {"dict_int", "text search dictionary template for integers"},
    {"dict_xsyn", "text search dictionary template for extended synonym processing"},
    {"earthdistance", "calculate great-circle distances on the surface of the Earth"},
    {"file_fdw", "foreign-data wrapper for flat file access"},
    {"fuzzystrmatch", "determine similarities and distance between strings"},
    {"hstore", "data type for storing sets of (key, value) pairs"},
    {"insert_username", "functions for tracking who changed a table"},
    {"intagg", "integer aggregator and enumerator (obsolete)"},
    {"intarray", "functions, operators, and index support for 1-D arrays of integers"},
    {"isn", "data types for international product numbering standards"},
    {"lo", "Large Object maintenance"},
    {"ltree", "data type for hierarchical tree-like structures"},
    {"moddatetime", "functions for tracking last modification time"},
    {"old_snapshot", "utilities in support of old_snapshot_threshold"},
    {"pageinspect", "inspect the contents of database pages at a low level"},
    {"pg_buffercache", "examine the shared buffer cache"},
    {"pg_freespacemap", "examine the free space map (FSM)"},
    {"pg_prewarm", "prewarm relation data"},
    {"pg_stat_statements", "track planning and execution statistics of all SQL statements "
                           "executed"},
    {"pg_surgery", "extension to perform surgery on a damaged relation"},
    {"pg_trgm", "text similarity measurement and index searching based on trigrams"},
    {"pg_visibility", "examine the visibility map (VM) and page-level visibility info"},
    {"pg_walinspect", "functions to inspect contents of PostgreSQL Write-Ahead Log"},
    {"pgcrypto", "cryptographic functions"},
    {"pgrowlocks", "show row-level locking information"},
    {"pgstattuple", "show tuple-level statistics"},
    {"plpgsql", "PL/pgSQL procedural language"},
    {"postgres_fdw", "foreign-data wrapper for remote PostgreSQL servers"},
    {"refint", "functions for implementing referential integrity (obsolete)"},
    {"seg", "data type for representing line segments or floating-point intervals"},
    {"sslinfo", "information about SSL certificates"},
    {"tablefunc", "functions that manipulate whole tables, including crosstab"},
    {"tcn", "Triggered change notifications"},
    {"tsm_system_rows", "TABLESAMPLE method which accepts number of rows as a limit"},
    {"tsm_system_time", "TABLESAMPLE method which accepts time in milliseconds as a limit"},
    {"unaccent", "text search dictionary that removes accents"},
    {"uuid-ossp", "generate universally unique identifiers (UUIDs)"},
    {"xml2", "XPath querying and XSLT"},
};

static bool
is_control_comment(const char *ext, const char *comment)
{
    for (size_t i = 0; i < ARRAY_LEN(extension_comments); i++)
        if (strcmp(extension_comments[i][0], ext) == 0)
            return strcmp(extension_comments[i][1], comment) == 0;
    return false;
}

void
prs_create_extension(PrsContext *ctx, const PgQuery__CreateExtensionStmt *ce, int32_t at)
{
    AgLoc loc = prs_loc_from_offset(ctx, at);
    const char *schema = NULL, *version = NULL;
    for (size_t i = 0; i < ce->n_options; i++) {
        const PrsNode *o = ce->options[i];
        if (o->node_case != PG_QUERY__NODE__NODE_DEF_ELEM)
            continue;
        if (strcmp(o->def_elem->defname, "schema") == 0)
            schema = prs_defelem_str(ctx->tmp, o->def_elem->arg);
        else if (strcmp(o->def_elem->defname, "new_version") == 0)
            version = prs_defelem_str(ctx->tmp, o->def_elem->arg);
    }
    const PrsNameEntry *prev = prs_names_find(&ctx->st->extensions, "", ce->extname);
    if (prev) {
        if (ce->if_not_exists || prev->loc.line == 0)
            return; /* IF NOT EXISTS, or plpgsql which every database has */
        prs_error_dup(ctx, loc, prev->loc, "extension %s is created twice",
                      cat_quote_ident(ctx->tmp, ce->extname));
        return;
    }
    if (!schema)
        schema = prs_creation_schema(ctx);
    PrsNameEntry *e = prs_names_add(&ctx->st->names, &ctx->st->extensions, "", ce->extname, loc);
    if (strcmp(schema, "pg_catalog") == 0)
        return; /* like every object in pg_catalog, not a catalog object */
    CatExtension *ext = (CatExtension *) cat_add(ctx->cat, CAT_EXTENSION, schema, ce->extname, loc);
    if (!ext)
        return;
    if (version)
        ext->version = ag_arena_strdup(ctx->arena, version);
    e->obj = ext;
}

/* ---- enums ------------------------------------------------------------------------ */

/* schema and name of a qualified name list (TypeName names, CREATE TYPE names). */
static bool
split_name(PrsNode **items, size_t n, const char **schema, const char **name)
{
    if (n == 0 || n > 3)
        return false;
    *name = prs_str(items[n - 1]);
    *schema = n > 1 ? prs_str(items[n - 2]) : NULL;
    if (!*name)
        return false;
    return true;
}

/* Enum named by a name list, found through the search path when unqualified. */
static CatEnum *
find_enum(PrsContext *ctx, PrsNode **items, size_t n, const char **schema_out)
{
    const char *schema, *name;
    if (!split_name(items, n, &schema, &name))
        return NULL;
    if (schema) {
        *schema_out = schema;
        return (CatEnum *) cat_find(ctx->cat, CAT_ENUM, schema, name);
    }
    for (uint32_t i = 0; i < ctx->nsearch_path; i++) {
        CatObject *o = cat_find(ctx->cat, CAT_ENUM, ctx->search_path[i], name);
        if (o) {
            *schema_out = ctx->search_path[i];
            return (CatEnum *) o;
        }
    }
    *schema_out = prs_creation_schema(ctx);
    return (CatEnum *) cat_find(ctx->cat, CAT_ENUM, *schema_out, name);
}

static bool
label_ok(PrsContext *ctx, const char *label, AgLoc loc)
{
    if (strlen(label) == 0 || strlen(label) > 63) {
        ag_diag_error(ctx->diag, loc, "enum label \"%s\" must be 1 to 63 bytes long", label);
        return false;
    }
    return true;
}

void
prs_create_enum(PrsContext *ctx, const PgQuery__CreateEnumStmt *ce, int32_t at)
{
    AgLoc loc = prs_loc_from_offset(ctx, at);
    const char *schema, *name;
    if (!split_name(ce->type_name, ce->n_type_name, &schema, &name))
        return;
    if (!schema)
        schema = prs_creation_schema(ctx);
    CatObject *prev = cat_find(ctx->cat, CAT_ENUM, schema, name);
    const PrsNameEntry *other = prs_names_find(&ctx->st->types, schema, name);
    if (prev || other) {
        prs_error_dup(ctx, loc, prev ? prev->loc : other->loc, "type %s is defined twice",
                      cat_qualified(ctx->tmp, schema, name));
        return;
    }
    CatEnum *e = (CatEnum *) cat_add(ctx->cat, CAT_ENUM, schema, name, loc);
    e->labels = ag_arena_alloc(ctx->arena, sizeof(char *) * (ce->n_vals + 1));
    for (size_t i = 0; i < ce->n_vals; i++) {
        const char *label = prs_str(ce->vals[i]);
        if (!label || !label_ok(ctx, label, loc))
            continue;
        bool dup = false;
        for (uint32_t k = 0; k < e->nlabels && !dup; k++)
            dup = strcmp(e->labels[k], label) == 0;
        if (dup) {
            ag_diag_error(ctx->diag, loc, "enum label \"%s\" is listed twice in type %s", label,
                          cat_qualified(ctx->tmp, schema, name));
            continue;
        }
        e->labels[e->nlabels++] = ag_arena_strdup(ctx->arena, label);
    }
}

void
prs_alter_enum(PrsContext *ctx, const PgQuery__AlterEnumStmt *ae, int32_t at)
{
    AgLoc loc = prs_loc_from_offset(ctx, at);
    const char *schema = NULL;
    CatEnum *e = find_enum(ctx, ae->type_name, ae->n_type_name, &schema);
    if (!e) {
        const char *s, *n;
        if (split_name(ae->type_name, ae->n_type_name, &s, &n) &&
            prs_names_find(&ctx->st->types, s ? s : schema, n))
            return; /* a type autogen does not manage */
        if (prs_defer(ctx))
            return; /* the enum may come in a later file */
        ag_diag_error(ctx->diag, loc, "type %s is not an enum defined in the model",
                      prs_dotted(ctx->tmp, ae->type_name, ae->n_type_name));
        return;
    }
    if (ae->old_val && *ae->old_val) {
        for (uint32_t i = 0; i < e->nlabels; i++)
            if (strcmp(e->labels[i], ae->new_val) == 0) {
                ag_diag_error(ctx->diag, loc, "enum label \"%s\" already exists", ae->new_val);
                return;
            }
        for (uint32_t i = 0; i < e->nlabels; i++)
            if (strcmp(e->labels[i], ae->old_val) == 0) {
                e->labels[i] = ag_arena_strdup(ctx->arena, ae->new_val);
                return;
            }
        ag_diag_error(ctx->diag, loc, "enum label \"%s\" is not a label of type %s", ae->old_val,
                      cat_qualified(ctx->tmp, e->obj.schema, e->obj.name));
        return;
    }
    if (!label_ok(ctx, ae->new_val, loc))
        return;
    for (uint32_t i = 0; i < e->nlabels; i++)
        if (strcmp(e->labels[i], ae->new_val) == 0) {
            if (!ae->skip_if_new_val_exists)
                ag_diag_error(ctx->diag, loc, "enum label \"%s\" already exists", ae->new_val);
            return;
        }
    uint32_t pos = e->nlabels;
    if (ae->new_val_neighbor && *ae->new_val_neighbor) {
        uint32_t k = 0;
        while (k < e->nlabels && strcmp(e->labels[k], ae->new_val_neighbor) != 0)
            k++;
        if (k == e->nlabels) {
            ag_diag_error(ctx->diag, loc, "enum label \"%s\" is not a label of type %s",
                          ae->new_val_neighbor,
                          cat_qualified(ctx->tmp, e->obj.schema, e->obj.name));
            return;
        }
        pos = ae->new_val_is_after ? k + 1 : k;
    }
    const char **labels = ag_arena_alloc(ctx->arena, sizeof(char *) * (e->nlabels + 2));
    for (uint32_t i = 0, k = 0; i <= e->nlabels; i++) {
        if (i == pos)
            labels[i] = ag_arena_strdup(ctx->arena, ae->new_val);
        else
            labels[i] = e->labels[k++];
    }
    e->labels = labels;
    e->nlabels++;
}

/* ---- sequences ---------------------------------------------------------------------- */

static int64_t
type_max(const char *type)
{
    if (strcmp(type, "smallint") == 0)
        return INT16_MAX;
    if (strcmp(type, "integer") == 0)
        return INT32_MAX;
    return INT64_MAX;
}

static int64_t
type_min(const char *type)
{
    if (strcmp(type, "smallint") == 0)
        return INT16_MIN;
    if (strcmp(type, "integer") == 0)
        return INT32_MIN;
    return INT64_MIN;
}

void
prs_seq_defaults(CatSeqOptions *opts, const char *type)
{
    opts->type = type;
    opts->increment = 1;
    opts->min = 1;
    opts->max = type_max(type);
    opts->start = 1;
    opts->cache = 1;
    opts->cycle = false;
}

/* init_params (sequence.c): options over the current values; what is not given keeps
 * its value, or for a new sequence takes the default that depends on the direction
 * (ascending: MINVALUE 1, MAXVALUE type max, START = MINVALUE; descending: MINVALUE type
 * min, MAXVALUE -1, START = MAXVALUE). */
void
prs_seq_options(PrsContext *ctx, CatSeqOptions *opts, bool is_new, PrsNode **options,
                size_t noptions, PgQuery__List **owned_by, const char **seq_name_schema,
                const char **seq_name)
{
    AgLoc loc = prs_stmt_loc(ctx);
    const PgQuery__DefElem *as = NULL, *inc = NULL, *min = NULL, *max = NULL, *start = NULL,
                           *cache = NULL, *cycle = NULL;
    if (owned_by)
        *owned_by = NULL;
    for (size_t i = 0; i < noptions; i++) {
        if (options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM)
            continue;
        const PgQuery__DefElem *d = options[i]->def_elem;
        const char *n = d->defname;
        if (strcmp(n, "as") == 0)
            as = d;
        else if (strcmp(n, "increment") == 0)
            inc = d;
        else if (strcmp(n, "minvalue") == 0)
            min = d;
        else if (strcmp(n, "maxvalue") == 0)
            max = d;
        else if (strcmp(n, "start") == 0)
            start = d;
        else if (strcmp(n, "cache") == 0)
            cache = d;
        else if (strcmp(n, "cycle") == 0)
            cycle = d;
        else if (strcmp(n, "owned_by") == 0 && owned_by && d->arg &&
                 d->arg->node_case == PG_QUERY__NODE__NODE_LIST)
            *owned_by = d->arg->list;
        else if (strcmp(n, "sequence_name") == 0 && seq_name && d->arg &&
                 d->arg->node_case == PG_QUERY__NODE__NODE_LIST) {
            const PgQuery__List *l = d->arg->list;
            *seq_name = l->n_items ? prs_str(l->items[l->n_items - 1]) : NULL;
            *seq_name_schema = l->n_items > 1 ? prs_str(l->items[l->n_items - 2]) : NULL;
        }
        /* restart, owned_by elsewhere, and unknown names change nothing stored */
    }
    bool reset_max = is_new, reset_min = is_new;
    if (as) {
        const char *type = as->arg && as->arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME
                               ? prs_type_name(ctx, as->arg->type_name, NULL)
                               : NULL;
        if (!type || !(strcmp(type, "smallint") == 0 || strcmp(type, "integer") == 0 ||
                       strcmp(type, "bigint") == 0)) {
            ag_diag_error(ctx->diag, loc, "sequence type must be smallint, integer or bigint");
        } else {
            /* a limit at the old type's default follows the new type */
            if (!is_new && opts->type) {
                if ((opts->increment > 0 && opts->max == type_max(opts->type)) ||
                    (opts->increment < 0 && opts->max == -1))
                    reset_max = true;
                if ((opts->increment > 0 && opts->min == 1) ||
                    (opts->increment < 0 && opts->min == type_min(opts->type)))
                    reset_min = true;
            }
            opts->type = type;
        }
    }
    if (inc) {
        int64_t v;
        if (!prs_defelem_int64(inc->arg, &v) || v == 0)
            ag_diag_error(ctx->diag, loc, "INCREMENT must be a non-zero integer");
        else
            opts->increment = v;
    }
    if (max) {
        int64_t v;
        if (!max->arg)
            reset_max = true;
        else if (prs_defelem_int64(max->arg, &v)) {
            opts->max = v;
            reset_max = false;
        }
    }
    if (reset_max)
        opts->max = opts->increment > 0 ? type_max(opts->type) : -1;
    if (min) {
        int64_t v;
        if (!min->arg)
            reset_min = true;
        else if (prs_defelem_int64(min->arg, &v)) {
            opts->min = v;
            reset_min = false;
        }
    }
    if (reset_min)
        opts->min = opts->increment > 0 ? 1 : type_min(opts->type);
    if (start) {
        int64_t v;
        if (prs_defelem_int64(start->arg, &v))
            opts->start = v;
    } else if (is_new) {
        opts->start = opts->increment > 0 ? opts->min : opts->max;
    }
    if (cache) {
        int64_t v;
        if (!prs_defelem_int64(cache->arg, &v) || v < 1)
            ag_diag_error(ctx->diag, loc, "CACHE must be a positive integer");
        else
            opts->cache = v;
    }
    if (cycle)
        opts->cycle = cycle->arg && cycle->arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN
                          ? cycle->arg->boolean->boolval
                          : true;
    if (opts->min >= opts->max)
        ag_diag_error(ctx->diag, loc, "sequence MINVALUE (%lld) must be less than MAXVALUE (%lld)",
                      (long long) opts->min, (long long) opts->max);
    else if (opts->start < opts->min || opts->start > opts->max)
        ag_diag_error(ctx->diag, loc,
                      "sequence START (%lld) must lie between MINVALUE and "
                      "MAXVALUE",
                      (long long) opts->start);
}

static void
set_owned_by(PrsContext *ctx, CatSequence *seq, const PgQuery__List *l, AgLoc loc)
{
    if (l->n_items == 1 && ag_streq(prs_str(l->items[0]), "none")) {
        seq->owned_schema = seq->owned_table = seq->owned_column = NULL;
        return;
    }
    if (l->n_items < 2 || l->n_items > 3) {
        ag_diag_error(ctx->diag, loc, "OWNED BY expects table.column or NONE");
        return;
    }
    const char *col = prs_str(l->items[l->n_items - 1]);
    const char *table = prs_str(l->items[l->n_items - 2]);
    const char *schema = l->n_items == 3 ? prs_str(l->items[0]) : NULL;
    if (!col || !table)
        return;
    schema = prs_rel_schema(ctx, schema, table);
    if (strcmp(schema, seq->obj.schema) != 0) {
        ag_diag_error(ctx->diag, loc, "sequence %s must be in the schema of its owning table %s",
                      cat_qualified(ctx->tmp, seq->obj.schema, seq->obj.name),
                      cat_qualified(ctx->tmp, schema, table));
        return;
    }
    seq->owned_schema = ag_arena_strdup(ctx->arena, schema);
    seq->owned_table = ag_arena_strdup(ctx->arena, table);
    seq->owned_column = ag_arena_strdup(ctx->arena, col);
}

void
prs_create_sequence(PrsContext *ctx, const PgQuery__CreateSeqStmt *cs, int32_t at)
{
    AgLoc loc = prs_loc_from_offset(ctx, at);
    const PgQuery__RangeVar *rv = cs->sequence;
    if (rv->relpersistence && rv->relpersistence[0] == 't') {
        ag_diag_error(ctx->diag, loc, "a temporary sequence has no place in a model");
        return;
    }
    const char *schema =
        rv->schemaname && *rv->schemaname ? rv->schemaname : prs_creation_schema(ctx);
    const PrsNameEntry *prev = prs_names_find(&ctx->st->relations, schema, rv->relname);
    if (prev) {
        if (cs->if_not_exists)
            return;
        prs_error_dup(ctx, loc, prev->loc, "sequence %s: that name is already taken",
                      cat_qualified(ctx->tmp, schema, rv->relname));
        return;
    }
    CatSequence *seq = (CatSequence *) cat_add(ctx->cat, CAT_SEQUENCE, schema, rv->relname, loc);
    if (!seq)
        return;
    prs_names_add(&ctx->st->names, &ctx->st->relations, schema, rv->relname, loc)->obj = seq;
    prs_seq_defaults(&seq->opts, "bigint");
    PgQuery__List *owned = NULL;
    prs_seq_options(ctx, &seq->opts, true, cs->options, cs->n_options, &owned, NULL, NULL);
    if (owned)
        set_owned_by(ctx, seq, owned, loc);
}

void
prs_alter_sequence(PrsContext *ctx, const PgQuery__AlterSeqStmt *as, int32_t at)
{
    AgLoc loc = prs_loc_from_offset(ctx, at);
    const PgQuery__RangeVar *rv = as->sequence;
    const char *schema = prs_rel_schema(ctx, rv->schemaname, rv->relname);
    CatSequence *seq = (CatSequence *) cat_find(ctx->cat, CAT_SEQUENCE, schema, rv->relname);
    const PrsNameEntry *ident = prs_names_find(&ctx->st->identity_seqs, schema, rv->relname);
    if (!seq && ident && ident->obj) {
        /* an identity column's sequence: its options are the column's */
        const PrsIdentityOwner *owner = ident->obj;
        CatColumn *col = cat_table_find_column(owner->table, owner->column);
        if (col)
            prs_seq_options(ctx, &col->identity_seq, false, as->options, as->n_options, NULL, NULL,
                            NULL);
        return;
    }
    if (!seq) {
        if (as->missing_ok)
            return;
        if (prs_names_find(&ctx->st->relations, schema, rv->relname)) {
            ag_diag_error(ctx->diag, loc, "%s is not a sequence",
                          cat_qualified(ctx->tmp, schema, rv->relname));
            return;
        }
        if (prs_defer(ctx))
            return;
        ag_diag_error(ctx->diag, loc, "sequence %s is not defined in the model",
                      cat_qualified(ctx->tmp, schema, rv->relname));
        return;
    }
    PgQuery__List *owned = NULL;
    prs_seq_options(ctx, &seq->opts, false, as->options, as->n_options, &owned, NULL, NULL);
    if (owned)
        set_owned_by(ctx, seq, owned, loc);
}

/* ---- indexes ---------------------------------------------------------------------------- */

/* Operator classes that ship with PostgreSQL live in pg_catalog; any other unqualified
 * one is taken from the creation schema (where extensions usually put theirs). */
static bool
is_builtin_opclass(const char *name)
{
    static const char *const suffixes[] = {"_ops", "_minmax_ops", "_bloom_ops", "_minmax_multi_ops",
                                           "_inclusion_ops"};
    static const char *const extension_ops[] = {
        "gin_trgm_ops",    "gist_trgm_ops", "gist_ltree_ops", "gist__ltree_ops",  "gin_hstore_ops",
        "gist_hstore_ops", "gin__int_ops",  "gist__int_ops",  "gist__intbig_ops", "gist_cube_ops",
        "gist_seg_ops",    "citext_ops",    "gist_int4_ops",  "gist_int8_ops",    "gist_text_ops",
        "gin_int4_ops",    "gin_text_ops"};
    for (size_t i = 0; i < ARRAY_LEN(extension_ops); i++)
        if (strcmp(name, extension_ops[i]) == 0)
            return false;
    if (strncmp(name, "gist_", 5) == 0 && strcmp(name, "gist_jsonb_ops") != 0)
        return strcmp(name, "gist_box_ops") == 0 || strcmp(name, "gist_point_ops") == 0 ||
               strcmp(name, "gist_poly_ops") == 0 || strcmp(name, "gist_circle_ops") == 0;
    size_t n = strlen(name);
    for (size_t i = 0; i < ARRAY_LEN(suffixes); i++) {
        size_t m = strlen(suffixes[i]);
        if (n > m && strcmp(name + n - m, suffixes[i]) == 0)
            return true;
    }
    return false;
}

bool
prs_index_elems(PrsContext *ctx, CatTable *t, const char *method, PrsNode **params, size_t nparams,
                CatIndexElem **out, uint32_t *nout, const char ***names)
{
    AgLoc loc = prs_stmt_loc(ctx);
    CatIndexElem *elems = ag_arena_alloc(ctx->arena, sizeof(CatIndexElem) * (nparams + 1));
    const char **raw = ag_arena_alloc(ctx->tmp, sizeof(char *) * (nparams + 1));
    uint32_t n = 0;
    bool ok = true;
    for (size_t i = 0; i < nparams; i++) {
        if (params[i]->node_case != PG_QUERY__NODE__NODE_INDEX_ELEM)
            continue;
        const PgQuery__IndexElem *ie = params[i]->index_elem;
        CatIndexElem *el = &elems[n];
        const char *colname = NULL;
        const PrsNode *expr = ie->expr;
        PrsNode **coll = ie->collation;
        size_t ncoll = ie->n_collation;
        /* "(col)" and "(col COLLATE x)" are plain columns to PostgreSQL */
        if (expr && expr->node_case == PG_QUERY__NODE__NODE_COLLATE_CLAUSE && !ncoll &&
            expr->collate_clause->arg &&
            expr->collate_clause->arg->node_case == PG_QUERY__NODE__NODE_COLUMN_REF &&
            expr->collate_clause->arg->column_ref->n_fields == 1) {
            coll = expr->collate_clause->collname;
            ncoll = expr->collate_clause->n_collname;
            expr = expr->collate_clause->arg;
        }
        /* "(col::its_own_type)" too: the no-op cast goes away */
        if (expr && expr->node_case == PG_QUERY__NODE__NODE_TYPE_CAST && expr->type_cast->arg &&
            expr->type_cast->type_name &&
            expr->type_cast->arg->node_case == PG_QUERY__NODE__NODE_COLUMN_REF &&
            expr->type_cast->arg->column_ref->n_fields == 1) {
            const char *cn = prs_str(expr->type_cast->arg->column_ref->fields[0]);
            const CatColumn *col = cn ? cat_table_find_column(t, cn) : NULL;
            const char *type = prs_type_name(ctx, expr->type_cast->type_name, NULL);
            if (col && type && strcmp(type, col->type) == 0)
                expr = expr->type_cast->arg;
        }
        if (ie->name && *ie->name) {
            colname = ie->name;
        } else if (expr && expr->node_case == PG_QUERY__NODE__NODE_COLUMN_REF &&
                   expr->column_ref->n_fields == 1 && prs_str(expr->column_ref->fields[0])) {
            colname = prs_str(expr->column_ref->fields[0]);
        }
        if (colname) {
            if (!cat_table_find_column(t, colname)) {
                ag_diag_error(ctx->diag, loc,
                              "column \"%s\" named in the index is not a column "
                              "of table %s",
                              colname, cat_qualified(ctx->tmp, t->obj.schema, t->obj.name));
                ok = false;
            }
            el->column = ag_arena_strdup(ctx->arena, colname);
        } else if (expr) {
            el->expr = prs_expr(ctx, expr);
            if (!el->expr)
                ok = false;
        }
        raw[n] = ie->indexcolname && *ie->indexcolname ? ie->indexcolname
                 : colname                             ? colname
                 : expr                                ? prs_figure_colname(expr)
                                                       : NULL;
        if (ncoll) {
            const char *cn = prs_str(coll[ncoll - 1]);
            const char *cs = ncoll > 1 ? prs_str(coll[ncoll - 2]) : NULL;
            if (cn && (cs || strcmp(cn, "default") != 0)) {
                el->collation = ag_arena_strdup(ctx->arena, cn);
                el->collation_schema =
                    ag_arena_strdup(ctx->arena, cs ? cs : prs_collation_schema(ctx, cn));
            }
            /* the key column's own collation is no collation of the key (as read back) */
            const CatColumn *kc = el->column && el->collation ? cat_table_find_column(t, el->column)
                                                              : NULL;
            if (kc && ag_streq(kc->collation, el->collation) &&
                ag_streq(kc->collation_schema, el->collation_schema)) {
                el->collation = NULL;
                el->collation_schema = NULL;
            }
        }
        if (ie->n_opclass) {
            const char *on = prs_str(ie->opclass[ie->n_opclass - 1]);
            const char *os = ie->n_opclass > 1 ? prs_str(ie->opclass[ie->n_opclass - 2]) : NULL;
            const char *schema = os                             ? os
                                 : on && is_builtin_opclass(on) ? "pg_catalog"
                                                                : prs_creation_schema(ctx);
            const CatColumn *col = el->column ? cat_table_find_column(t, el->column) : NULL;
            /* the default operator class, named: stored as none, as the server does */
            if (on && !(strcmp(schema, "pg_catalog") == 0 && col &&
                        prs_is_default_opclass(ctx, method, on, col->type))) {
                el->opclass = ag_arena_strdup(ctx->arena, on);
                el->opclass_schema = ag_arena_strdup(ctx->arena, schema);
            }
        }
        el->desc = ie->ordering == PG_QUERY__SORT_BY_DIR__SORTBY_DESC;
        switch (ie->nulls_ordering) {
        case PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST:
            el->nulls_first = true;
            break;
        case PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST:
            el->nulls_first = false;
            break;
        default:
            el->nulls_first = el->desc;
            break;
        }
        n++;
    }
    *out = elems;
    *nout = n;
    *names = raw;
    return ok;
}

static int
cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

void
prs_create_index(PrsContext *ctx, const PgQuery__IndexStmt *is, int32_t at)
{
    AgLoc loc = prs_loc_from_offset(ctx, at);
    const PgQuery__RangeVar *rv = is->relation;
    const char *schema = prs_rel_schema(ctx, rv->schemaname, rv->relname);
    /* an index on a materialized view is read against a stand-in table */
    CatTable *t = prs_matview_table(ctx, schema, rv->relname, is);
    if (!t && prs_is_ignored(ctx, schema, rv->relname)) {
        if (is->idxname && *is->idxname)
            prs_names_add(&ctx->st->names, &ctx->st->relations, schema, is->idxname, loc);
        return;
    }
    bool skip;
    if (!t)
        t = prs_table_for_stmt(ctx, rv, false, &skip);
    if (!t)
        return;
    schema = t->obj.schema;
    if (is->idxname && *is->idxname) {
        const PrsNameEntry *prev = prs_names_find(&ctx->st->relations, schema, is->idxname);
        if (prev) {
            if (is->if_not_exists)
                return;
            bool is_index = cat_find(ctx->cat, CAT_INDEX, schema, is->idxname) != NULL;
            prs_error_dup(ctx, loc, prev->loc,
                          is_index ? "index %s is defined twice"
                                   : "index %s: that name is already taken by another relation",
                          cat_qualified(ctx->tmp, schema, is->idxname));
            return;
        }
    }
    CatIndexElem *elems;
    uint32_t nelems;
    const char **raw;
    const char *method = is->access_method && *is->access_method ? is->access_method : "btree";
    bool ok = prs_index_elems(ctx, t, method, is->index_params, is->n_index_params, &elems, &nelems,
                              &raw);
    const char **include =
        ag_arena_alloc(ctx->arena, sizeof(char *) * (is->n_index_including_params + 1));
    uint32_t ninc = 0;
    for (size_t i = 0; i < is->n_index_including_params; i++) {
        const PrsNode *p = is->index_including_params[i];
        if (p->node_case != PG_QUERY__NODE__NODE_INDEX_ELEM || !p->index_elem->name)
            continue;
        const char *c = p->index_elem->name;
        if (!cat_table_find_column(t, c)) {
            ag_diag_error(ctx->diag, loc, "column \"%s\" in INCLUDE is not a column of table %s", c,
                          cat_qualified(ctx->tmp, schema, t->obj.name));
            ok = false;
        }
        include[ninc++] = ag_arena_strdup(ctx->arena, c);
    }
    CatExpr *where = NULL;
    if (is->where_clause) {
        where = prs_expr(ctx, is->where_clause);
        ok = ok && where;
    }
    if (!ok)
        return;
    const char *name;
    if (is->idxname && *is->idxname) {
        name = is->idxname;
    } else {
        const char **all = ag_arena_alloc(ctx->tmp, sizeof(char *) * (nelems + ninc + 1));
        for (uint32_t i = 0; i < nelems; i++)
            all[i] = raw[i];
        for (uint32_t i = 0; i < ninc; i++)
            all[nelems + i] = include[i];
        const char **names = prs_index_colnames(ctx, all, nelems + ninc);
        name = prs_choose_name(ctx, schema, t->obj.name, names, nelems + ninc, "idx",
                               PRS_NAME_RELATION);
    }
    CatIndex *ix = (CatIndex *) cat_add(ctx->cat, CAT_INDEX, schema, name, loc);
    if (!ix)
        return;
    prs_names_add(&ctx->st->names, &ctx->st->relations, schema, name, loc)->obj = ix;
    /* the names PostgreSQL gave the index's columns: LIKE ... INCLUDING INDEXES names
     * its copies after them */
    const char **all = ag_arena_alloc(ctx->tmp, sizeof(char *) * (nelems + ninc + 1));
    for (uint32_t i = 0; i < nelems; i++)
        all[i] = raw[i];
    for (uint32_t i = 0; i < ninc; i++)
        all[nelems + i] = include[i];
    const char **cols = prs_index_colnames(ctx, all, nelems + ninc);
    const char **kept = ag_arena_alloc(ctx->arena, sizeof(char *) * (nelems + ninc + 1));
    for (uint32_t i = 0; i < nelems + ninc; i++)
        kept[i] = ag_arena_strdup(ctx->arena, cols[i]);
    prs_names_add(&ctx->st->names, &ctx->st->index_cols, schema, name, loc)->obj = kept;
    ix->table = t->obj.name;
    ix->is_unique = is->unique;
    ix->nulls_not_distinct = is->nulls_not_distinct;
    ix->method = ag_arena_strdup(
        ctx->arena, is->access_method && *is->access_method ? is->access_method : "btree");
    ix->elems = elems;
    ix->nelems = nelems;
    ix->include = include;
    ix->ninclude = ninc;
    ix->where = where;
    if (is->n_options) {
        ix->options = ag_arena_alloc(ctx->arena, sizeof(char *) * is->n_options);
        for (size_t i = 0; i < is->n_options; i++) {
            const PrsNode *o = is->options[i];
            if (o->node_case != PG_QUERY__NODE__NODE_DEF_ELEM)
                continue;
            const char *v = prs_defelem_str(ctx->tmp, o->def_elem->arg);
            ix->options[ix->noptions++] =
                ag_arena_printf(ctx->arena, "%s=%s", o->def_elem->defname, v ? v : "true");
        }
        ag_qsort(ix->options, ix->noptions, sizeof(char *), cmp_cstr);
    }
    /* On a partitioned table (not ONLY): existing partitions' matching indexes attach. */
    if (t->partition_key && is->relation->inh)
        for (uint32_t i = 0; i < ctx->st->nchildren; i++)
            if (ctx->st->children[i].parent == t)
                prs_partition_index(ctx, ix, ctx->st->children[i].child);
}

/* ---- COMMENT ON ---------------------------------------------------------------------- */

static bool
list_names(const PrsNode *obj, PrsNode ***items, size_t *n)
{
    if (!obj || obj->node_case != PG_QUERY__NODE__NODE_LIST)
        return false;
    *items = obj->list->items;
    *n = obj->list->n_items;
    return *n > 0;
}

/* The comment's target is missing: deferred to prs_finish the first time, an error then. */
static void
comment_target_missing(PrsContext *ctx, AgLoc loc, const char *what, const char *name)
{
    if (prs_defer(ctx))
        return;
    ag_diag_error(ctx->diag, loc, "COMMENT ON %s %s: no such object in the model", what, name);
}

void
prs_comment(PrsContext *ctx, const PgQuery__CommentStmt *cs, int32_t at)
{
    AgLoc loc = prs_loc_from_offset(ctx, at);
    const char *text =
        cs->comment && *cs->comment ? ag_arena_strdup(ctx->arena, cs->comment) : NULL;
    PrsNode **items;
    size_t n;
    if (prs_comment_view(ctx, cs, text))
        return;
    if (prs_comment_type(ctx, cs, text, loc))
        return; /* a domain, a composite type, or a part of one (types.c) */
    switch (cs->objtype) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
        const char *name = prs_str(cs->object);
        if (name && strcmp(name, "public") == 0)
            return; /* public is not a catalog object */
        CatObject *o = name ? cat_find(ctx->cat, CAT_SCHEMA, NULL, name) : NULL;
        if (!o)
            comment_target_missing(ctx, loc, "SCHEMA", name ? name : "?");
        else
            o->comment = text;
        return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION: {
        const char *name = prs_str(cs->object);
        const PrsNameEntry *e = name ? prs_names_find(&ctx->st->extensions, "", name) : NULL;
        if (!e)
            comment_target_missing(ctx, loc, "EXTENSION", name ? name : "?");
        else if (e->obj)
            ((CatExtension *) e->obj)->obj.comment =
                text && !is_control_comment(name, text) ? text : NULL;
        return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: {
        if (!list_names(cs->object, &items, &n) || n > 3)
            return;
        const char *name = prs_str(items[n - 1]);
        const char *schema = prs_rel_schema(ctx, n > 1 ? prs_str(items[n - 2]) : NULL, name);
        if (prs_is_ignored(ctx, schema, name))
            return;
        CatKind kind = cs->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE      ? CAT_TABLE
                       : cs->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE ? CAT_SEQUENCE
                                                                               : CAT_INDEX;
        CatObject *o = cat_find(ctx->cat, kind, schema, name);
        if (o) {
            o->comment = text;
            return;
        }
        if (kind == CAT_INDEX && prs_names_find(&ctx->st->constraints, schema, name)) {
            ag_diag_warning(ctx->diag, loc,
                            "a comment on the index behind constraint %s is not kept: comment "
                            "on the constraint instead",
                            cat_qualified(ctx->tmp, schema, name));
            return;
        }
        comment_target_missing(ctx, loc, cat_kind_sql(kind), cat_qualified(ctx->tmp, schema, name));
        return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN: {
        if (!list_names(cs->object, &items, &n) || n < 2 || n > 4)
            return;
        const char *col = prs_str(items[n - 1]);
        const char *table = prs_str(items[n - 2]);
        const char *schema = prs_rel_schema(ctx, n > 2 ? prs_str(items[n - 3]) : NULL, table);
        if (prs_is_ignored(ctx, schema, table) || prs_names_find(&ctx->st->types, schema, table))
            return; /* a view's or a composite type's column */
        CatTable *t = cat_table_find(ctx->cat, schema, table);
        if (!t) {
            comment_target_missing(ctx, loc, "COLUMN", prs_dotted(ctx->tmp, items, n));
            return;
        }
        CatColumn *c = cat_table_find_column(t, col);
        if (!c) {
            ag_diag_error(ctx->diag, loc, "COMMENT ON COLUMN: table %s has no column \"%s\"",
                          cat_qualified(ctx->tmp, schema, table), col);
            return;
        }
        c->comment = text;
        return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY:
        if (list_names(cs->object, &items, &n))
            prs_comment_policy(ctx, items, n, text, loc);
        return;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT: {
        if (!list_names(cs->object, &items, &n) || n < 2 || n > 4)
            return;
        const char *con = prs_str(items[n - 1]);
        const char *table = prs_str(items[n - 2]);
        const char *schema = prs_rel_schema(ctx, n > 2 ? prs_str(items[n - 3]) : NULL, table);
        if (prs_is_ignored(ctx, schema, table))
            return;
        CatTable *t = cat_table_find(ctx->cat, schema, table);
        CatConstraint *c = t ? cat_table_find_constraint(t, con) : NULL;
        if (!c) {
            comment_target_missing(ctx, loc, "CONSTRAINT", prs_dotted(ctx->tmp, items, n));
            return;
        }
        c->comment = text;
        return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: {
        if (!cs->object || cs->object->node_case != PG_QUERY__NODE__NODE_TYPE_NAME)
            return;
        const PgQuery__TypeName *tn = cs->object->type_name;
        const char *schema = NULL;
        CatEnum *e = find_enum(ctx, tn->names, tn->n_names, &schema);
        if (e) {
            e->obj.comment = text;
            return;
        }
        const char *name = tn->n_names ? prs_str(tn->names[tn->n_names - 1]) : NULL;
        const char *s = tn->n_names > 1 ? prs_str(tn->names[tn->n_names - 2]) : NULL;
        if (name) {
            if (s && prs_names_find(&ctx->st->types, s, name))
                return;
            for (uint32_t i = 0; !s && i < ctx->nsearch_path; i++)
                if (prs_names_find(&ctx->st->types, ctx->search_path[i], name))
                    return;
        }
        comment_target_missing(ctx, loc, "TYPE", prs_dotted(ctx->tmp, tn->names, tn->n_names));
        return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE:
        prs_comment_function(ctx, cs, loc, text);
        return;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
        prs_comment_trigger(ctx, cs, loc, text);
        return;
    default:
        return; /* comments on objects autogen does not manage */
    }
}

/*
 * parser/table.c: CREATE TABLE, ALTER TABLE and RENAME as PostgreSQL 15 would apply
 * them: columns (types, collations, NOT NULL, defaults, generated and identity
 * columns, serial), constraints with PostgreSQL's implicit names and their order of
 * creation (CHECK, then PRIMARY KEY, then UNIQUE and EXCLUDE, then FOREIGN KEY), the
 * ALTER TABLE forms pg_dump writes, and what a table takes from elsewhere: LIKE sources,
 * INHERITS parents and PARTITION OF parents (ALTER without ONLY reaches the children).
 * Not here: CREATE INDEX and sequences (objects.c), foreign keys' referenced columns
 * (resolved in prs_finish, parser.c, once every file is read).
 */
#include <stdlib.h>
#include <string.h>

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include "parser/internal.h"

static const char *
table_display(PrsContext *ctx, const CatTable *t)
{
    return cat_qualified(ctx->tmp, t->obj.schema, t->obj.name);
}

static bool
is_integer_type(const char *type)
{
    return strcmp(type, "integer") == 0 || strcmp(type, "bigint") == 0 ||
           strcmp(type, "smallint") == 0;
}

/* ---- constraints -------------------------------------------------------------- */

static bool
column_list(PrsContext *ctx, CatTable *t, PrsNode **items, size_t nitems, const char *single,
            AgLoc loc, const char ***out, uint32_t *nout)
{
    if (!nitems && single) {
        const char **one = ag_arena_alloc(ctx->arena, sizeof(char *));
        one[0] = ag_arena_strdup(ctx->arena, single);
        *out = one;
        *nout = 1;
        return true;
    }
    *out = prs_str_list(ctx->arena, items, nitems, nout);
    bool ok = true;
    for (uint32_t i = 0; i < *nout; i++) {
        if (!cat_table_find_column(t, (*out)[i])) {
            ag_diag_error(ctx->diag, loc,
                          "column \"%s\" named in a key is not a column of table %s", (*out)[i],
                          table_display(ctx, t));
            ok = false;
        }
    }
    return ok;
}

/* The name given, or PostgreSQL's implicit one; registers it. NULL on a duplicate. */
static const char *
constraint_name(PrsContext *ctx, CatTable *t, const PgQuery__Constraint *c, AgLoc loc,
                const char *const *cols, uint32_t ncols, const char *label, PrsNameSpace space,
                bool has_index)
{
    const char *schema = t->obj.schema;
    const char *name;
    if (c->conname && *c->conname) {
        name = ag_arena_strdup(ctx->arena, c->conname);
        const CatConstraint *prev = cat_table_find_constraint(t, name);
        if (prev) {
            prs_error_dup(ctx, loc, prev->loc, "constraint \"%s\" is defined twice in table %s",
                          name, table_display(ctx, t));
            return NULL;
        }
        const PrsNameEntry *rel = prs_names_find(&ctx->st->relations, schema, name);
        if (has_index && rel) {
            prs_error_dup(ctx, loc, rel->loc,
                          "constraint \"%s\" needs an index named %s, but that name is taken", name,
                          cat_qualified(ctx->tmp, schema, name));
            return NULL;
        }
    } else {
        name = prs_choose_name(ctx, schema, t->obj.name, cols, ncols, label, space);
    }
    prs_names_add(&ctx->st->names, &ctx->st->constraints, schema, name, loc)->obj = t;
    if (has_index)
        prs_names_add(&ctx->st->names, &ctx->st->relations, schema, name, loc);
    return name;
}

/* ALTER TABLE ... ADD [CONSTRAINT name] PRIMARY KEY | UNIQUE USING INDEX idx: the index
 * becomes the constraint's (renamed to the constraint's name when it has one). */
static void
constraint_using_index(PrsContext *ctx, CatTable *t, const PgQuery__Constraint *c,
                       CatConstraint *con, AgLoc loc)
{
    const char *schema = t->obj.schema;
    CatIndex *ix = (CatIndex *) cat_find(ctx->cat, CAT_INDEX, schema, c->indexname);
    if (!ix || strcmp(ix->table, t->obj.name) != 0) {
        ag_diag_error(ctx->diag, loc, "index %s of table %s is not defined in the model",
                      cat_qualified(ctx->tmp, schema, c->indexname), table_display(ctx, t));
        return;
    }
    bool plain = ix->is_unique && !ix->where && strcmp(ix->method, "btree") == 0;
    for (uint32_t i = 0; i < ix->nelems && plain; i++)
        plain = ix->elems[i].column && !ix->elems[i].desc && !ix->elems[i].nulls_first &&
                !ix->elems[i].opclass && !ix->elems[i].collation;
    if (!plain) {
        ag_diag_error(ctx->diag, loc,
                      "index %s cannot back a constraint: expected a unique btree index on "
                      "plain columns in default order, without WHERE",
                      cat_qualified(ctx->tmp, schema, c->indexname));
        return;
    }
    const char *name = c->conname && *c->conname ? c->conname : ix->obj.name;
    if (con->type == CAT_CON_PRIMARY)
        for (uint32_t i = 0; i < t->nconstraints; i++)
            if (t->constraints[i].type == CAT_CON_PRIMARY) {
                prs_error_dup(ctx, loc, t->constraints[i].loc,
                              "table %s has two primary keys: a table has at most one",
                              table_display(ctx, t));
                return;
            }
    if (cat_table_find_constraint(t, name) ||
        (strcmp(name, ix->obj.name) != 0 && prs_names_find(&ctx->st->relations, schema, name))) {
        ag_diag_error(ctx->diag, loc, "constraint \"%s\": that name is already taken", name);
        return;
    }
    con->name = ag_arena_strdup(ctx->arena, name);
    con->columns = ag_arena_alloc(ctx->arena, sizeof(char *) * (ix->nelems + 1));
    for (uint32_t i = 0; i < ix->nelems; i++)
        con->columns[i] = ix->elems[i].column;
    con->ncolumns = ix->nelems;
    con->include = ix->include;
    con->ninclude = ix->ninclude;
    con->nulls_not_distinct = ix->nulls_not_distinct;
    if (con->type == CAT_CON_PRIMARY)
        for (uint32_t i = 0; i < con->ncolumns; i++)
            cat_table_find_column(t, con->columns[i])->not_null = true;
    prs_names_remove(&ctx->st->relations, schema, ix->obj.name);
    prs_names_add(&ctx->st->names, &ctx->st->relations, schema, con->name, loc);
    prs_names_add(&ctx->st->names, &ctx->st->constraints, schema, con->name, loc)->obj = t;
    prs_remove_object(ctx->cat, &ix->obj);
    cat_table_add_constraint(ctx->cat, t, con);
}

static char
fk_action(const char *a)
{
    return a && *a ? a[0] : 'a';
}

void
prs_add_constraint(PrsContext *ctx, CatTable *t, const PgQuery__Constraint *c, const char *column,
                   bool in_create)
{
    AgLoc loc = prs_loc_from_offset(ctx, c->location);
    CatConstraint con = {.loc = loc};
    con.deferrable = c->deferrable || c->initdeferred;
    con.initially_deferred = c->initdeferred;
    switch (c->contype) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK: {
        con.type = CAT_CON_CHECK;
        con.check = prs_expr(ctx, c->raw_expr);
        if (!con.check)
            return;
        con.no_inherit = c->is_no_inherit;
        /* CREATE TABLE validates at once (the table is empty); ALTER keeps NOT VALID. */
        con.not_valid = !in_create && c->skip_validation;
        /* AddRelationNewConstraints: tab_col_check when the expression uses exactly one
         * column, else tab_check, wherever the CHECK was written. */
        const char *cols[64];
        uint32_t n = prs_expr_columns(c->raw_expr, cols, ARRAY_LEN(cols));
        for (uint32_t i = 0; i < n && i < ARRAY_LEN(cols); i++)
            if (!cat_table_find_column(t, cols[i])) {
                ag_diag_error(ctx->diag, loc,
                              "column \"%s\" referenced in a CHECK is not a column of table %s",
                              cols[i], table_display(ctx, t));
                return;
            }
        const char *one[1] = {n == 1 ? cols[0] : NULL};
        con.name = constraint_name(ctx, t, c, loc, one, n == 1 ? 1 : 0, "check",
                                   PRS_NAME_CONSTRAINT_ONLY, false);
        break;
    }
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE: {
        bool pk = c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY;
        con.type = pk ? CAT_CON_PRIMARY : CAT_CON_UNIQUE;
        if (c->indexname && *c->indexname) {
            constraint_using_index(ctx, t, c, &con, loc);
            return;
        }
        if (!column_list(ctx, t, c->keys, c->n_keys, column, loc, &con.columns, &con.ncolumns))
            return;
        uint32_t ninc;
        con.include = prs_str_list(ctx->arena, c->including, c->n_including, &ninc);
        con.ninclude = ninc;
        for (uint32_t i = 0; i < ninc; i++)
            if (!cat_table_find_column(t, con.include[i])) {
                ag_diag_error(ctx->diag, loc,
                              "column \"%s\" in INCLUDE is not a column of table %s",
                              con.include[i], table_display(ctx, t));
                return;
            }
        con.nulls_not_distinct = c->nulls_not_distinct;
        if (pk) {
            for (uint32_t i = 0; i < t->nconstraints; i++)
                if (t->constraints[i].type == CAT_CON_PRIMARY) {
                    prs_error_dup(ctx, loc, t->constraints[i].loc,
                                  "table %s has two primary keys: a table has at most one",
                                  table_display(ctx, t));
                    return;
                }
            for (uint32_t i = 0; i < con.ncolumns; i++)
                cat_table_find_column(t, con.columns[i])->not_null = true;
            con.name =
                constraint_name(ctx, t, c, loc, NULL, 0, "pkey", PRS_NAME_RELATION_AND_CON, true);
        } else {
            const char **raw = ag_arena_alloc(ctx->tmp, sizeof(char *) * (con.ncolumns + ninc + 1));
            for (uint32_t i = 0; i < con.ncolumns; i++)
                raw[i] = con.columns[i];
            for (uint32_t i = 0; i < ninc; i++)
                raw[con.ncolumns + i] = con.include[i];
            const char **names = prs_index_colnames(ctx, raw, con.ncolumns + ninc);
            con.name = constraint_name(ctx, t, c, loc, names, con.ncolumns + ninc, "key",
                                       PRS_NAME_RELATION_AND_CON, true);
        }
        break;
    }
    case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION: {
        con.type = CAT_CON_EXCLUDE;
        con.exclude_method = ag_arena_strdup(
            ctx->arena, c->access_method && *c->access_method ? c->access_method : "btree");
        PrsNode **elems = ag_arena_alloc(ctx->tmp, sizeof(PrsNode *) * (c->n_exclusions + 1));
        const char **ops = ag_arena_alloc(ctx->tmp, sizeof(char *) * (c->n_exclusions + 1));
        size_t nel = 0;
        for (size_t i = 0; i < c->n_exclusions; i++) {
            const PrsNode *pair = c->exclusions[i];
            if (pair->node_case != PG_QUERY__NODE__NODE_LIST || pair->list->n_items != 2)
                continue;
            elems[nel] = pair->list->items[0];
            const PrsNode *opl = pair->list->items[1];
            ops[nel] = opl->node_case == PG_QUERY__NODE__NODE_LIST && opl->list->n_items
                           ? prs_str(opl->list->items[opl->list->n_items - 1])
                           : NULL;
            nel++;
        }
        const char **raw;
        if (!prs_index_elems(ctx, t, con.exclude_method, elems, nel, &con.elems, &con.nelems, &raw))
            return;
        for (uint32_t i = 0; i < con.nelems; i++)
            con.elems[i].exclude_op = ops[i] ? ag_arena_strdup(ctx->arena, ops[i]) : NULL;
        uint32_t ninc;
        con.include = prs_str_list(ctx->arena, c->including, c->n_including, &ninc);
        con.ninclude = ninc;
        if (c->where_clause) {
            con.exclude_where = prs_expr(ctx, c->where_clause);
            if (!con.exclude_where)
                return;
        }
        const char **all = ag_arena_alloc(ctx->tmp, sizeof(char *) * (con.nelems + ninc + 1));
        for (uint32_t i = 0; i < con.nelems; i++)
            all[i] = raw[i];
        for (uint32_t i = 0; i < ninc; i++)
            all[con.nelems + i] = con.include[i];
        const char **names = prs_index_colnames(ctx, all, con.nelems + ninc);
        con.name = constraint_name(ctx, t, c, loc, names, con.nelems + ninc, "excl",
                                   PRS_NAME_RELATION_AND_CON, true);
        break;
    }
    case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN: {
        con.type = CAT_CON_FOREIGN;
        if (!column_list(ctx, t, c->fk_attrs, c->n_fk_attrs, column, loc, &con.columns,
                         &con.ncolumns))
            return;
        const PgQuery__RangeVar *rv = c->pktable;
        con.ref_schema =
            ag_arena_strdup(ctx->arena, prs_rel_schema(ctx, rv->schemaname, rv->relname));
        con.ref_table = ag_arena_strdup(ctx->arena, rv->relname);
        uint32_t nref;
        con.ref_columns = prs_str_list(ctx->arena, c->pk_attrs, c->n_pk_attrs, &nref);
        con.nref_columns = nref;
        con.match = c->fk_matchtype && *c->fk_matchtype ? c->fk_matchtype[0] : 's';
        con.on_update = fk_action(c->fk_upd_action);
        con.on_delete = fk_action(c->fk_del_action);
        con.not_valid = !in_create && c->skip_validation;
        if (c->n_fk_del_set_cols)
            ag_diag_warning(ctx->diag, loc,
                            "autogen does not keep the column list of ON DELETE SET NULL/DEFAULT "
                            "yet: the action applies to all columns in the model");
        con.name = constraint_name(ctx, t, c, loc, con.columns, con.ncolumns, "fkey",
                                   PRS_NAME_CONSTRAINT_ONLY, false);
        break;
    }
    default:
        return;
    }
    if (con.name)
        cat_table_add_constraint(ctx->cat, t, &con);
}

/* ---- columns ---------------------------------------------------------------------- */

/* A constraint waiting for its turn: PostgreSQL creates a table's CHECKs, then its
 * PRIMARY KEY, then UNIQUE and EXCLUDE in order, then its FOREIGN KEYs; implicit names
 * depend on that order. The copy takes the DEFERRABLE attributes that follow a column
 * constraint as separate nodes. */
typedef struct Pending {
    PgQuery__Constraint c;
    const char *column;
} Pending;

typedef struct PendingList {
    Pending *items;
    size_t n;
    size_t cap;
} PendingList;

static Pending *
pending_push(PrsContext *ctx, PendingList *pl, const PgQuery__Constraint *c, const char *column)
{
    if (pl->n == pl->cap) {
        size_t cap = pl->cap ? pl->cap * 2 : 8;
        Pending *p = ag_arena_alloc(ctx->tmp, sizeof(Pending) * cap);
        if (pl->n)
            memcpy(p, pl->items, sizeof(Pending) * pl->n);
        pl->items = p;
        pl->cap = cap;
    }
    Pending *p = &pl->items[pl->n++];
    p->c = *c;
    p->column = column;
    return p;
}

/* Key columns of a pending constraint, or its column for a column constraint. */
static bool
same_keys(const Pending *a, const Pending *b)
{
    size_t na = a->c.n_keys ? a->c.n_keys : a->column ? 1 : 0;
    size_t nb = b->c.n_keys ? b->c.n_keys : b->column ? 1 : 0;
    if (na != nb)
        return false;
    for (size_t i = 0; i < na; i++) {
        const char *ka = a->c.n_keys ? prs_str(a->c.keys[i]) : a->column;
        const char *kb = b->c.n_keys ? prs_str(b->c.keys[i]) : b->column;
        if (!ag_streq(ka, kb))
            return false;
    }
    return true;
}

/* transformIndexConstraints drops a UNIQUE that repeats the PRIMARY KEY or an earlier
 * UNIQUE (same columns, INCLUDE, NULLS NOT DISTINCT, deferrability). */
static bool
same_index_spec(const Pending *a, const Pending *b)
{
    if (!same_keys(a, b) || a->c.n_including != b->c.n_including)
        return false;
    for (size_t i = 0; i < a->c.n_including; i++)
        if (!ag_streq(prs_str(a->c.including[i]), prs_str(b->c.including[i])))
            return false;
    return a->c.nulls_not_distinct == b->c.nulls_not_distinct &&
           (a->c.deferrable || a->c.initdeferred) == (b->c.deferrable || b->c.initdeferred) &&
           a->c.initdeferred == b->c.initdeferred;
}

typedef struct LikeList LikeList;
static void like_after_indexes(PrsContext *ctx, CatTable *t, const LikeList *ll);

static void
add_pending_like(PrsContext *ctx, CatTable *t, PendingList *pl, bool in_create, const LikeList *ll)
{
    /* CHECK first (created with the table) */
    for (size_t i = 0; i < pl->n; i++)
        if (pl->items[i].c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK)
            prs_add_constraint(ctx, t, &pl->items[i].c, pl->items[i].column, in_create);
    /* then indexes: the primary key first, then the others in order, repeats dropped */
    Pending **kept = ag_arena_alloc(ctx->tmp, sizeof(Pending *) * (pl->n + 1));
    size_t nkept = 0;
    for (size_t i = 0; i < pl->n; i++)
        if (pl->items[i].c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY) {
            kept[nkept++] = &pl->items[i];
            break;
        }
    for (size_t i = 0; i < pl->n; i++) {
        Pending *p = &pl->items[i];
        PgQuery__ConstrType ct = p->c.contype;
        if (ct != PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE &&
            ct != PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION &&
            !(ct == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY && nkept && kept[0] != p))
            continue;
        bool repeat = false;
        if (ct == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE) {
            for (size_t k = 0; k < nkept && !repeat; k++) {
                if (kept[k]->c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION ||
                    !same_index_spec(kept[k], p))
                    continue;
                repeat = true;
                if (!(kept[k]->c.conname && *kept[k]->c.conname))
                    kept[k]->c.conname = p->c.conname;
            }
        }
        if (!repeat)
            kept[nkept++] = p;
    }
    for (size_t k = 0; k < nkept; k++)
        prs_add_constraint(ctx, t, &kept[k]->c, kept[k]->column, in_create);
    /* LIKE ... INCLUDING CONSTRAINTS / INDEXES come after the table's own indexes */
    if (ll)
        like_after_indexes(ctx, t, ll);
    /* foreign keys last */
    for (size_t i = 0; i < pl->n; i++)
        if (pl->items[i].c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN)
            prs_add_constraint(ctx, t, &pl->items[i].c, pl->items[i].column, in_create);
}

static void
add_pending(PrsContext *ctx, CatTable *t, PendingList *pl, bool in_create)
{
    add_pending_like(ctx, t, pl, in_create, NULL);
}

static void
identity_sequence(PrsContext *ctx, CatTable *t, CatColumn *col, PrsNode **options, size_t noptions,
                  AgLoc loc)
{
    prs_seq_defaults(&col->identity_seq, col->type);
    const char *seq_schema = NULL, *seq_name = NULL;
    prs_seq_options(ctx, &col->identity_seq, true, options, noptions, NULL, &seq_schema, &seq_name);
    /* The sequence is not a CatSequence (the column describes it), but its name is a
     * relation name all the same. */
    const char *schema = seq_schema ? seq_schema : t->obj.schema;
    const char *name = seq_name;
    if (!name) {
        const char *cols[1] = {col->name};
        name = prs_choose_name(ctx, schema, t->obj.name, cols, 1, "seq", PRS_NAME_RELATION);
    } else if (prs_names_find(&ctx->st->relations, schema, name)) {
        prs_error_dup(ctx, loc, prs_names_find(&ctx->st->relations, schema, name)->loc,
                      "identity sequence %s: that name is already taken",
                      cat_qualified(ctx->tmp, schema, name));
        return;
    }
    prs_names_add(&ctx->st->names, &ctx->st->relations, schema, name, loc);
    PrsIdentityOwner *owner = ag_arena_alloc(ctx->arena, sizeof(PrsIdentityOwner));
    owner->table = t;
    owner->column = col->name;
    prs_names_add(&ctx->st->names, &ctx->st->identity_seqs, schema, name, loc)->obj = owner;
}

/* Define a column of t from a ColumnDef; its constraints go to pl. */
static void
add_column(PrsContext *ctx, CatTable *t, const PgQuery__ColumnDef *cd, PendingList *pl)
{
    AgLoc loc = prs_loc_from_offset(ctx, cd->location);
    const CatColumn *prev = cat_table_find_column(t, cd->colname);
    if (prev) {
        prs_error_dup(ctx, loc, prev->loc, "column \"%s\" is defined twice in table %s",
                      cd->colname, table_display(ctx, t));
        return;
    }
    CatColumn col = {.loc = loc};
    col.name = ag_arena_strdup(ctx->arena, cd->colname);
    const char *serial = NULL;
    if (!cd->type_name) {
        ag_diag_error(ctx->diag, loc, "column \"%s\" has no type", cd->colname);
        return;
    }
    col.type = prs_type_name(ctx, cd->type_name, &serial);
    if (!col.type)
        return;
    prs_note_type_use(ctx, cd->type_name, col.type, loc);
    if (cd->coll_clause)
        prs_collation(ctx, cd->coll_clause, &col.collation, &col.collation_schema);
    bool has_default = false;
    Pending *last = NULL;
    PrsNode **identity_opts = NULL;
    size_t nidentity_opts = 0;
    AgLoc identity_loc = loc;
    for (size_t i = 0; i < cd->n_constraints; i++) {
        const PrsNode *n = cd->constraints[i];
        if (n->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
            continue;
        const PgQuery__Constraint *c = n->constraint;
        AgLoc cloc = prs_loc_from_offset(ctx, c->location);
        switch (c->contype) {
        case PG_QUERY__CONSTR_TYPE__CONSTR_NULL:
            col.not_null = false;
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
            col.not_null = true;
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
            if (has_default || serial) {
                ag_diag_error(ctx->diag, cloc, "column \"%s\" has two default values", cd->colname);
                break;
            }
            has_default = true;
            /* PostgreSQL stores no default for a bare NULL */
            if (!prs_is_null_default(ctx, c->raw_expr, col.type))
                col.default_expr = prs_expr(ctx, c->raw_expr);
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY:
            if (col.identity || serial) {
                ag_diag_error(ctx->diag, cloc,
                              "column \"%s\" has two identity or serial "
                              "specifications",
                              cd->colname);
                break;
            }
            col.identity = c->generated_when && c->generated_when[0] == 'd'
                               ? CAT_IDENTITY_BY_DEFAULT
                               : CAT_IDENTITY_ALWAYS;
            col.not_null = true;
            identity_opts = c->options;
            nidentity_opts = c->n_options;
            identity_loc = cloc;
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
            col.generated = prs_expr(ctx, c->raw_expr);
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
        case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
        case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
        case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION:
        case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
            last = pending_push(ctx, pl, c, col.name);
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRABLE:
        case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_NOT_DEFERRABLE:
        case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRED:
        case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_IMMEDIATE:
            if (!last || last->c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK) {
                ag_diag_error(ctx->diag, cloc,
                              "DEFERRABLE and INITIALLY apply to a PRIMARY KEY, UNIQUE or "
                              "REFERENCES constraint written just before them");
                break;
            }
            if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRABLE)
                last->c.deferrable = true;
            else if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_NOT_DEFERRABLE)
                last->c.deferrable = false;
            else if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRED)
                last->c.initdeferred = true;
            else
                last->c.initdeferred = false;
            break;
        default:
            break;
        }
    }
    if (col.generated && (has_default || col.identity)) {
        ag_diag_error(ctx->diag, loc, "column \"%s\" is generated and also has a default",
                      cd->colname);
        col.default_expr = NULL;
    }
    if (col.identity && has_default) {
        ag_diag_error(ctx->diag, loc,
                      "column \"%s\" is an identity column and also has a "
                      "default",
                      cd->colname);
        col.default_expr = NULL;
    }
    CatColumn *stored = cat_table_add_column(ctx->cat, t, &col);
    if (stored->identity) {
        if (!is_integer_type(stored->type))
            ag_diag_error(ctx->diag, identity_loc,
                          "identity column \"%s\" has type %s: expected smallint, integer or "
                          "bigint",
                          cd->colname, stored->type);
        identity_sequence(ctx, t, stored, identity_opts, nidentity_opts, identity_loc);
    }
    if (serial) {
        /* serial = integer NOT NULL DEFAULT nextval('<seq>'::regclass), the sequence
         * named by ChooseRelationName(table, column, "seq") and owned by the column. */
        const char *cols[1] = {stored->name};
        const char *seqname =
            prs_choose_name(ctx, t->obj.schema, t->obj.name, cols, 1, "seq", PRS_NAME_RELATION);
        CatSequence *seq =
            (CatSequence *) cat_add(ctx->cat, CAT_SEQUENCE, t->obj.schema, seqname, loc);
        if (!seq)
            return;
        prs_names_add(&ctx->st->names, &ctx->st->relations, t->obj.schema, seqname, loc);
        prs_seq_defaults(&seq->opts, serial);
        seq->owned_schema = t->obj.schema;
        seq->owned_table = t->obj.name;
        seq->owned_column = stored->name;
        stored->not_null = true;
        const char *qualified = cat_qualified(ctx->tmp, t->obj.schema, seqname);
        const char *sql = ag_arena_printf(ctx->tmp, "nextval(%s::regclass)",
                                          cat_quote_literal(ctx->tmp, qualified));
        stored->default_expr = cat_expr_new(ctx->arena, sql);
    }
}

/* ---- CREATE TABLE ----------------------------------------------------------------- */

static const char *
unmanaged_table_kind(const PgQuery__CreateStmt *cs)
{
    if (cs->partbound && cs->n_inh_relations != 1)
        return "partitions";
    if (cs->of_typename)
        return "typed tables (OF type)";
    return NULL;
}

/* CREATE TABLE ... PARTITION OF parent: the parent's columns (with their types,
 * collations, NOT NULL, defaults and generation expressions) and its CHECK constraints
 * come first, as MergeAttributes copies them; the partition's own column options then
 * apply to those columns. Indexes and keys the server clones from the parent are not
 * catalog objects (introspection skips clones too). */
static bool
copy_parent(PrsContext *ctx, CatTable *t, const PgQuery__RangeVar *prv, AgLoc loc)
{
    const char *pschema = prs_rel_schema(ctx, prv->schemaname, prv->relname);
    CatTable *parent = cat_table_find(ctx->cat, pschema, prv->relname);
    if (!parent)
        return false;
    PrsState *st = ctx->st;
    if (st->nchildren == st->capchildren) {
        uint32_t cap = st->capchildren ? st->capchildren * 2 : 16;
        PrsChild *c = ag_arena_alloc(ctx->arena, sizeof(PrsChild) * cap);
        if (st->nchildren)
            memcpy(c, st->children, sizeof(PrsChild) * st->nchildren);
        st->children = c;
        st->capchildren = cap;
    }
    st->children[st->nchildren++] = (PrsChild){.parent = parent, .child = t};
    for (uint32_t i = 0; i < parent->ncolumns; i++) {
        const CatColumn *pc = &parent->columns[i];
        CatColumn *same = cat_table_find_column(t, pc->name);
        if (same) {
            /* the same column from two parents: one column, NOT NULL if either */
            if (strcmp(same->type, pc->type) != 0)
                ag_diag_error(ctx->diag, loc, "inherited column \"%s\" has two types: %s and %s",
                              pc->name, same->type, pc->type);
            same->not_null = same->not_null || pc->not_null;
            continue;
        }
        CatColumn col = *pc;
        col.identity = CAT_IDENTITY_NONE;
        col.comment = NULL;
        cat_table_add_column(ctx->cat, t, &col);
    }
    for (uint32_t i = 0; i < parent->nconstraints; i++) {
        const CatConstraint *c = &parent->constraints[i];
        if (c->type != CAT_CON_CHECK || c->no_inherit || cat_table_find_constraint(t, c->name))
            continue;
        CatConstraint copy = *c;
        copy.comment = NULL;
        prs_names_add(&ctx->st->names, &ctx->st->constraints, t->obj.schema, c->name, c->loc);
        cat_table_add_constraint(ctx->cat, t, &copy);
    }
    return true;
}

/* ---- CREATE TABLE ... (LIKE source INCLUDING ...) ---------------------------------- */

/* TableLikeOption (parsenodes.h) */
#define LIKE_COMMENTS    (1u << 0)
#define LIKE_CONSTRAINTS (1u << 2)
#define LIKE_DEFAULTS    (1u << 3)
#define LIKE_GENERATED   (1u << 4)
#define LIKE_IDENTITY    (1u << 5)
#define LIKE_INDEXES     (1u << 6)

struct LikeList {
    const CatTable *sources[16];
    uint32_t options[16];
    uint32_t n;
};

/* transformTableLikeClause: the source's columns, with their types, collations and
 * NOT NULL always, and defaults, generation expressions, identity and comments when
 * included. Returns false when the source is not a table of the model. */
static bool
like_columns(PrsContext *ctx, CatTable *t, const PgQuery__TableLikeClause *lc, LikeList *ll,
             AgLoc loc)
{
    const PgQuery__RangeVar *rv = lc->relation;
    const char *schema = prs_rel_schema(ctx, rv->schemaname, rv->relname);
    const CatTable *src = cat_table_find(ctx->cat, schema, rv->relname);
    if (!src || ll->n == ARRAY_LEN(ll->sources))
        return false;
    ll->sources[ll->n] = src;
    ll->options[ll->n++] = lc->options;
    for (uint32_t i = 0; i < src->ncolumns; i++) {
        const CatColumn *sc = &src->columns[i];
        const CatColumn *prev = cat_table_find_column(t, sc->name);
        if (prev) {
            prs_error_dup(ctx, loc, prev->loc, "column \"%s\" is defined twice in table %s",
                          sc->name, table_display(ctx, t));
            continue;
        }
        CatColumn col = {.loc = loc};
        col.name = sc->name;
        col.type = sc->type;
        col.collation = sc->collation;
        col.collation_schema = sc->collation_schema;
        col.not_null = sc->not_null;
        if ((lc->options & LIKE_DEFAULTS) && !sc->generated)
            col.default_expr = sc->default_expr;
        if ((lc->options & LIKE_GENERATED) && sc->generated)
            col.generated = sc->generated;
        if (lc->options & LIKE_COMMENTS)
            col.comment = sc->comment;
        CatColumn *stored = cat_table_add_column(ctx->cat, t, &col);
        if ((lc->options & LIKE_IDENTITY) && sc->identity) {
            stored->identity = sc->identity;
            identity_sequence(ctx, t, stored, NULL, 0, loc);
            stored->identity_seq = sc->identity_seq;
            /* the copy's sequence gets the options but no AS clause (PostgreSQL 15
             * passes no type to generateSerialExtraStmts here): bigint */
            stored->identity_seq.type = "bigint";
        }
    }
    return true;
}

/* expandTableLikeClause: CHECK constraints keep their names; keys and indexes are
 * cloned under new implicit names. */
static void
like_after_indexes(PrsContext *ctx, CatTable *t, const LikeList *ll)
{
    for (uint32_t k = 0; k < ll->n; k++) {
        const CatTable *src = ll->sources[k];
        uint32_t opts = ll->options[k];
        if (opts & LIKE_CONSTRAINTS) {
            for (uint32_t i = 0; i < src->nconstraints; i++) {
                const CatConstraint *c = &src->constraints[i];
                if (c->type != CAT_CON_CHECK)
                    continue;
                if (cat_table_find_constraint(t, c->name)) {
                    ag_diag_error(ctx->diag, t->obj.loc,
                                  "constraint \"%s\" is defined twice in table %s", c->name,
                                  table_display(ctx, t));
                    continue;
                }
                CatConstraint copy = *c;
                copy.loc = t->obj.loc;
                copy.not_valid = false;
                copy.comment = (opts & LIKE_COMMENTS) ? c->comment : NULL;
                prs_names_add(&ctx->st->names, &ctx->st->constraints, t->obj.schema, c->name, t->obj.loc)
                    ->obj = t;
                cat_table_add_constraint(ctx->cat, t, &copy);
            }
        }
        if (!(opts & LIKE_INDEXES))
            continue;
        for (uint32_t i = 0; i < src->nconstraints; i++) {
            const CatConstraint *c = &src->constraints[i];
            if (c->type != CAT_CON_PRIMARY && c->type != CAT_CON_UNIQUE &&
                c->type != CAT_CON_EXCLUDE)
                continue;
            CatConstraint copy = *c;
            copy.loc = t->obj.loc;
            copy.comment = (opts & LIKE_COMMENTS) ? c->comment : NULL;
            const char **cols = ag_arena_alloc(
                ctx->tmp, sizeof(char *) * (c->ncolumns + c->nelems + c->ninclude + 1));
            uint32_t n = 0;
            for (uint32_t j = 0; j < c->ncolumns; j++)
                cols[n++] = c->columns[j];
            for (uint32_t j = 0; j < c->nelems; j++)
                cols[n++] = c->elems[j].column;
            for (uint32_t j = 0; j < c->ninclude; j++)
                cols[n++] = c->include[j];
            const char **names = prs_index_colnames(ctx, cols, n);
            if (c->type == CAT_CON_PRIMARY) {
                bool has_pk = false;
                for (uint32_t j = 0; j < t->nconstraints; j++)
                    has_pk = has_pk || t->constraints[j].type == CAT_CON_PRIMARY;
                if (has_pk) {
                    ag_diag_error(ctx->diag, t->obj.loc,
                                  "table %s has two primary keys: a table has at most one",
                                  table_display(ctx, t));
                    continue;
                }
                copy.name = prs_choose_name(ctx, t->obj.schema, t->obj.name, NULL, 0, "pkey",
                                            PRS_NAME_RELATION_AND_CON);
            } else {
                copy.name = prs_choose_name(ctx, t->obj.schema, t->obj.name, names, n,
                                            c->type == CAT_CON_UNIQUE ? "key" : "excl",
                                            PRS_NAME_RELATION_AND_CON);
            }
            prs_names_add(&ctx->st->names, &ctx->st->constraints, t->obj.schema, copy.name, t->obj.loc)
                ->obj = t;
            prs_names_add(&ctx->st->names, &ctx->st->relations, t->obj.schema, copy.name, t->obj.loc);
            cat_table_add_constraint(ctx->cat, t, &copy);
        }
        for (uint32_t i = 0; i < ctx->cat->nobjects; i++) {
            const CatObject *o = ctx->cat->objects[i];
            if (o->kind != CAT_INDEX || !ag_streq(o->schema, src->obj.schema) ||
                strcmp(((const CatIndex *) o)->table, src->obj.name) != 0)
                continue;
            const CatIndex *ix = (const CatIndex *) o;
            const char **cols =
                ag_arena_alloc(ctx->tmp, sizeof(char *) * (ix->nelems + ix->ninclude + 1));
            uint32_t n = 0;
            for (uint32_t j = 0; j < ix->nelems; j++)
                cols[n++] = ix->elems[j].column;
            for (uint32_t j = 0; j < ix->ninclude; j++)
                cols[n++] = ix->include[j];
            const PrsNameEntry *known = prs_names_find(&ctx->st->index_cols, o->schema, o->name);
            const char **names =
                known && known->obj ? (const char **) known->obj : prs_index_colnames(ctx, cols, n);
            const char *name = prs_choose_name(ctx, t->obj.schema, t->obj.name, names, n, "idx",
                                               PRS_NAME_RELATION);
            CatIndex *copy =
                (CatIndex *) cat_add(ctx->cat, CAT_INDEX, t->obj.schema, name, t->obj.loc);
            if (!copy)
                continue;
            CatObject hdr = copy->obj;
            *copy = *ix;
            copy->obj = hdr;
            copy->obj.comment = (opts & LIKE_COMMENTS) ? ix->obj.comment : NULL;
            copy->table = t->obj.name;
            prs_names_add(&ctx->st->names, &ctx->st->relations, t->obj.schema, name, t->obj.loc)->obj =
                copy;
        }
    }
}

static bool
inherited_column(const CatTable *t, uint32_t ninherited, const char *name)
{
    for (uint32_t i = 0; i < ninherited; i++)
        if (strcmp(t->columns[i].name, name) == 0)
            return true;
    return false;
}

/* A column the table already has from its parent: a partition's column options
 * (PARTITION OF parent (col WITH OPTIONS ...)) or an INHERITS child restating it, which
 * must keep the type and may add NOT NULL, a default of its own and constraints. */
static void
merge_column(PrsContext *ctx, CatTable *t, const PgQuery__ColumnDef *cd, PendingList *pl)
{
    AgLoc loc = prs_loc_from_offset(ctx, cd->location);
    CatColumn *col = cat_table_find_column(t, cd->colname);
    if (!col) {
        ag_diag_error(ctx->diag, loc, "column \"%s\" is not a column of the parent table",
                      cd->colname);
        return;
    }
    if (cd->type_name) {
        const char *type = prs_type_name(ctx, cd->type_name, NULL);
        if (type && strcmp(type, col->type) != 0) {
            ag_diag_error(ctx->diag, loc,
                          "column \"%s\" has type %s here but %s in the parent table", cd->colname,
                          type, col->type);
            return;
        }
    }
    for (size_t i = 0; i < cd->n_constraints; i++) {
        const PrsNode *n = cd->constraints[i];
        if (n->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
            continue;
        const PgQuery__Constraint *c = n->constraint;
        switch (c->contype) {
        case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
            col->not_null = true;
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
            col->default_expr = prs_is_null_default(ctx, c->raw_expr, col->type)
                                    ? NULL
                                    : prs_expr(ctx, c->raw_expr);
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
        case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
        case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
        case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
            pending_push(ctx, pl, c, col->name);
            break;
        default:
            break;
        }
    }
}

void
prs_create_table(PrsContext *ctx, const PgQuery__CreateStmt *cs, int32_t at)
{
    AgLoc loc = prs_loc_from_offset(ctx, at);
    const PgQuery__RangeVar *rv = cs->relation;
    if (rv->relpersistence && rv->relpersistence[0] == 't') {
        ag_diag_error(ctx->diag, loc, "a temporary table has no place in a model");
        return;
    }
    const char *schema =
        rv->schemaname && *rv->schemaname ? rv->schemaname : prs_creation_schema(ctx);
    const PrsNameEntry *prev = prs_names_find(&ctx->st->relations, schema, rv->relname);
    if (prev) {
        if (cs->if_not_exists)
            return;
        bool is_table = cat_table_find(ctx->cat, schema, rv->relname) != NULL;
        prs_error_dup(ctx, loc, prev->loc,
                      is_table ? "table %s is defined twice"
                               : "table %s: that name is already taken by another relation",
                      cat_qualified(ctx->tmp, schema, rv->relname));
        return;
    }
    const char *unmanaged = unmanaged_table_kind(cs);
    /* PARTITION OF parent, INHERITS (parents): every parent must be a table of the
     * model by now */
    for (size_t i = 0; i < cs->n_inh_relations && !unmanaged; i++) {
        const PgQuery__RangeVar *prv =
            cs->inh_relations[i]->node_case == PG_QUERY__NODE__NODE_RANGE_VAR
                ? cs->inh_relations[i]->range_var
                : NULL;
        const char *pschema = prv ? prs_rel_schema(ctx, prv->schemaname, prv->relname) : NULL;
        if (prv && cat_table_find(ctx->cat, pschema, prv->relname))
            continue;
        if (prv && !prs_is_ignored(ctx, pschema, prv->relname) && prs_defer(ctx))
            return; /* the parent may come in a later file */
        unmanaged = cs->partbound ? "partitions"
                                  : "children of relations autogen does not "
                                    "manage";
    }
    for (size_t i = 0; i < cs->n_table_elts && !unmanaged; i++) {
        const PrsNode *e = cs->table_elts[i];
        if (e->node_case != PG_QUERY__NODE__NODE_TABLE_LIKE_CLAUSE)
            continue;
        const PgQuery__RangeVar *src = e->table_like_clause->relation;
        const char *sschema = prs_rel_schema(ctx, src->schemaname, src->relname);
        if (cat_table_find(ctx->cat, sschema, src->relname))
            continue;
        if (prs_is_ignored(ctx, sschema, src->relname)) {
            unmanaged = "CREATE TABLE ... (LIKE a relation autogen does not manage)";
        } else if (prs_defer(ctx)) {
            return; /* the source may come in a later file */
        } else {
            ag_diag_error(ctx->diag, prs_loc_from_offset(ctx, src->location),
                          "table %s named in LIKE is not defined in the model",
                          cat_qualified(ctx->tmp, sschema, src->relname));
            return;
        }
    }
    if (unmanaged) {
        ag_diag_warning(ctx->diag, loc, "autogen does not manage %s yet: ignored", unmanaged);
        prs_names_add(&ctx->st->names, &ctx->st->ignored, schema, rv->relname, loc);
        prs_names_add(&ctx->st->names, &ctx->st->relations, schema, rv->relname, loc);
        return;
    }
    CatTable *t = (CatTable *) cat_add(ctx->cat, CAT_TABLE, schema, rv->relname, loc);
    if (!t)
        return;
    prs_partition_create(ctx, t, cs);
    t->unlogged = rv->relpersistence && rv->relpersistence[0] == 'u';
    for (size_t i = 0; i < cs->n_inh_relations; i++)
        copy_parent(ctx, t, cs->inh_relations[i]->range_var, loc);
    uint32_t ninherited = t->ncolumns;
    cat_table_reserve_columns(ctx->cat, t, (uint32_t) cs->n_table_elts);
    PendingList pl = {0};
    LikeList ll = {0};
    for (size_t i = 0; i < cs->n_table_elts; i++) {
        const PrsNode *e = cs->table_elts[i];
        if (e->node_case == PG_QUERY__NODE__NODE_TABLE_LIKE_CLAUSE)
            like_columns(ctx, t, e->table_like_clause, &ll, loc);
        else if (e->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF &&
                 (cs->partbound || inherited_column(t, ninherited, e->column_def->colname)))
            merge_column(ctx, t, e->column_def, &pl);
        else if (e->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
            add_column(ctx, t, e->column_def, &pl);
        else if (e->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
            pending_push(ctx, &pl, e->constraint, NULL);
    }
    for (size_t i = 0; i < cs->n_constraints; i++)
        if (cs->constraints[i]->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
            pending_push(ctx, &pl, cs->constraints[i]->constraint, NULL);
    prs_names_add(&ctx->st->names, &ctx->st->relations, schema, rv->relname, loc)->obj = t;
    add_pending_like(ctx, t, &pl, true, &ll);
}

/* ---- ALTER TABLE -------------------------------------------------------------------- */

static CatColumn *
column_or_report(PrsContext *ctx, CatTable *t, const char *name, AgLoc loc)
{
    CatColumn *col = name ? cat_table_find_column(t, name) : NULL;
    if (!col)
        ag_diag_error(ctx->diag, loc, "column \"%s\" of table %s is not defined in the model",
                      name ? name : "", table_display(ctx, t));
    return col;
}

static bool
is_index_constraint(const PrsNode *def)
{
    if (!def || def->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
        return false;
    PgQuery__ConstrType ct = def->constraint->contype;
    return ct == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY ||
           ct == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE ||
           ct == PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION;
}

/* Subcommands with no meaning for the model (physical storage, ownership): skipped. */
static bool
is_quietly_ignored(PgQuery__AlterTableType t)
{
    switch (t) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ClusterOn:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropCluster:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStorage:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetCompression:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetOptions:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetOptions:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetAccessMethod:
        return true;
    default:
        return false;
    }
}

static const char *
unmanaged_subcommand(PgQuery__AlterTableType t)
{
    switch (t) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableRowSecurity:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableRowSecurity:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ForceRowSecurity:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_NoForceRowSecurity:
        return "row level security";
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigAll:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigUser:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigUser:
        return "triggers";
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableRule:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysRule:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaRule:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableRule:
        return "rules";
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddInherit:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropInherit:
        return "table inheritance";
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddOf:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropOf:
        return "typed tables (OF type)";
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartitionFinalize:
        return "partitions";
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ReplicaIdentity:
        return "replica identity";
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ReplaceRelOptions:
        return "table storage parameters";
    case PG_QUERY__ALTER_TABLE_TYPE__AT_GenericOptions:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnGenericOptions:
        return "foreign-data options";
    default:
        return NULL;
    }
}

static void
alter_column_type(PrsContext *ctx, CatTable *t, const PgQuery__AlterTableCmd *cmd, AgLoc loc)
{
    CatColumn *col = column_or_report(ctx, t, cmd->name, loc);
    if (!col || !cmd->def || cmd->def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF)
        return;
    const PgQuery__ColumnDef *cd = cmd->def->column_def;
    const char *type = cd->type_name ? prs_type_name(ctx, cd->type_name, NULL) : NULL;
    if (!type)
        return;
    prs_note_type_use(ctx, cd->type_name, type, loc);
    col->type = type;
    col->collation = NULL;
    col->collation_schema = NULL;
    if (cd->coll_clause)
        prs_collation(ctx, cd->coll_clause, &col->collation, &col->collation_schema);
}

static void
set_identity(PrsContext *ctx, CatColumn *col, const PgQuery__AlterTableCmd *cmd, AgLoc loc)
{
    if (!col->identity) {
        ag_diag_error(ctx->diag, loc, "column \"%s\" is not an identity column", col->name);
        return;
    }
    if (!cmd->def || cmd->def->node_case != PG_QUERY__NODE__NODE_LIST)
        return;
    const PgQuery__List *l = cmd->def->list;
    PrsNode **seqopts = ag_arena_alloc(ctx->tmp, sizeof(PrsNode *) * (l->n_items + 1));
    size_t nseq = 0;
    for (size_t i = 0; i < l->n_items; i++) {
        const PrsNode *n = l->items[i];
        if (n->node_case != PG_QUERY__NODE__NODE_DEF_ELEM)
            continue;
        if (strcmp(n->def_elem->defname, "generated") == 0) {
            int64_t v;
            if (prs_defelem_int64(n->def_elem->arg, &v))
                col->identity = v == 'd' ? CAT_IDENTITY_BY_DEFAULT : CAT_IDENTITY_ALWAYS;
        } else {
            seqopts[nseq++] = l->items[i];
        }
    }
    prs_seq_options(ctx, &col->identity_seq, false, seqopts, nseq, NULL, NULL, NULL);
}

static void
alter_one(PrsContext *ctx, CatTable *t, const PgQuery__AlterTableCmd *cmd, AgLoc loc)
{
    if (prs_partition_alter(ctx, t, cmd, loc))
        return; /* partition.c: ATTACH / DETACH PARTITION, ROW LEVEL SECURITY */
    switch (cmd->subtype) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumnRecurse: {
        if (!cmd->def || cmd->def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF)
            return;
        if (cmd->missing_ok && cat_table_find_column(t, cmd->def->column_def->colname))
            return;
        PendingList pl = {0};
        add_column(ctx, t, cmd->def->column_def, &pl);
        add_pending(ctx, t, &pl, false);
        return;
    }
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault: {
        CatColumn *col = column_or_report(ctx, t, cmd->name, loc);
        if (!col)
            return;
        if (col->generated) {
            ag_diag_error(ctx->diag, loc, "column \"%s\" is generated: it cannot have a default",
                          col->name);
            return;
        }
        if (col->identity && cmd->def) {
            ag_diag_error(ctx->diag, loc,
                          "column \"%s\" is an identity column: it cannot have a default",
                          col->name);
            return;
        }
        col->default_expr = cmd->def && !prs_is_null_default(ctx, cmd->def, col->type)
                                ? prs_expr(ctx, cmd->def)
                                : NULL;
        return;
    }
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull: {
        CatColumn *col = column_or_report(ctx, t, cmd->name, loc);
        if (col)
            col->not_null = cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull;
        return;
    }
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity: {
        CatColumn *col = column_or_report(ctx, t, cmd->name, loc);
        if (!col || !cmd->def || cmd->def->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
            return;
        if (col->identity || col->default_expr) {
            ag_diag_error(ctx->diag, loc, "column \"%s\" already has a default or an identity",
                          col->name);
            return;
        }
        if (!col->not_null) {
            ag_diag_error(ctx->diag, loc,
                          "column \"%s\" must be NOT NULL before it becomes an identity column",
                          col->name);
            return;
        }
        if (!is_integer_type(col->type)) {
            ag_diag_error(ctx->diag, loc,
                          "identity column \"%s\" has type %s: expected smallint, integer or "
                          "bigint",
                          col->name, col->type);
            return;
        }
        const PgQuery__Constraint *c = cmd->def->constraint;
        col->identity = c->generated_when && c->generated_when[0] == 'd' ? CAT_IDENTITY_BY_DEFAULT
                                                                         : CAT_IDENTITY_ALWAYS;
        identity_sequence(ctx, t, col, c->options, c->n_options, loc);
        return;
    }
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetIdentity: {
        CatColumn *col = column_or_report(ctx, t, cmd->name, loc);
        if (col)
            set_identity(ctx, col, cmd, loc);
        return;
    }
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity: {
        CatColumn *col = column_or_report(ctx, t, cmd->name, loc);
        if (col)
            col->identity = CAT_IDENTITY_NONE;
        return;
    }
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
        alter_column_type(ctx, t, cmd, loc);
        return;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraintRecurse:
        if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)
            prs_add_constraint(ctx, t, cmd->def->constraint, NULL, false);
        return;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraintRecurse: {
        CatConstraint *c = cat_table_find_constraint(t, cmd->name);
        if (!c)
            ag_diag_error(ctx->diag, loc,
                          "constraint \"%s\" of table %s is not defined in the "
                          "model",
                          cmd->name, table_display(ctx, t));
        else
            c->not_valid = false;
        return;
    }
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterConstraint: {
        if (!cmd->def || cmd->def->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
            return;
        const PgQuery__Constraint *d = cmd->def->constraint;
        CatConstraint *c = cat_table_find_constraint(t, d->conname);
        if (!c || c->type != CAT_CON_FOREIGN) {
            ag_diag_error(ctx->diag, loc,
                          "foreign key \"%s\" of table %s is not defined in the "
                          "model",
                          d->conname, table_display(ctx, t));
            return;
        }
        c->deferrable = d->deferrable || d->initdeferred;
        c->initially_deferred = d->initdeferred;
        return;
    }
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged:
        t->unlogged = cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged;
        return;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig: /* tgenabled, see function.c */
        prs_trigger_state(ctx, t, cmd->name,
                          cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig ? 'O'
                          : cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig ? 'A'
                          : cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig
                              ? 'R'
                              : 'D',
                          loc);
        return;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumnRecurse:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraintRecurse:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DropExpression:
        ag_diag_error(ctx->diag, loc,
                      "DROP has no place in a model: a model states what exists (remove the "
                      "definition instead)");
        return;
    default:
        break;
    }
    if (is_quietly_ignored(cmd->subtype))
        return;
    const char *what = unmanaged_subcommand(cmd->subtype);
    ag_diag_warning(ctx->diag, loc, "autogen does not manage %s yet: ignored",
                    what ? what : "this ALTER TABLE form");
}

/* ALTER TABLE without ONLY on a partitioned table: what PostgreSQL passes on to the
 * partitions, copied from the parent once it has been applied there: new columns,
 * column attributes, and inheritable CHECK constraints (from first_new on). Keys and
 * foreign keys are cloned by the server, and clones are not catalog objects. */
static void
to_partitions(PrsContext *ctx, CatTable *parent, const PgQuery__AlterTableCmd *cmd,
              uint32_t first_new)
{
    const char *colname = cmd->name;
    if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
        colname = cmd->def->column_def->colname;
    const CatColumn *pcol = colname ? cat_table_find_column(parent, colname) : NULL;
    for (uint32_t i = 0; i < ctx->st->nchildren; i++) {
        if (ctx->st->children[i].parent != parent)
            continue;
        CatTable *child = ctx->st->children[i].child;
        uint32_t child_first = child->nconstraints;
        if (pcol) {
            CatColumn *ccol = cat_table_find_column(child, pcol->name);
            switch (cmd->subtype) {
            case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
            case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumnRecurse:
                if (!ccol) {
                    CatColumn copy = *pcol;
                    copy.identity = CAT_IDENTITY_NONE;
                    copy.comment = NULL;
                    cat_table_add_column(ctx->cat, child, &copy);
                }
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
                if (ccol)
                    ccol->default_expr = pcol->default_expr;
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
            case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
                if (ccol)
                    ccol->not_null = pcol->not_null;
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
                if (ccol) {
                    ccol->type = pcol->type;
                    ccol->collation = pcol->collation;
                    ccol->collation_schema = pcol->collation_schema;
                }
                break;
            default:
                break;
            }
        }
        for (uint32_t k = first_new; k < parent->nconstraints; k++) {
            const CatConstraint *c = &parent->constraints[k];
            if (c->type != CAT_CON_CHECK || c->no_inherit ||
                cat_table_find_constraint(child, c->name))
                continue;
            CatConstraint copy = *c;
            copy.comment = NULL;
            prs_names_add(&ctx->st->names, &ctx->st->constraints, child->obj.schema, c->name, c->loc);
            cat_table_add_constraint(ctx->cat, child, &copy);
        }
        to_partitions(ctx, child, cmd, child_first);
    }
}

void
prs_alter_table(PrsContext *ctx, const PgQuery__AlterTableStmt *as)
{
    AgLoc loc = prs_stmt_loc(ctx);
    bool all_quiet = true;
    for (size_t i = 0; i < as->n_cmds; i++)
        if (as->cmds[i]->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD &&
            !is_quietly_ignored(as->cmds[i]->alter_table_cmd->subtype))
            all_quiet = false;
    /* OWNER TO and friends on anything (pg_dump says ALTER TABLE for views too) */
    if (all_quiet)
        return;
    switch (as->objtype) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
        prs_alter_composite(ctx, as); /* ALTER TYPE ... ADD/DROP/ALTER ATTRIBUTE */
        return;
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
        return; /* about objects whose creation was already reported */
    default: {
        /* ALTER INDEX / ALTER SEQUENCE ... SET (...), ATTACH PARTITION */
        bool partition =
            as->n_cmds == 1 && as->cmds[0]->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD &&
            as->cmds[0]->alter_table_cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition;
        const PrsNode *def = partition ? as->cmds[0]->alter_table_cmd->def : NULL;
        if (def && def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD &&
            def->partition_cmd->name) {
            /* ALTER INDEX parent ATTACH PARTITION child (pg_dump): the child index, or
             * the key behind it, becomes the server's clone of the parent's: not a
             * catalog object. Removed by prs_finish, once every file is read. */
            const PgQuery__RangeVar *rv = def->partition_cmd->name;
            const char *schema = prs_rel_schema(ctx, rv->schemaname, rv->relname);
            prs_names_add(&ctx->st->names, &ctx->st->attached, schema, rv->relname, loc);
        }
        if (!partition)
            ag_diag_warning(ctx->diag, loc,
                            "autogen does not manage this ALTER statement yet: "
                            "ignored");
        return;
    }
    }
    bool skip;
    CatTable *t = prs_table_for_stmt(ctx, as->relation, as->missing_ok, &skip);
    if (!t)
        return;
    /* PostgreSQL runs subcommands in passes: columns and their attributes, then
     * index-backed constraints, then the other constraints. */
    bool recurse = as->relation->inh;
    for (int pass = 0; pass < 3; pass++) {
        for (size_t i = 0; i < as->n_cmds; i++) {
            if (as->cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
                continue;
            const PgQuery__AlterTableCmd *cmd = as->cmds[i]->alter_table_cmd;
            bool add = cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint ||
                       cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraintRecurse;
            int want = !add ? 0 : is_index_constraint(cmd->def) ? 1 : 2;
            if (want != pass)
                continue;
            AgLoc cloc = loc;
            if (cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
                cloc = prs_loc_from_offset(ctx, cmd->def->column_def->location);
            uint32_t ncons = t->nconstraints;
            alter_one(ctx, t, cmd, cloc);
            if (recurse)
                to_partitions(ctx, t, cmd, ncons);
        }
    }
}

/* ---- RENAME ------------------------------------------------------------------------ */

void
prs_rename(PrsContext *ctx, const PgQuery__RenameStmt *rs)
{
    AgLoc loc = prs_stmt_loc(ctx);
    if (rs->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT && rs->relation) {
        bool skip;
        CatTable *t = prs_table_for_stmt(ctx, rs->relation, rs->missing_ok, &skip);
        if (!t)
            return;
        CatConstraint *c = cat_table_find_constraint(t, rs->subname);
        if (!c) {
            ag_diag_error(ctx->diag, loc,
                          "constraint \"%s\" of table %s is not defined in the "
                          "model",
                          rs->subname, table_display(ctx, t));
            return;
        }
        const CatConstraint *other = cat_table_find_constraint(t, rs->newname);
        if (other) {
            prs_error_dup(ctx, loc, other->loc, "constraint \"%s\" is defined twice in table %s",
                          rs->newname, table_display(ctx, t));
            return;
        }
        bool has_index =
            c->type == CAT_CON_PRIMARY || c->type == CAT_CON_UNIQUE || c->type == CAT_CON_EXCLUDE;
        prs_names_remove(&ctx->st->constraints, t->obj.schema, c->name);
        prs_names_add(&ctx->st->names, &ctx->st->constraints, t->obj.schema, rs->newname, loc);
        if (has_index) {
            prs_names_remove(&ctx->st->relations, t->obj.schema, c->name);
            prs_names_add(&ctx->st->names, &ctx->st->relations, t->obj.schema, rs->newname, loc);
        }
        c->name = ag_arena_strdup(ctx->arena, rs->newname);
        return;
    }
    switch (rs->rename_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMCONSTRAINT:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ATTRIBUTE:
        if (rs->relation &&
            prs_is_ignored(ctx,
                           prs_rel_schema(ctx, rs->relation->schemaname, rs->relation->relname),
                           rs->relation->relname))
            return;
        ag_diag_error(ctx->diag, loc,
                      "RENAME has no place in a model: write the object under its final name");
        return;
    default:
        ag_diag_warning(ctx->diag, loc, "autogen does not manage this RENAME yet: ignored");
        return;
    }
}

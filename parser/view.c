/*
 * parser/view.c: CREATE [OR REPLACE] [MATERIALIZED] VIEW -> CatView, COMMENT ON VIEW /
 * MATERIALIZED VIEW / COLUMN of a view, and the stand-in table an index on a
 * materialized view is read against.
 *
 * The query is kept as libpg_query deparses it (CatView.query.sql); its canon is that
 * text with whitespace normalised (cat_canon_view). Tier 1 never matches it with pg_get_viewdef's
 * output: catalog/introspect_view.c settles views through the server. Output columns are known only
 * from an explicit column list (tier 2 fills the others in). deps lists the relations the query
 * names ("schema.name", unqualified names resolved through the file's search_path), for ordering
 * only. Views stay in PrsState.ignored as well, so that ALTER VIEW / ALTER TABLE on them and other
 * statements autogen does not manage about them are skipped quietly. Not here: comparing or
 * emitting views (diff/view.c, emit/view.c).
 */
#include <stdlib.h>
#include <string.h>

#include "parser/internal.h"

/* ---- query text --------------------------------------------------------------- */


/* ---- dependencies ----------------------------------------------------------------- */

typedef struct DepWalk {
    PrsContext *ctx;
    const char **ctes; /* WITH names anywhere in the query: not relations */
    uint32_t nctes, capctes;
    const char **deps;
    uint32_t ndeps, capdeps;
} DepWalk;

static void
push(AgArena *a, const char ***items, uint32_t *n, uint32_t *cap, const char *s)
{
    for (uint32_t i = 0; i < *n; i++)
        if (strcmp((*items)[i], s) == 0)
            return;
    if (*n == *cap) {
        uint32_t nc = *cap ? *cap * 2 : 8;
        const char **ni = ag_arena_alloc(a, sizeof(char *) * nc);
        if (*n)
            memcpy(ni, *items, sizeof(char *) * *n);
        *items = ni;
        *cap = nc;
    }
    (*items)[(*n)++] = s;
}

/* Every message below m, through protobuf-c's descriptors (no node kind forgotten). */
static void
walk(const ProtobufCMessage *m, DepWalk *w, bool ctes_only)
{
    if (!m)
        return;
    const ProtobufCMessageDescriptor *d = m->descriptor;
    if (ctes_only && d == &pg_query__common_table_expr__descriptor) {
        const PgQuery__CommonTableExpr *cte = (const PgQuery__CommonTableExpr *) m;
        if (cte->ctename && *cte->ctename)
            push(w->ctx->tmp, &w->ctes, &w->nctes, &w->capctes, cte->ctename);
    }
    if (!ctes_only && d == &pg_query__range_var__descriptor) {
        const PgQuery__RangeVar *rv = (const PgQuery__RangeVar *) m;
        bool qualified = rv->schemaname && *rv->schemaname;
        bool cte = false;
        for (uint32_t i = 0; !qualified && i < w->nctes && !cte; i++)
            cte = strcmp(w->ctes[i], rv->relname) == 0;
        if (!cte && rv->relname && *rv->relname) {
            const char *schema = prs_rel_schema(w->ctx, rv->schemaname, rv->relname);
            push(w->ctx->arena, &w->deps, &w->ndeps, &w->capdeps,
                 ag_arena_printf(w->ctx->arena, "%s.%s", schema, rv->relname));
        }
    }
    for (unsigned i = 0; i < d->n_fields; i++) {
        const ProtobufCFieldDescriptor *f = &d->fields[i];
        if (f->type != PROTOBUF_C_TYPE_MESSAGE)
            continue;
        const char *base = (const char *) m;
        if (f->label == PROTOBUF_C_LABEL_REPEATED) {
            size_t n = *(const size_t *) (base + f->quantifier_offset);
            const ProtobufCMessage *const *arr;
            memcpy(&arr, base + f->offset, sizeof(arr));
            for (size_t k = 0; k < n; k++)
                walk(arr[k], w, ctes_only);
        } else {
            if (f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
                uint32_t which;
                memcpy(&which, base + f->quantifier_offset, sizeof(which));
                if (which != f->id)
                    continue;
            }
            const ProtobufCMessage *sub;
            memcpy(&sub, base + f->offset, sizeof(sub));
            walk(sub, w, ctes_only);
        }
    }
}

static int
cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

static void
fill_deps(PrsContext *ctx, CatView *v, const PrsNode *query)
{
    DepWalk w = {.ctx = ctx};
    walk((const ProtobufCMessage *) query, &w, true);
    walk((const ProtobufCMessage *) query, &w, false);
    if (w.ndeps > 1)
        ag_qsort(w.deps, w.ndeps, sizeof(char *), cmp_cstr);
    v->deps = w.deps;
    v->ndeps = w.ndeps;
}

/* ---- CREATE VIEW ------------------------------------------------------------------ */

static void
add_option(PrsContext *ctx, const char ***opts, uint32_t *n, uint32_t *cap, const char *s)
{
    /* a later setting of the same name wins, as the server keeps one */
    size_t klen = strcspn(s, "=");
    for (uint32_t i = 0; i < *n; i++) {
        if (strncmp((*opts)[i], s, klen) == 0 && (*opts)[i][klen] == '=') {
            (*opts)[i] = s;
            return;
        }
    }
    push(ctx->arena, opts, n, cap, s);
}

static void
create_view(PrsContext *ctx, const PgQuery__RangeVar *rv, bool materialized, bool replace,
            bool if_not_exists, PrsNode **aliases, size_t naliases, PrsNode **options,
            size_t noptions, PgQuery__ViewCheckOption check, const PrsNode *query, bool no_data)
{
    AgLoc loc = prs_stmt_loc(ctx);
    const char *kind = materialized ? "materialized view" : "view";
    if ((rv->relpersistence && rv->relpersistence[0] == 't') ||
        (rv->schemaname && strcmp(rv->schemaname, "pg_temp") == 0)) {
        ag_diag_warning(ctx->diag, loc, "a temporary %s is not part of a schema: ignored", kind);
        return;
    }
    const char *schema =
        rv->schemaname && *rv->schemaname ? rv->schemaname : prs_creation_schema(ctx);
    schema = ag_arena_strdup(ctx->arena, schema);
    const char *name = ag_arena_strdup(ctx->arena, rv->relname);
    CatView *old = (CatView *) cat_find(ctx->cat, CAT_VIEW, schema, name);
    const PrsNameEntry *prev = prs_names_find(&ctx->st->relations, schema, name);
    if (prev && !(old && replace && !old->materialized && !materialized)) {
        if (if_not_exists)
            return;
        prs_error_dup(ctx, loc, prev->loc,
                      old ? "%s %s is defined twice"
                          : "%s %s: that name is already taken by another relation",
                      kind, cat_qualified(ctx->tmp, schema, name));
        return;
    }
    const char *sql = prs_deparse_stmt(ctx, "view's query", query);
    if (!sql)
        return;
    CatView *v = old;
    if (!v) {
        v = (CatView *) cat_add(ctx->cat, CAT_VIEW, schema, name, loc);
        if (!v)
            return;
        prs_names_add(&ctx->st->names, &ctx->st->relations, schema, name, loc)->obj = v;
        prs_names_add(&ctx->st->names, &ctx->st->ignored, schema, name, loc);
    }
    v->materialized = materialized;
    v->query = ag_arena_alloc(ctx->arena, sizeof(CatExpr));
    v->query->sql = ag_arena_strdup(ctx->arena, sql);
    v->query->canon = cat_canon_view(ctx->arena, sql);
    v->columns = NULL;
    v->ncolumns = 0;
    v->column_types = NULL;
    if (naliases) {
        v->columns = prs_str_list(ctx->arena, aliases, naliases, &v->ncolumns);
        for (uint32_t i = 0; i < v->ncolumns; i++)
            v->columns[i] = ag_arena_strdup(ctx->arena, v->columns[i]);
    }
    const char **opts = NULL;
    uint32_t nopts = 0, cap = 0;
    for (size_t i = 0; i < noptions; i++) {
        const PrsNode *o = options[i];
        if (o->node_case != PG_QUERY__NODE__NODE_DEF_ELEM)
            continue;
        const char *val = prs_defelem_str(ctx->tmp, o->def_elem->arg);
        add_option(ctx, &opts, &nopts, &cap,
                   ag_arena_printf(ctx->arena, "%s=%s", o->def_elem->defname, val ? val : "true"));
    }
    if (check == PG_QUERY__VIEW_CHECK_OPTION__LOCAL_CHECK_OPTION)
        add_option(ctx, &opts, &nopts, &cap, "check_option=local");
    else if (check == PG_QUERY__VIEW_CHECK_OPTION__CASCADED_CHECK_OPTION)
        add_option(ctx, &opts, &nopts, &cap, "check_option=cascaded");
    if (nopts > 1)
        ag_qsort(opts, nopts, sizeof(char *), cmp_cstr);
    v->options = opts;
    v->noptions = nopts;
    v->with_no_data = no_data;
    v->search_path = prs_search_path_text(ctx);
    fill_deps(ctx, v, query);
}

void
prs_create_view(PrsContext *ctx, const PgQuery__ViewStmt *vs)
{
    create_view(ctx, vs->view, false, vs->replace, false, vs->aliases, vs->n_aliases, vs->options,
                vs->n_options, vs->with_check_option, vs->query, false);
}

bool
prs_create_matview(PrsContext *ctx, const PgQuery__CreateTableAsStmt *cs)
{
    if (cs->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW || !cs->into || !cs->into->rel)
        return false;
    const PgQuery__IntoClause *in = cs->into;
    create_view(ctx, in->rel, true, false, cs->if_not_exists, in->col_names, in->n_col_names,
                in->options, in->n_options, PG_QUERY__VIEW_CHECK_OPTION__NO_CHECK_OPTION, cs->query,
                in->skip_data);
    return true;
}

bool
prs_refresh_matview(PrsContext *ctx, const PgQuery__RefreshMatViewStmt *rs)
{
    if (!rs->relation)
        return false;
    const char *schema = prs_rel_schema(ctx, rs->relation->schemaname, rs->relation->relname);
    CatView *v = (CatView *) cat_find(ctx->cat, CAT_VIEW, schema, rs->relation->relname);
    if (!v || !v->materialized)
        return false;
    v->with_no_data = rs->skip_data;
    return true;
}

/* ---- indexes on materialized views ------------------------------------------------ */

static void
stand_in_column(PrsContext *ctx, CatTable *t, const char *name, uint32_t *cap)
{
    for (uint32_t i = 0; i < t->ncolumns; i++)
        if (strcmp(t->columns[i].name, name) == 0)
            return;
    if (t->ncolumns == *cap) {
        *cap = *cap ? *cap * 2 : 8;
        CatColumn *nc = ag_arena_alloc(ctx->tmp, sizeof(CatColumn) * *cap);
        if (t->ncolumns)
            memcpy(nc, t->columns, sizeof(CatColumn) * t->ncolumns);
        t->columns = nc;
    }
    CatColumn *c = &t->columns[t->ncolumns++];
    memset(c, 0, sizeof(*c));
    c->name = name;
    c->type = ""; /* unknown: no default operator class is recognised */
}

CatTable *
prs_matview_table(PrsContext *ctx, const char *schema, const char *name,
                  const PgQuery__IndexStmt *is)
{
    const CatView *v = (const CatView *) cat_find(ctx->cat, CAT_VIEW, schema, name);
    if (!v || !v->materialized)
        return NULL;
    CatTable *t = ag_arena_alloc(ctx->tmp, sizeof(CatTable));
    t->obj.kind = CAT_TABLE;
    t->obj.schema = v->obj.schema;
    t->obj.name = v->obj.name;
    uint32_t cap = 0;
    for (uint32_t i = 0; i < v->ncolumns; i++)
        stand_in_column(ctx, t, v->columns[i], &cap);
    for (size_t i = 0; i < is->n_index_params; i++) {
        const PrsNode *p = is->index_params[i];
        if (p->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM && p->index_elem->name &&
            *p->index_elem->name)
            stand_in_column(ctx, t, p->index_elem->name, &cap);
    }
    for (size_t i = 0; i < is->n_index_including_params; i++) {
        const PrsNode *p = is->index_including_params[i];
        if (p->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM && p->index_elem->name &&
            *p->index_elem->name)
            stand_in_column(ctx, t, p->index_elem->name, &cap);
    }
    return t;
}

/* ---- COMMENT ON ------------------------------------------------------------------- */

static void
set_column_comment(PrsContext *ctx, CatView *v, const char *col, const char *text)
{
    uint32_t n = v->ncolumn_comments;
    for (uint32_t i = 0; i < n; i++) {
        if (strcmp(v->comment_columns[i], col) == 0) {
            if (text) {
                v->column_comments[i] = text;
            } else {
                memmove(&v->comment_columns[i], &v->comment_columns[i + 1],
                        sizeof(char *) * (n - i - 1));
                memmove(&v->column_comments[i], &v->column_comments[i + 1],
                        sizeof(char *) * (n - i - 1));
                v->ncolumn_comments--;
            }
            return;
        }
    }
    if (!text)
        return;
    const char **cols = ag_arena_alloc(ctx->arena, sizeof(char *) * (n + 1));
    const char **txts = ag_arena_alloc(ctx->arena, sizeof(char *) * (n + 1));
    uint32_t k = 0;
    for (; k < n && strcmp(v->comment_columns[k], col) < 0; k++) {
        cols[k] = v->comment_columns[k];
        txts[k] = v->column_comments[k];
    }
    cols[k] = ag_arena_strdup(ctx->arena, col);
    txts[k] = text;
    for (; k < n; k++) {
        cols[k + 1] = v->comment_columns[k];
        txts[k + 1] = v->column_comments[k];
    }
    v->comment_columns = cols;
    v->column_comments = txts;
    v->ncolumn_comments = n + 1;
}

bool
prs_comment_view(PrsContext *ctx, const PgQuery__CommentStmt *cs, const char *text)
{
    bool is_view = cs->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW ||
                   cs->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW;
    bool is_column = cs->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN;
    if ((!is_view && !is_column) || !cs->object ||
        cs->object->node_case != PG_QUERY__NODE__NODE_LIST)
        return false;
    PrsNode **items = cs->object->list->items;
    size_t n = cs->object->list->n_items;
    size_t nrel = is_column ? n - 1 : n;
    if (n < (is_column ? 2u : 1u) || nrel > 3)
        return false;
    const char *name = prs_str(items[nrel - 1]);
    const char *given = nrel > 1 ? prs_str(items[nrel - 2]) : NULL;
    if (!name)
        return false;
    const char *schema = prs_rel_schema(ctx, given, name);
    CatView *v = (CatView *) cat_find(ctx->cat, CAT_VIEW, schema, name);
    if (!v) {
        if (!is_view || prs_is_ignored(ctx, schema, name))
            return false;
        if (prs_defer(ctx))
            return true;
        ag_diag_error(ctx->diag, prs_stmt_loc(ctx), "COMMENT ON %s %s: no such object in the model",
                      cs->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW ? "VIEW"
                                                                        : "MATERIALIZED VIEW",
                      cat_qualified(ctx->tmp, schema, name));
        return true;
    }
    if (is_view)
        v->obj.comment = text;
    else
        set_column_comment(ctx, v, prs_str(items[n - 1]), text);
    return true;
}

/*
 * diff/view.c: views and materialized views: create, drop, CREATE OR REPLACE when the
 * new query only appends columns (same names and types before them), else drop and
 * create; comments on views and their columns; the fate of indexes on materialized views
 * that are recreated or dropped.
 *
 * PostgreSQL refuses to drop or retype a column a view reads (and CASCADE would drop the
 * view silently), and refuses to drop a view another view reads. So a view is also
 * recreated when a table it reads loses or retypes a column, and every view that reads a
 * recreated view is recreated too (transitively). Drops use the `from` side's deps and
 * run before the column steps; creations use the `to` side's and run after.
 * Dependencies are relations (CatView.deps) and the functions the query calls by name
 * (a view calling a function that is dropped goes before and comes back after it);
 * which columns a view reads is not known, so any dropped or retyped column of a table
 * it reads counts. A function using the row type of a view that goes goes too
 * (diff_plan_view_functions), and the views calling it follow.
 * Not here: SQL (emit/view.c), ordering (order.c).
 */
#include <string.h>

#include "diff/internal.h"

#define SEP  "\x1f"
#define NONE UINT32_MAX

typedef enum ViewFate {
    VIEW_KEEP,
    VIEW_REPLACE,  /* CREATE OR REPLACE VIEW */
    VIEW_RECREATE, /* DROP + CREATE */
    VIEW_DROP,
} ViewFate;

static bool
strs_equal(const char *const *a, uint32_t na, const char *const *b, uint32_t nb)
{
    if (na != nb)
        return false;
    for (uint32_t i = 0; i < na; i++)
        if (!ag_streq(a[i], b[i]))
            return false;
    return true;
}

static bool
same_definition(const CatView *f, const CatView *t)
{
    if (f->materialized != t->materialized || !f->query || !t->query ||
        !ag_streq(f->query->canon, t->query->canon) ||
        !strs_equal(f->options, f->noptions, t->options, t->noptions))
        return false;
    if (f->columns && t->columns && !strs_equal(f->columns, f->ncolumns, t->columns, t->ncolumns))
        return false;
    return true;
}

/* CREATE OR REPLACE VIEW keeps the old columns (names and types) and may append. */
static bool
can_replace(const CatView *f, const CatView *t)
{
    if (f->materialized || t->materialized || !f->columns || !t->columns || !f->column_types ||
        !t->column_types || f->ncolumns > t->ncolumns)
        return false;
    for (uint32_t i = 0; i < f->ncolumns; i++)
        if (!ag_streq(f->columns[i], t->columns[i]) ||
            !ag_streq(f->column_types[i], t->column_types[i]))
            return false;
    return true;
}

static bool
has_dep(const CatView *v, const char *schema, const char *name)
{
    size_t ls = strlen(schema);
    for (uint32_t i = 0; i < v->ndeps; i++)
        if (strncmp(v->deps[i], schema, ls) == 0 && v->deps[i][ls] == '.' &&
            strcmp(v->deps[i] + ls + 1, name) == 0)
            return true;
    return false;
}

/* "schema.name" of a dep split at the first '.' (schema names with dots are not
 * supported here: the key is then only a weaker ordering hint). */
static void
split_dep(DiffCtx *c, const char *dep, const char **schema, const char **name)
{
    const char *dot = strchr(dep, '.');
    if (!dot) {
        *schema = "public";
        *name = dep;
        return;
    }
    *schema = ag_arena_strndup(&c->scratch, dep, (size_t) (dot - dep));
    *name = dot + 1;
}

/* Keys over what the view reads: role on the relation, its table key and every column
 * of it on side cat. */
static void
dep_keys(DiffCtx *c, uint32_t s, KeyRole role, const Catalog *cat, const CatView *v)
{
    for (uint32_t i = 0; i < v->ndeps; i++) {
        const char *ds, *dn;
        split_dep(c, v->deps[i], &ds, &dn);
        diff_step_key(c, s, role, "r" SEP "%s" SEP "%s", ds, dn);
        diff_step_key(c, s, role, "t" SEP "%s" SEP "%s", ds, dn);
        const CatTable *t = cat_table_find(cat, ds, dn);
        for (uint32_t k = 0; t && k < t->ncolumns; k++)
            diff_step_key(c, s, role, "c" SEP "%s" SEP "%s" SEP "%s", ds, dn, t->columns[k].name);
    }
}

static void
own_keys(DiffCtx *c, uint32_t s, KeyRole role, const CatView *v)
{
    diff_step_key(c, s, role, "r" SEP "%s" SEP "%s", v->obj.schema, v->obj.name);
    diff_step_key(c, s, role, "t" SEP "%s" SEP "%s", v->obj.schema, v->obj.name);
}

/* Column steps on tables the view reads: the drop runs before them, the creation after. */
static void
column_edges(DiffCtx *c, uint32_t s, const CatView *v, bool before, uint32_t nsteps)
{
    for (uint32_t k = 0; k < nsteps; k++) {
        const DiffStep *st = &c->steps[k];
        if ((st->kind != DIFF_DROP_COLUMN && st->kind != DIFF_ALTER_COLUMN_TYPE) || !st->schema ||
            !has_dep(v, st->schema, st->name))
            continue;
        if (before)
            diff_step_after(c, s, k);
        else
            diff_step_after(c, k, s);
    }
}

static void
view_comment(DiffCtx *c, uint32_t ch, uint32_t after, const CatView *v, const char *column,
             const char *text)
{
    uint32_t s = diff_comment_step(c, ch, DIFF_OBJ_VIEW, text);
    c->steps[s].obj = &v->obj;
    c->steps[s].view_column = column;
    if (after != NONE)
        diff_step_after(c, after, s);
}

static const char *
column_comment(const CatView *v, const char *col)
{
    for (uint32_t i = 0; i < v->ncolumn_comments; i++)
        if (strcmp(v->comment_columns[i], col) == 0)
            return v->column_comments[i];
    return NULL;
}

static void
comments_all(DiffCtx *c, uint32_t ch, uint32_t create, const CatView *t)
{
    if (t->obj.comment)
        view_comment(c, ch, create, t, NULL, t->obj.comment);
    for (uint32_t i = 0; i < t->ncolumn_comments; i++)
        view_comment(c, ch, create, t, t->comment_columns[i], t->column_comments[i]);
}

static void
comments_changed(DiffCtx *c, const CatView *f, const CatView *t, uint32_t ch, uint32_t after)
{
    if (ch == NONE) {
        bool any = !ag_streq(f->obj.comment, t->obj.comment);
        for (uint32_t i = 0; i < t->ncolumn_comments && !any; i++)
            any = !ag_streq(column_comment(f, t->comment_columns[i]), t->column_comments[i]);
        for (uint32_t i = 0; i < f->ncolumn_comments && !any; i++)
            any = !column_comment(t, f->comment_columns[i]);
        if (!any)
            return;
        ch = diff_change_new(c, DIFF_OP_ALTER, DIFF_OBJ_VIEW, t->obj.schema, t->obj.name, NULL);
        c->changes[ch].from_obj = &f->obj;
        c->changes[ch].to_obj = &t->obj;
    }
    if (!ag_streq(f->obj.comment, t->obj.comment))
        view_comment(c, ch, after, t, NULL, t->obj.comment);
    for (uint32_t i = 0; i < t->ncolumn_comments; i++)
        if (!ag_streq(column_comment(f, t->comment_columns[i]), t->column_comments[i]))
            view_comment(c, ch, after, t, t->comment_columns[i], t->column_comments[i]);
    for (uint32_t i = 0; i < f->ncolumn_comments; i++)
        if (!column_comment(t, f->comment_columns[i]))
            view_comment(c, ch, after, t, f->comment_columns[i], NULL);
}

static uint32_t
create_step(DiffCtx *c, uint32_t ch, const CatView *t, uint32_t nsteps)
{
    uint32_t s = diff_step_new(c, DIFF_CREATE_VIEW, ch);
    c->steps[s].obj = &t->obj;
    own_keys(c, s, KEY_PROVIDES, t);
    dep_keys(c, s, KEY_NEEDS, c->to, t);
    if (t->query)
        diff_call_keys(c, s, KEY_NEEDS, c->to, t->query->sql);
    column_edges(c, s, t, false, nsteps);
    return s;
}

static uint32_t
drop_step(DiffCtx *c, uint32_t ch, const CatView *f, uint32_t nsteps)
{
    uint32_t s = diff_step_new(c, DIFF_DROP_VIEW, ch);
    c->steps[s].obj = &f->obj;
    own_keys(c, s, KEY_REMOVES, f);
    dep_keys(c, s, KEY_RELEASES, c->from, f);
    if (f->query)
        diff_call_keys(c, s, KEY_RELEASES, c->from, f->query->sql);
    column_edges(c, s, f, true, nsteps);
    return s;
}

/* Indexes on materialized views that go with their view: implicit drops, created again
 * by diff_indexes when the view comes back with them. */
static void
matview_indexes(DiffCtx *c, const uint8_t *fate)
{
    for (uint32_t i = 0; i < c->from->nobjects; i++) {
        const CatIndex *ix = (const CatIndex *) c->from->objects[i];
        if (ix->obj.kind != CAT_INDEX || !ix->table)
            continue;
        const CatObject *v = cat_find(c->from, CAT_VIEW, ix->obj.schema, ix->table);
        if (!v || (fate[v->id] != VIEW_RECREATE && fate[v->id] != VIEW_DROP))
            continue;
        const CatIndex *t =
            (const CatIndex *) cat_find(c->to, CAT_INDEX, ix->obj.schema, ix->obj.name);
        bool back = t && fate[v->id] == VIEW_RECREATE && ag_streq(t->table, ix->table);
        c->idx_fate[i] = back ? FATE_RECREATE : FATE_IMPLICIT;
        c->idx_implicit[i] = true;
    }
}

/* c->gone_views from the fates so far. */
static void
set_gone_views(DiffCtx *c, const uint8_t *fate)
{
    AgVec v = {0};
    for (uint32_t i = 0; i < c->from->nobjects; i++) {
        const CatObject *o = c->from->objects[i];
        if (o->kind == CAT_VIEW && (fate[i] == VIEW_RECREATE || fate[i] == VIEW_DROP))
            ag_vec_push(&v,
                        (void *) ag_arena_printf(&c->scratch, "%s" SEP "%s", o->schema, o->name));
    }
    c->ngone_views = (uint32_t) v.len;
    c->gone_views = v.len ? ag_arena_memdup(&c->scratch, v.items, sizeof(char *) * v.len) : NULL;
    ag_vec_free(&v);
}

void
diff_views(DiffCtx *c)
{
    uint32_t n = c->from->nobjects;
    uint8_t *fate = ag_arena_alloc(&c->scratch, n + 1);
    const CatView **peer = ag_arena_alloc(&c->scratch, sizeof(CatView *) * (n + 1));
    bool any = false;
    for (uint32_t i = 0; i < n; i++) {
        const CatView *f = (const CatView *) c->from->objects[i];
        if (f->obj.kind != CAT_VIEW)
            continue;
        any = true;
        const CatView *t = (const CatView *) cat_find(c->to, CAT_VIEW, f->obj.schema, f->obj.name);
        peer[i] = t;
        if (!t)
            fate[i] = VIEW_DROP;
        else if (diff_calls_gone_function(c, f->query))
            fate[i] = VIEW_RECREATE; /* around the function's DROP and CREATE */
        else if (same_definition(f, t))
            fate[i] = VIEW_KEEP;
        else
            fate[i] = can_replace(f, t) ? VIEW_REPLACE : VIEW_RECREATE;
    }
    uint32_t nsteps = c->nsteps; /* the table steps, for column_edges */
    if (any) {
        /* Views over a dropped or retyped column, or a table dropped (and created again
         * for a new partition key), go and come back. */
        for (uint32_t k = 0; k < nsteps; k++) {
            const DiffStep *st = &c->steps[k];
            const char *ts = st->schema, *tn = st->name;
            if (st->kind == DIFF_DROP_TABLE && st->obj) {
                ts = st->obj->schema;
                tn = st->obj->name;
            } else if ((st->kind != DIFF_DROP_COLUMN && st->kind != DIFF_ALTER_COLUMN_TYPE) ||
                       !st->schema) {
                continue;
            }
            for (uint32_t i = 0; i < n; i++)
                if (c->from->objects[i]->kind == CAT_VIEW && fate[i] != VIEW_DROP &&
                    has_dep((const CatView *) c->from->objects[i], ts, tn))
                    fate[i] = VIEW_RECREATE;
        }
        /* ... and so does every view reading a view that goes, and every function using
         * the row type of one (function.c), and every view calling such a function. */
        for (bool grew = true; grew;) {
            grew = false;
            for (uint32_t i = 0; i < n; i++) {
                const CatView *f = (const CatView *) c->from->objects[i];
                if (f->obj.kind != CAT_VIEW || fate[i] == VIEW_RECREATE || fate[i] == VIEW_DROP)
                    continue;
                if (diff_calls_gone_function(c, f->query)) {
                    fate[i] = VIEW_RECREATE;
                    grew = true;
                }
                for (uint32_t d = 0; d < f->ndeps && fate[i] != VIEW_RECREATE; d++) {
                    const char *ds, *dn;
                    split_dep(c, f->deps[d], &ds, &dn);
                    const CatObject *o = cat_find(c->from, CAT_VIEW, ds, dn);
                    if (o && (fate[o->id] == VIEW_RECREATE || fate[o->id] == VIEW_DROP)) {
                        fate[i] = VIEW_RECREATE;
                        grew = true;
                    }
                }
            }
            set_gone_views(c, fate);
            if (diff_plan_view_functions(c))
                grew = true;
        }
        matview_indexes(c, fate);
    }
    for (uint32_t i = 0; i < n; i++) {
        const CatView *f = (const CatView *) c->from->objects[i];
        if (f->obj.kind != CAT_VIEW)
            continue;
        const CatView *t = peer[i];
        switch ((ViewFate) fate[i]) {
        case VIEW_KEEP:
            comments_changed(c, f, t, NONE, NONE);
            break;
        case VIEW_REPLACE: {
            uint32_t ch =
                diff_change_new(c, DIFF_OP_ALTER, DIFF_OBJ_VIEW, t->obj.schema, t->obj.name, NULL);
            c->changes[ch].from_obj = &f->obj;
            c->changes[ch].to_obj = &t->obj;
            uint32_t s = diff_step_new(c, DIFF_REPLACE_VIEW, ch);
            c->steps[s].obj = &t->obj;
            c->steps[s].old_obj = &f->obj;
            diff_step_key(c, s, KEY_PROVIDES, "r" SEP "%s" SEP "%s", t->obj.schema, t->obj.name);
            dep_keys(c, s, KEY_NEEDS, c->to, t);
            if (t->query)
                diff_call_keys(c, s, KEY_NEEDS, c->to, t->query->sql);
            comments_changed(c, f, t, ch, s);
            break;
        }
        case VIEW_RECREATE: {
            uint32_t ch =
                diff_change_new(c, DIFF_OP_ALTER, DIFF_OBJ_VIEW, t->obj.schema, t->obj.name, NULL);
            c->changes[ch].recreated = true;
            c->changes[ch].from_obj = &f->obj;
            c->changes[ch].to_obj = &t->obj;
            uint32_t d = drop_step(c, ch, f, nsteps);
            uint32_t s = create_step(c, ch, t, nsteps);
            diff_step_after(c, d, s);
            comments_all(c, ch, s, t);
            break;
        }
        case VIEW_DROP: {
            uint32_t ch =
                diff_change_new(c, DIFF_OP_DROP, DIFF_OBJ_VIEW, f->obj.schema, f->obj.name, NULL);
            c->changes[ch].from_obj = &f->obj;
            drop_step(c, ch, f, nsteps);
            break;
        }
        }
    }
    for (uint32_t i = 0; i < c->to->nobjects; i++) {
        const CatView *t = (const CatView *) c->to->objects[i];
        if (t->obj.kind != CAT_VIEW || cat_find(c->from, CAT_VIEW, t->obj.schema, t->obj.name))
            continue;
        uint32_t ch =
            diff_change_new(c, DIFF_OP_CREATE, DIFF_OBJ_VIEW, t->obj.schema, t->obj.name, NULL);
        c->changes[ch].to_obj = &t->obj;
        uint32_t s = create_step(c, ch, t, nsteps);
        comments_all(c, ch, s, t);
    }
}

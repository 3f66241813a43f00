/*
 * diff/table.c: tables and what hangs on them: columns (add, drop, type with or without
 * USING, default, NOT NULL with backfill or the online CHECK path, identity, generated,
 * collation), constraints (NOT VALID + VALIDATE for checks and foreign keys on existing
 * tables, drop + add when changed) and indexes (drop + create when changed, CONCURRENTLY
 * when online).
 *
 * PostgreSQL drops indexes and constraints with the column or table they involve, and
 * owned sequences with their column: such drops get no statement (it would fail) but
 * their dependency keys move to the step that really drops them. A plan per `from`
 * table records each column's and constraint's fate first, so that later decisions
 * (foreign keys whose referenced key goes away, objects that name a column retyped by
 * an enum swap) can read it. A generated column reading a column that is retyped is
 * dropped and added again around the type change (PostgreSQL refuses the change while
 * it exists); policies and triggers do the same in partition.c and function.c, through
 * TablePlan.col_retyped and the "co" / "cv" keys.
 * Not here: schemas, types, sequences (diff.c), order (order.c), SQL (emit/).
 */
#include <string.h>

#include "diff/internal.h"

#define SEP  "\x1f"
#define NONE UINT32_MAX

/* ---- equality ---------------------------------------------------------------- */

static bool
expr_eq(const CatExpr *a, const CatExpr *b)
{
    if (!a || !b)
        return a == b;
    if (a->canon && b->canon)
        return strcmp(a->canon, b->canon) == 0;
    return ag_streq(a->sql, b->sql);
}

static bool
strs_eq(const char *const *a, uint32_t na, const char *const *b, uint32_t nb)
{
    if (na != nb)
        return false;
    for (uint32_t i = 0; i < na; i++)
        if (!ag_streq(a[i], b[i]))
            return false;
    return true;
}

static bool
elems_eq(const CatIndexElem *a, uint32_t na, const CatIndexElem *b, uint32_t nb)
{
    if (na != nb)
        return false;
    for (uint32_t i = 0; i < na; i++) {
        const CatIndexElem *x = &a[i], *y = &b[i];
        if (!ag_streq(x->column, y->column) || !expr_eq(x->expr, y->expr) ||
            !ag_streq(x->collation, y->collation) ||
            !ag_streq(x->collation_schema, y->collation_schema) ||
            !ag_streq(x->opclass, y->opclass) || !ag_streq(x->opclass_schema, y->opclass_schema) ||
            x->desc != y->desc || x->nulls_first != y->nulls_first ||
            !ag_streq(x->exclude_op, y->exclude_op))
            return false;
    }
    return true;
}

/* Same definition, NOT VALID aside (handled by the caller) and comments aside. */
static bool
con_eq(const CatConstraint *a, const CatConstraint *b)
{
    return a->type == b->type && strs_eq(a->columns, a->ncolumns, b->columns, b->ncolumns) &&
           strs_eq(a->include, a->ninclude, b->include, b->ninclude) &&
           a->nulls_not_distinct == b->nulls_not_distinct && a->deferrable == b->deferrable &&
           a->initially_deferred == b->initially_deferred && a->no_inherit == b->no_inherit &&
           expr_eq(a->check, b->check) && ag_streq(a->ref_schema, b->ref_schema) &&
           ag_streq(a->ref_table, b->ref_table) &&
           strs_eq(a->ref_columns, a->nref_columns, b->ref_columns, b->nref_columns) &&
           a->match == b->match && a->on_update == b->on_update && a->on_delete == b->on_delete &&
           ag_streq(a->exclude_method, b->exclude_method) &&
           elems_eq(a->elems, a->nelems, b->elems, b->nelems) &&
           expr_eq(a->exclude_where, b->exclude_where);
}

static bool
index_eq(const CatIndex *a, const CatIndex *b)
{
    return ag_streq(a->table, b->table) && a->is_unique == b->is_unique &&
           a->nulls_not_distinct == b->nulls_not_distinct && ag_streq(a->method, b->method) &&
           elems_eq(a->elems, a->nelems, b->elems, b->nelems) &&
           strs_eq(a->include, a->ninclude, b->include, b->ninclude) &&
           expr_eq(a->where, b->where) && strs_eq(a->options, a->noptions, b->options, b->noptions);
}

/* ---- involvement: does an object use a column? ---------------------------------- */

static bool
in_strs(const char *const *list, uint32_t n, const char *s)
{
    for (uint32_t i = 0; i < n; i++)
        if (strcmp(list[i], s) == 0)
            return true;
    return false;
}

static bool
elems_involve(const CatIndexElem *e, uint32_t n, const char *col)
{
    for (uint32_t i = 0; i < n; i++)
        if ((e[i].column && strcmp(e[i].column, col) == 0) ||
            (e[i].expr && diff_expr_mentions(e[i].expr->sql, col)))
            return true;
    return false;
}

static bool
con_involves(const CatConstraint *k, const char *col)
{
    return in_strs(k->columns, k->ncolumns, col) || in_strs(k->include, k->ninclude, col) ||
           (k->check && diff_expr_mentions(k->check->sql, col)) ||
           elems_involve(k->elems, k->nelems, col) ||
           (k->exclude_where && diff_expr_mentions(k->exclude_where->sql, col));
}

static bool
index_involves(const CatIndex *ix, const char *col)
{
    return elems_involve(ix->elems, ix->nelems, col) || in_strs(ix->include, ix->ninclude, col) ||
           (ix->where && diff_expr_mentions(ix->where->sql, col));
}

/* Does the object's expression text (not plain key columns) name the column? Such
 * objects must be rebuilt around an enum swap: their stored literals carry the old type. */
static bool
con_expr_involves(const CatConstraint *k, const char *col)
{
    if (k->check && diff_expr_mentions(k->check->sql, col))
        return true;
    if (k->exclude_where && diff_expr_mentions(k->exclude_where->sql, col))
        return true;
    for (uint32_t i = 0; i < k->nelems; i++)
        if (k->elems[i].expr && diff_expr_mentions(k->elems[i].expr->sql, col))
            return true;
    return false;
}

static bool
index_expr_involves(const CatIndex *ix, const char *col)
{
    if (ix->where && diff_expr_mentions(ix->where->sql, col))
        return true;
    for (uint32_t i = 0; i < ix->nelems; i++)
        if (ix->elems[i].expr && diff_expr_mentions(ix->elems[i].expr->sql, col))
            return true;
    return false;
}

static bool
is_index_backed(const CatConstraint *k)
{
    return k->type == CAT_CON_PRIMARY || k->type == CAT_CON_UNIQUE || k->type == CAT_CON_EXCLUDE;
}

/* An index that stands for a PRIMARY KEY / UNIQUE / EXCLUDE constraint of its table is
 * the constraint's business, whichever producer listed it. */
static bool
index_is_constraint_uncached(const Catalog *cat, const CatIndex *ix)
{
    const CatTable *t = cat_table_find(cat, ix->obj.schema, ix->table);
    if (!t)
        return false;
    const CatConstraint *k = cat_table_find_constraint(t, ix->obj.name);
    return k && is_index_backed(k);
}

/* The same, remembered per object of either side (asked four times per index). */
static bool
index_is_constraint(DiffCtx *c, const Catalog *cat, const CatIndex *ix)
{
    uint8_t **memo = cat == c->from ? &c->idx_con_from : cat == c->to ? &c->idx_con_to : NULL;
    if (!memo)
        return index_is_constraint_uncached(cat, ix);
    if (!*memo)
        *memo = ag_arena_alloc(&c->scratch, cat->nobjects + 1); /* zeroed: not asked yet */
    uint8_t *m = &(*memo)[ix->obj.id];
    if (!*m)
        *m = index_is_constraint_uncached(cat, ix) ? 2 : 1;
    return *m == 2;
}

static bool
volatile_default(const CatExpr *e)
{
    static const char *const fns[] = {
        "nextval(",         "random(",    "gen_random_uuid(",    "uuid_generate_v",
        "clock_timestamp(", "timeofday(", "statement_timestamp("};
    if (!e || !e->sql)
        return false;
    for (size_t i = 0; i < ARRAY_LEN(fns); i++)
        if (strstr(e->sql, fns[i]))
            return true;
    return false;
}

/* ---- keys -------------------------------------------------------------------- */

/* What a constraint provides when created and removes when dropped. */
static void
con_own_keys(DiffCtx *c, uint32_t s, KeyRole role, const char *schema, const char *table,
             const CatConstraint *k)
{
    diff_step_key(c, s, role, "k" SEP "%s" SEP "%s" SEP "%s", schema, table, k->name);
    if (k->type == CAT_CON_PRIMARY)
        diff_step_key(c, s, role, "p" SEP "%s" SEP "%s", schema, table);
    /* A primary key holds its columns NOT NULL: DROP NOT NULL waits for the key's drop
     * (alter_column provides "pn"; only the drop matters, a new key sets NOT NULL). */
    for (uint32_t i = 0; k->type == CAT_CON_PRIMARY && role == KEY_REMOVES && i < k->ncolumns; i++)
        diff_step_key(c, s, role, "pn" SEP "%s" SEP "%s" SEP "%s", schema, table, k->columns[i]);
    if (k->type == CAT_CON_PRIMARY || k->type == CAT_CON_UNIQUE)
        diff_step_key(c, s, role, "u" SEP "%s" SEP "%s", schema, table);
    if (is_index_backed(k))
        diff_step_key(c, s, role, "r" SEP "%s" SEP "%s", schema, k->name);
}

/* A foreign key uses the referenced table, its columns and its unique keys. */
static void
fk_ref_keys(DiffCtx *c, uint32_t s, KeyRole role, const CatConstraint *k)
{
    if (k->type != CAT_CON_FOREIGN)
        return;
    diff_step_key(c, s, role, "t" SEP "%s" SEP "%s", k->ref_schema, k->ref_table);
    diff_step_key(c, s, role, "u" SEP "%s" SEP "%s", k->ref_schema, k->ref_table);
    for (uint32_t i = 0; i < k->nref_columns; i++)
        diff_step_key(c, s, role, "c" SEP "%s" SEP "%s" SEP "%s", k->ref_schema, k->ref_table,
                      k->ref_columns[i]);
}

/* Keys a new constraint needs: its table, its columns (also those its expressions
 * name), and what a foreign key references. */
static void
con_need_keys(DiffCtx *c, uint32_t s, const CatTable *t, const CatConstraint *k)
{
    diff_step_key(c, s, KEY_NEEDS, "t" SEP "%s" SEP "%s", t->obj.schema, t->obj.name);
    for (uint32_t i = 0; i < t->ncolumns; i++)
        if (con_involves(k, t->columns[i].name)) {
            diff_step_key(c, s, KEY_NEEDS, "c" SEP "%s" SEP "%s" SEP "%s", t->obj.schema,
                          t->obj.name, t->columns[i].name);
            diff_step_key(c, s, KEY_NEEDS, "cv" SEP "%s" SEP "%s" SEP "%s", t->obj.schema,
                          t->obj.name, t->columns[i].name);
        }
    fk_ref_keys(c, s, KEY_NEEDS, k);
}

static void
column_provides(DiffCtx *c, uint32_t s, const CatTable *t, const CatColumn *col)
{
    diff_step_key(c, s, KEY_PROVIDES, "c" SEP "%s" SEP "%s" SEP "%s", t->obj.schema, t->obj.name,
                  col->name);
}

void
diff_column_use_keys(DiffCtx *c, uint32_t step, const CatTable *t, const char *sql, bool creating)
{
    KeyRole role = creating ? KEY_NEEDS : KEY_RELEASES;
    for (uint32_t i = 0; sql && i < t->ncolumns; i++) {
        if (!diff_expr_mentions(sql, t->columns[i].name))
            continue;
        diff_step_key(c, step, role, "c" SEP "%s" SEP "%s" SEP "%s", t->obj.schema, t->obj.name,
                      t->columns[i].name);
        diff_step_key(c, step, role, "%s" SEP "%s" SEP "%s" SEP "%s", creating ? "cv" : "co",
                      t->obj.schema, t->obj.name, t->columns[i].name);
    }
}

/* A generated column uses the columns its expression names: they must exist (with
 * their new type) before it is added, and PostgreSQL refuses to drop or retype them
 * while it exists. */
static void
generated_keys(DiffCtx *c, uint32_t s, bool creating, const CatTable *t, const CatColumn *col)
{
    if (col->generated)
        diff_column_use_keys(c, s, t, col->generated->sql, creating);
}

/* ---- plans ------------------------------------------------------------------- */

static bool
needs_recreate(const CatColumn *f, const CatColumn *t)
{
    if (t->generated && !f->generated)
        return true; /* plain -> generated: no ALTER does it */
    return f->generated && t->generated && !expr_eq(f->generated, t->generated);
}

static bool
type_is_swapped(const DiffCtx *c, AgArena *a, const char *type)
{
    const char *s, *n;
    return diff_type_ref(a, type, &s, &n, NULL) && diff_enum_swapped(c, s, n);
}

/* Does a kept column get ALTER COLUMN ... TYPE (alter_column)? */
static bool
column_retyped(const CatColumn *f, const CatColumn *t, bool swapped)
{
    return strcmp(f->type, t->type) != 0 || !ag_streq(f->collation, t->collation) ||
           !ag_streq(f->collation_schema, t->collation_schema) || swapped;
}

/* Does the constraint or index call a function that the diff drops (diff/function.c)?
 * Then it is dropped before and created again after. */
static bool
con_calls_gone_function(DiffCtx *c, const CatConstraint *k)
{
    if (diff_calls_gone_function(c, k->check) || diff_calls_gone_function(c, k->exclude_where))
        return true;
    for (uint32_t i = 0; i < k->nelems; i++)
        if (diff_calls_gone_function(c, k->elems[i].expr))
            return true;
    return false;
}

static bool
index_calls_gone_function(DiffCtx *c, const CatIndex *ix)
{
    if (diff_calls_gone_function(c, ix->where))
        return true;
    for (uint32_t i = 0; i < ix->nelems; i++)
        if (diff_calls_gone_function(c, ix->elems[i].expr))
            return true;
    return false;
}

/* Column name of t, looked for first at position at: both sides of a table mostly
 * list their columns in the same order. */
static const CatColumn *
find_column_near(const CatTable *t, const char *name, uint32_t at)
{
    if (at < t->ncolumns && strcmp(t->columns[at].name, name) == 0)
        return &t->columns[at];
    return cat_table_find_column(t, name);
}

static void
plan_init(DiffCtx *c, const CatTable *f)
{
    TablePlan *p = &c->plans[f->obj.id];
    AgArena *a = &c->scratch;
    p->from = f;
    p->to = cat_table_find(c->to, f->obj.schema, f->obj.name);
    if (p->to && diff_partition_recreate(f, p->to))
        p->to = NULL; /* partition.c: a new partition key means a new table */
    p->drop_step = NONE;
    uint32_t nc = f->ncolumns + 1, nk = f->nconstraints + 1;
    p->col_fate = ag_arena_alloc(a, sizeof(ItemFate) * nc);
    p->col_to = ag_arena_alloc(a, sizeof(CatColumn *) * nc);
    p->col_drop_step = ag_arena_alloc(a, sizeof(uint32_t) * nc);
    p->col_swapped = ag_arena_alloc(a, sizeof(bool) * nc);
    p->col_retyped = ag_arena_alloc(a, sizeof(bool) * nc);
    p->con_fate = ag_arena_alloc(a, sizeof(ItemFate) * nk);
    p->con_implicit = ag_arena_alloc(a, sizeof(bool) * nk);
    for (uint32_t i = 0; i < f->ncolumns; i++) {
        p->col_drop_step[i] = NONE;
        const CatColumn *fc = &f->columns[i];
        const CatColumn *tc = p->to ? find_column_near(p->to, fc->name, i) : NULL;
        p->col_to[i] = tc;
        if (!p->to) {
            p->col_fate[i] = FATE_IMPLICIT;
        } else if (!tc) {
            p->col_fate[i] = FATE_DROP;
        } else if (needs_recreate(fc, tc) ||
                   (fc->generated && tc->generated && diff_calls_gone_function(c, fc->generated))) {
            /* (a generated column cannot lose its expression to a function's DROP and
             * get it back: it is computed again) */
            p->col_fate[i] = FATE_RECREATE;
        } else {
            p->col_fate[i] = FATE_KEEP;
            p->col_swapped[i] = strcmp(fc->type, tc->type) == 0 && type_is_swapped(c, a, fc->type);
            p->col_retyped[i] = column_retyped(fc, tc, p->col_swapped[i]);
        }
    }
    /* PostgreSQL refuses to retype a column a generated column reads, and (before 17) has
     * no ALTER to give a generated column its expression back: it is dropped before the
     * type change and added after it (computed anew, so nothing is lost). Generated
     * columns read no generated column: one pass. */
    for (uint32_t i = 0; p->to && i < f->ncolumns; i++) {
        const CatColumn *fc = &f->columns[i];
        if (p->col_fate[i] != FATE_KEEP || !fc->generated || !p->col_to[i]->generated)
            continue;
        for (uint32_t j = 0; j < f->ncolumns; j++)
            if (j != i && p->col_retyped[j] &&
                diff_expr_mentions(fc->generated->sql, f->columns[j].name)) {
                p->col_fate[i] = FATE_RECREATE;
                p->col_retyped[i] = p->col_swapped[i] = false;
                break;
            }
    }
    if (!p->to) {
        for (uint32_t i = 0; i < f->nconstraints; i++) {
            p->con_fate[i] = FATE_IMPLICIT;
            p->con_implicit[i] = true;
        }
        return;
    }
    for (uint32_t i = 0; i < f->nconstraints; i++) {
        const CatConstraint *fk = &f->constraints[i];
        const CatConstraint *tk = cat_table_find_constraint(p->to, fk->name);
        bool gone_col = false, swapped_col = false;
        for (uint32_t j = 0; j < f->ncolumns; j++) {
            if (p->col_fate[j] != FATE_KEEP && con_involves(fk, f->columns[j].name))
                gone_col = true;
            if (p->col_swapped[j] && con_expr_involves(fk, f->columns[j].name))
                swapped_col = true;
        }
        if (gone_col) {
            p->con_fate[i] = tk ? FATE_RECREATE : FATE_IMPLICIT;
            p->con_implicit[i] = true;
        } else if (!tk) {
            p->con_fate[i] = FATE_DROP;
        } else if (!con_eq(fk, tk) || (!fk->not_valid && tk->not_valid) || swapped_col ||
                   con_calls_gone_function(c, fk)) {
            p->con_fate[i] = FATE_RECREATE;
        } else {
            p->con_fate[i] = FATE_KEEP;
        }
    }
}

static const TablePlan *
plan_of(const DiffCtx *c, const char *schema, const char *name)
{
    const CatTable *t = cat_table_find(c->from, schema, name);
    return t ? &c->plans[t->obj.id] : NULL;
}

bool
diff_column_retyped(const DiffCtx *c, const CatTable *from, const char *column)
{
    const TablePlan *p = &c->plans[from->obj.id];
    if (p->from != from || !p->to)
        return false;
    for (uint32_t i = 0; i < from->ncolumns; i++)
        if (strcmp(from->columns[i].name, column) == 0)
            return p->col_retyped[i];
    return false;
}

/* Is a unique key on columns {cols} of the plan's table going away? */
static bool
unique_key_goes(const DiffCtx *c, const TablePlan *r, const char *const *cols, uint32_t n)
{
    for (uint32_t i = 0; i < r->from->nconstraints; i++) {
        const CatConstraint *k = &r->from->constraints[i];
        if ((k->type == CAT_CON_PRIMARY || k->type == CAT_CON_UNIQUE) &&
            r->con_fate[i] != FATE_KEEP && k->ncolumns == n) {
            bool same = true;
            for (uint32_t j = 0; j < n && same; j++)
                same = in_strs(cols, n, k->columns[j]);
            if (same)
                return true;
        }
    }
    for (uint32_t i = 0; i < c->ngone_unique; i++) {
        const CatIndex *ix = c->gone_unique[i];
        if (ix->where || !ag_streq(ix->obj.schema, r->from->obj.schema) ||
            strcmp(ix->table, r->from->obj.name) != 0 || ix->nelems != n)
            continue;
        bool same = true;
        for (uint32_t j = 0; j < n && same; j++)
            same = ix->elems[j].column && in_strs(cols, n, ix->elems[j].column);
        if (same)
            return true;
    }
    return false;
}

/* Index fates, decided before the foreign keys that may reference them. */
static void
plan_indexes(DiffCtx *c)
{
    for (uint32_t i = 0; i < c->from->nobjects; i++) {
        const CatIndex *f = (const CatIndex *) c->from->objects[i];
        if (f->obj.kind != CAT_INDEX)
            continue;
        c->idx_fate[i] = FATE_KEEP;
        if (index_is_constraint(c, c->from, f))
            continue;
        const TablePlan *p = plan_of(c, f->obj.schema, f->table);
        const CatIndex *t =
            (const CatIndex *) cat_find(c->to, CAT_INDEX, f->obj.schema, f->obj.name);
        if (t && index_is_constraint(c, c->to, t))
            t = NULL;
        if (!p) {
            /* on a materialized view (diff/view.c decides when the view goes) */
            if (!t)
                c->idx_fate[i] = FATE_DROP;
            else if (!index_eq(f, t) || !ag_streq(f->table, t->table) ||
                     index_calls_gone_function(c, f))
                c->idx_fate[i] = FATE_RECREATE;
            continue;
        }
        bool gone_col = !p->to, swapped_col = false;
        for (uint32_t j = 0; j < p->from->ncolumns && p->to; j++) {
            if (p->col_fate[j] != FATE_KEEP && index_involves(f, p->from->columns[j].name))
                gone_col = true;
            if (p->col_swapped[j] && index_expr_involves(f, p->from->columns[j].name))
                swapped_col = true;
        }
        if (gone_col) {
            c->idx_fate[i] = t ? FATE_RECREATE : FATE_IMPLICIT;
            c->idx_implicit[i] = true;
        } else if (!t) {
            c->idx_fate[i] = FATE_DROP;
        } else if (!index_eq(f, t) || swapped_col || index_calls_gone_function(c, f)) {
            c->idx_fate[i] = FATE_RECREATE;
        }
    }
    /* The unique indexes that go, for plan_foreign_keys (usually none: keep it short). */
    c->gone_unique = ag_arena_alloc(&c->scratch, sizeof(CatIndex *) * (c->from->nobjects + 1));
    for (uint32_t i = 0; i < c->from->nobjects; i++) {
        const CatIndex *ix = (const CatIndex *) c->from->objects[i];
        if (ix->obj.kind == CAT_INDEX && ix->is_unique && c->idx_fate[i] != FATE_KEEP)
            c->gone_unique[c->ngone_unique++] = ix;
    }
}

/* A foreign key whose referenced key or columns go away must go first, and come back
 * if it is still wanted, even when its own definition does not change. */
static void
plan_foreign_keys(DiffCtx *c)
{
    for (uint32_t i = 0; i < c->from->nobjects; i++) {
        TablePlan *p = &c->plans[i];
        if (!p->from || !p->to)
            continue;
        for (uint32_t j = 0; j < p->from->nconstraints; j++) {
            const CatConstraint *k = &p->from->constraints[j];
            if (k->type != CAT_CON_FOREIGN || p->con_fate[j] != FATE_KEEP)
                continue;
            const TablePlan *r = plan_of(c, k->ref_schema, k->ref_table);
            if (!r || !r->to) {
                /* the referenced table goes; when it comes back (a new partition key),
                 * so does the key, after it */
                const CatConstraint *tk = cat_table_find_constraint(p->to, k->name);
                bool back = r && tk && tk->type == CAT_CON_FOREIGN &&
                            cat_table_find(c->to, r->from->obj.schema, r->from->obj.name);
                p->con_fate[j] = back ? FATE_RECREATE : FATE_DROP;
                continue;
            }
            bool goes = unique_key_goes(c, r, k->ref_columns, k->nref_columns);
            for (uint32_t m = 0; m < r->from->ncolumns && !goes; m++)
                goes = r->col_fate[m] != FATE_KEEP &&
                       in_strs(k->ref_columns, k->nref_columns, r->from->columns[m].name);
            if (goes)
                p->con_fate[j] = FATE_RECREATE;
        }
    }
}

/* ---- steps: constraints --------------------------------------------------------- */

static uint32_t
con_change(DiffCtx *c, DiffOp op, const CatTable *t, const CatConstraint *k, bool recreated)
{
    uint32_t ch = diff_change_new(c, op, DIFF_OBJ_CONSTRAINT, t->obj.schema, t->obj.name, k->name);
    c->changes[ch].recreated = recreated;
    return ch;
}

static uint32_t
con_drop_step(DiffCtx *c, uint32_t ch, const CatTable *f, const CatConstraint *k)
{
    uint32_t s = diff_step_new(c, DIFF_DROP_CONSTRAINT, ch);
    c->steps[s].table = f;
    c->steps[s].con = k;
    con_own_keys(c, s, KEY_REMOVES, f->obj.schema, f->obj.name, k);
    fk_ref_keys(c, s, KEY_RELEASES, k);
    return s;
}

/* ALTER TABLE ADD CONSTRAINT; on a table that exists already, checks and foreign keys
 * go in NOT VALID and are validated separately (no long ACCESS EXCLUSIVE scan). */
/* Online, a key on a table with rows is built as a unique index CONCURRENTLY, then
 * attached as the constraint (USING INDEX), which takes only a short lock. */
static uint32_t
key_index_first(DiffCtx *c, uint32_t ch, const CatTable *t, const CatConstraint *k)
{
    CatIndex *ix = ag_arena_alloc(c->arena, sizeof(CatIndex));
    ix->obj.kind = CAT_INDEX;
    ix->obj.schema = t->obj.schema;
    ix->obj.name = k->name;
    ix->table = t->obj.name;
    ix->is_unique = true;
    ix->nulls_not_distinct = k->nulls_not_distinct;
    ix->method = "btree";
    ix->elems = ag_arena_alloc(c->arena, sizeof(CatIndexElem) * (k->ncolumns + 1));
    for (uint32_t i = 0; i < k->ncolumns; i++)
        ix->elems[i].column = k->columns[i];
    ix->nelems = k->ncolumns;
    ix->include = k->include;
    ix->ninclude = k->ninclude;
    uint32_t s = diff_step_new(c, DIFF_CREATE_INDEX, ch);
    c->steps[s].obj = &ix->obj;
    c->steps[s].concurrently = true;
    diff_step_key(c, s, KEY_PROVIDES, "r" SEP "%s" SEP "%s", t->obj.schema, k->name);
    con_need_keys(c, s, t, k);
    return s;
}

static void
con_add_steps(DiffCtx *c, uint32_t ch, const CatTable *t, const CatConstraint *k, bool existing)
{
    uint32_t first = NONE;
    bool online_key = existing && c->opts.online && !t->partition_key &&
                      (k->type == CAT_CON_PRIMARY || k->type == CAT_CON_UNIQUE) &&
                      diff_table_has_rows(c, t->obj.schema, t->obj.name);
    if (online_key)
        first = key_index_first(c, ch, t, k);
    uint32_t s = diff_step_new(c, DIFF_ADD_CONSTRAINT, ch);
    if (first != NONE) {
        diff_step_after(c, first, s);
        c->steps[s].using_index = true;
    }
    c->steps[s].table = t;
    c->steps[s].con = k;
    con_own_keys(c, s, KEY_PROVIDES, t->obj.schema, t->obj.name, k);
    con_need_keys(c, s, t, k);
    /* (PostgreSQL takes no NOT VALID foreign key on a partitioned table) */
    bool checked = k->type == CAT_CON_CHECK || (k->type == CAT_CON_FOREIGN && !t->partition_key);
    c->steps[s].not_valid = checked && (k->not_valid || existing);
    if (existing && is_index_backed(k) && !online_key &&
        diff_table_has_rows(c, t->obj.schema, t->obj.name))
        c->steps[s].hazards |= DIFF_HAZARD_BIT(DIFF_HAZARD_INDEX_BUILD);
    if (checked && existing && !k->not_valid) {
        uint32_t v = diff_step_new(c, DIFF_VALIDATE_CONSTRAINT, ch);
        c->steps[v].table = t;
        c->steps[v].con = k;
        diff_step_after(c, s, v);
    }
    if (k->comment) {
        uint32_t cm = diff_comment_step(c, ch, DIFF_OBJ_CONSTRAINT, k->comment);
        c->steps[cm].table = t;
        c->steps[cm].con = k;
        diff_step_after(c, s, cm);
    }
}

/* ---- steps: tables ------------------------------------------------------------ */

static void
drop_table(DiffCtx *c, TablePlan *p)
{
    const CatTable *f = p->from;
    const char *sc = f->obj.schema, *tn = f->obj.name;
    uint32_t ch = diff_change_new(c, DIFF_OP_DROP, DIFF_OBJ_TABLE, sc, tn, NULL);
    c->changes[ch].from_obj = &f->obj;
    uint32_t s = diff_step_new(c, DIFF_DROP_TABLE, ch);
    p->drop_step = s;
    c->steps[s].obj = &f->obj;
    c->steps[s].hazards = DIFF_HAZARD_BIT(DIFF_HAZARD_DATA_LOSS);
    diff_partition_review(c, s, f); /* recreated for a new partition key? */
    diff_step_key(c, s, KEY_REMOVES, "t" SEP "%s" SEP "%s", sc, tn);
    diff_step_key(c, s, KEY_REMOVES, "r" SEP "%s" SEP "%s", sc, tn);
    if (f->partition_of) /* dropped before its parent (which would take it along) */
        diff_step_key(c, s, KEY_RELEASES, "t" SEP "%s" SEP "%s", f->partition_of_schema,
                      f->partition_of);
    for (uint32_t i = 0; i < f->ncolumns; i++) {
        diff_step_key(c, s, KEY_REMOVES, "c" SEP "%s" SEP "%s" SEP "%s", sc, tn,
                      f->columns[i].name);
        diff_column_type_keys(c, s, KEY_RELEASES, sc, &f->columns[i], true);
    }
    for (uint32_t i = 0; i < f->nconstraints; i++) {
        const CatConstraint *k = &f->constraints[i];
        const TablePlan *r =
            k->type == CAT_CON_FOREIGN ? plan_of(c, k->ref_schema, k->ref_table) : NULL;
        if (r && !r->to && r != p) {
            /* Both tables go: drop the foreign key on its own, so that a cycle of
             * foreign keys between dropped tables cannot block the drops. */
            p->con_fate[i] = FATE_DROP;
            p->con_implicit[i] = false;
            con_drop_step(c, ch, f, k);
            continue;
        }
        con_own_keys(c, s, KEY_REMOVES, sc, tn, k);
        if (r != p)
            fk_ref_keys(c, s, KEY_RELEASES, k);
    }
}


/* Does k (PRIMARY KEY or UNIQUE) have the same key as a constraint already in inl?
 * PostgreSQL's CREATE TABLE drops such a repeat without a word (transformIndexConstraints),
 * so it has to be added by ALTER TABLE afterwards to exist at all. */
static bool
duplicates_key(const CatConstraint *const *inl, uint32_t ninl, const CatConstraint *k)
{
    if (k->type != CAT_CON_PRIMARY && k->type != CAT_CON_UNIQUE)
        return false;
    for (uint32_t j = 0; j < ninl; j++) {
        const CatConstraint *o = inl[j];
        if ((o->type != CAT_CON_PRIMARY && o->type != CAT_CON_UNIQUE) ||
            o->ncolumns != k->ncolumns || o->ninclude != k->ninclude)
            continue;
        bool same = true;
        for (uint32_t i = 0; i < k->ncolumns && same; i++)
            same = strcmp(o->columns[i], k->columns[i]) == 0;
        for (uint32_t i = 0; i < k->ninclude && same; i++)
            same = strcmp(o->include[i], k->include[i]) == 0;
        if (same)
            return true;
    }
    return false;
}

static void
create_table(DiffCtx *c, const CatTable *t)
{
    const char *sc = t->obj.schema, *tn = t->obj.name;
    uint32_t ch = diff_change_new(c, DIFF_OP_CREATE, DIFF_OBJ_TABLE, sc, tn, NULL);
    c->changes[ch].to_obj = &t->obj;
    uint32_t s = diff_step_new(c, DIFF_CREATE_TABLE, ch);
    c->steps[s].obj = &t->obj;
    diff_step_key(c, s, KEY_PROVIDES, "t" SEP "%s" SEP "%s", sc, tn);
    diff_step_key(c, s, KEY_PROVIDES, "r" SEP "%s" SEP "%s", sc, tn);
    /* A table is also a type (its row type): domains, composite attributes and columns
     * may be declared with it (postgrest's domain test.projects_domain). */
    diff_step_key(c, s, KEY_PROVIDES, "y" SEP "%s" SEP "%s", sc, tn);
    if (t->partition_of)
        diff_step_key(c, s, KEY_NEEDS, "t" SEP "%s" SEP "%s", t->partition_of_schema,
                      t->partition_of);
    for (uint32_t i = 0; i < t->ncolumns; i++) {
        column_provides(c, s, t, &t->columns[i]);
        diff_column_type_keys(c, s, KEY_NEEDS, sc, &t->columns[i], false);
    }
    const CatConstraint **inl = ag_arena_alloc(c->arena, sizeof(char *) * (t->nconstraints + 1));
    uint32_t ninl = 0;
    for (uint32_t i = 0; i < t->nconstraints; i++) {
        const CatConstraint *k = &t->constraints[i];
        if (diff_inherited_check(c->to, t, k->name))
            continue; /* the parent's, copied by PARTITION OF */
        if (k->type != CAT_CON_FOREIGN && !k->not_valid && !duplicates_key(inl, ninl, k)) {
            inl[ninl++] = k;
            con_own_keys(c, s, KEY_PROVIDES, sc, tn, k);
        }
    }
    c->steps[s].cons = inl;
    c->steps[s].ncons = ninl;
    /* Foreign keys (and NOT VALID constraints) come once every table exists; so does a
     * key repeating another (CREATE TABLE would silently fold it into the first). */
    for (uint32_t i = 0; i < t->nconstraints; i++) {
        const CatConstraint *k = &t->constraints[i];
        if (diff_inherited_check(c->to, t, k->name))
            continue;
        bool inlined = false;
        for (uint32_t j = 0; j < ninl && !inlined; j++)
            inlined = inl[j] == k;
        if (k->type == CAT_CON_FOREIGN || k->not_valid ||
            (!inlined && (k->type == CAT_CON_PRIMARY || k->type == CAT_CON_UNIQUE)))
            con_add_steps(c, ch, t, k, false);
        else if (k->comment) {
            uint32_t cm = diff_comment_step(c, ch, DIFF_OBJ_CONSTRAINT, k->comment);
            c->steps[cm].table = t;
            c->steps[cm].con = k;
            diff_step_after(c, s, cm);
        }
    }
    if (t->obj.comment) {
        uint32_t cm = diff_comment_step(c, ch, DIFF_OBJ_TABLE, t->obj.comment);
        c->steps[cm].obj = &t->obj;
        diff_step_after(c, s, cm);
    }
    for (uint32_t i = 0; i < t->ncolumns; i++) {
        if (!t->columns[i].comment)
            continue;
        uint32_t cm = diff_comment_step(c, ch, DIFF_OBJ_COLUMN, t->columns[i].comment);
        c->steps[cm].table = t;
        c->steps[cm].column = &t->columns[i];
        diff_step_after(c, s, cm);
    }
}

/* ---- steps: columns ---------------------------------------------------------------- */

static uint32_t
col_step(DiffCtx *c, DiffStepKind kind, uint32_t ch, const CatTable *t, const CatColumn *col,
         uint32_t *prev)
{
    uint32_t s = diff_step_new(c, kind, ch);
    c->steps[s].table = t;
    c->steps[s].column = col;
    diff_step_key(c, s, KEY_NEEDS, "c" SEP "%s" SEP "%s" SEP "%s", t->obj.schema, t->obj.name,
                  col->name);
    if (*prev != NONE)
        diff_step_after(c, *prev, s);
    *prev = s;
    return s;
}

/* The name of the temporary CHECK (col IS NOT NULL) of the online SET NOT NULL:
 * table_col_not_null, cut to 63 bytes on a character boundary. */
static const char *
nn_check_name(DiffCtx *c, const CatTable *t, const CatColumn *col)
{
    char *n = ag_arena_printf(c->arena, "%s_%s_not_null", t->obj.name, col->name);
    size_t len = strlen(n);
    if (len > 63) {
        len = 63;
        while (len > 0 && (n[len] & 0xC0) == 0x80)
            len--;
        n[len] = '\0';
    }
    return n;
}

/* SET NOT NULL, or in online mode: ADD CHECK (col IS NOT NULL) NOT VALID, VALIDATE,
 * SET NOT NULL (which then skips its scan), DROP the check. */
static void
set_not_null(DiffCtx *c, uint32_t ch, const CatTable *t, const CatColumn *col, uint32_t *prev)
{
    bool rows = diff_table_has_rows(c, t->obj.schema, t->obj.name);
    if (!c->opts.online || !rows) {
        uint32_t s = col_step(c, DIFF_SET_NOT_NULL, ch, t, col, prev);
        if (rows)
            c->steps[s].hazards |= DIFF_HAZARD_BIT(DIFF_HAZARD_LOCK);
        return;
    }
    CatConstraint *k = ag_arena_alloc(c->arena, sizeof(CatConstraint));
    k->name = nn_check_name(c, t, col);
    k->type = CAT_CON_CHECK;
    uint32_t a = col_step(c, DIFF_ADD_CONSTRAINT, ch, t, col, prev);
    c->steps[a].con = k;
    c->steps[a].not_valid = true;
    uint32_t v = col_step(c, DIFF_VALIDATE_CONSTRAINT, ch, t, col, prev);
    c->steps[v].con = k;
    col_step(c, DIFF_SET_NOT_NULL, ch, t, col, prev);
    uint32_t d = col_step(c, DIFF_DROP_CONSTRAINT, ch, t, col, prev);
    c->steps[d].con = k;
}

static void
add_column(DiffCtx *c, uint32_t ch, const CatTable *t, const CatColumn *col, uint32_t after)
{
    uint32_t prev = NONE;
    uint32_t s = diff_step_new(c, DIFF_ADD_COLUMN, ch);
    c->steps[s].table = t;
    c->steps[s].column = col;
    if (after != NONE)
        diff_step_after(c, after, s);
    prev = s;
    column_provides(c, s, t, col);
    diff_column_type_keys(c, s, KEY_NEEDS, t->obj.schema, col, false);
    diff_step_key(c, s, KEY_NEEDS, "t" SEP "%s" SEP "%s", t->obj.schema, t->obj.name);
    generated_keys(c, s, true, t, col);
    bool rows = diff_table_has_rows(c, t->obj.schema, t->obj.name);
    if (col->generated || col->identity != CAT_IDENTITY_NONE || volatile_default(col->default_expr))
        c->steps[s].hazards |= DIFF_HAZARD_BIT(DIFF_HAZARD_REWRITE);
    if (col->not_null && !col->default_expr && !col->generated &&
        col->identity == CAT_IDENTITY_NONE && rows) {
        c->steps[s].add_nullable = true;
        uint32_t b = col_step(c, DIFF_BACKFILL, ch, t, col, &prev);
        c->steps[b].review = DIFF_REVIEW_BACKFILL;
        set_not_null(c, ch, t, col, &prev);
    }
    if (col->comment) {
        uint32_t cm = diff_comment_step(c, ch, DIFF_OBJ_COLUMN, col->comment);
        c->steps[cm].table = t;
        c->steps[cm].column = col;
        diff_step_after(c, s, cm);
    }
}

static bool
identity_differs(const CatColumn *f, const CatColumn *t)
{
    return f->identity != t->identity || !diff_seq_equal(&f->identity_seq, &t->identity_seq, true);
}

typedef struct NewSeq {
    const DiffCtx *c;
    const CatSequence *found;
} NewSeq;

static void
new_seq_cb(void *ctx, const char *schema, const char *name)
{
    NewSeq *n = ctx;
    if (!n->found && !cat_find(n->c->from, CAT_SEQUENCE, schema, name))
        n->found = (const CatSequence *) cat_find(n->c->to, CAT_SEQUENCE, schema, name);
}

/* The sequence a default draws from (nextval) when this changeset creates it: a column
 * with values already (identity to serial, say) must not draw them again. */
static const CatSequence *
new_sequence_of(DiffCtx *c, const char *schema, const CatExpr *e)
{
    NewSeq n = {c, NULL};
    if (e && e->sql && strstr(e->sql, "nextval"))
        diff_expr_sequences(&c->scratch, e->sql, schema, new_seq_cb, &n);
    return n.found;
}

/* A column on both sides: the ALTER COLUMN steps, chained in the one order that works
 * (identity and default out of the way before the type, NOT NULL before identity). */
static void
alter_column(DiffCtx *c, const TablePlan *p, uint32_t ci)
{
    const CatTable *ft = p->from, *t = p->to;
    const CatColumn *f = &ft->columns[ci];
    const CatColumn *col = p->col_to[ci];
    bool swapped = p->col_swapped[ci];
    bool type_changed = p->col_retyped[ci];
    TypeChange tc = {0};
    if (type_changed)
        tc = diff_type_change(f->type, col->type);
    if (swapped)
        tc = (TypeChange){.using = DIFF_USING_TEXT_CAST, .rewrite = true, .review = false};
    if (swapped)
        diff_domain_swap_change(c, col->type, &tc); /* a domain: cast, not through text */
    bool default_changed = !expr_eq(f->default_expr, col->default_expr);
    /* A default the conversion may not carry over is dropped first; any default is set
     * again afterwards, so that it is stored as a fresh one of the new type would be
     * (ALTER TYPE keeps the old expression under a cast). */
    bool type_string_changed = strcmp(f->type, col->type) != 0 || swapped;
    const char *us, *un;
    bool from_user_type = diff_type_ref(&c->scratch, f->type, &us, &un, NULL);
    /* (A default cast to a user type would keep that type alive: drop it first too.) */
    /* A default calling a function that is dropped goes before that DROP and is set
     * again after the function's CREATE. */
    bool default_fn = diff_calls_gone_function(c, f->default_expr);
    bool default_before = default_fn || (type_string_changed && f->default_expr &&
                                         (tc.using != DIFF_USING_NONE || from_user_type));
    bool default_after = (type_string_changed || default_fn) && col->default_expr;
    bool drop_expr = f->generated && !col->generated;
    bool id_changed = identity_differs(f, col);
    bool nn_changed = f->not_null != col->not_null;
    bool comment_changed = !ag_streq(f->comment, col->comment);
    if (!type_changed && !default_changed && !default_fn && !drop_expr && !id_changed &&
        !nn_changed && !comment_changed)
        return;

    uint32_t ch =
        diff_change_new(c, DIFF_OP_ALTER, DIFF_OBJ_COLUMN, t->obj.schema, t->obj.name, col->name);
    c->changes[ch].from_column = f;
    c->changes[ch].to_column = col;
    uint32_t prev = NONE;
    if (f->identity != CAT_IDENTITY_NONE && col->identity == CAT_IDENTITY_NONE)
        col_step(c, DIFF_DROP_IDENTITY, ch, t, col, &prev);
    if (f->default_expr && (default_before || (default_changed && !col->default_expr))) {
        uint32_t s = col_step(c, DIFF_DROP_DEFAULT, ch, t, col, &prev);
        c->steps[s].old_column = f;
        diff_column_type_keys(c, s, KEY_RELEASES, t->obj.schema, f, true);
    }
    if (drop_expr)
        col_step(c, DIFF_DROP_EXPRESSION, ch, t, col, &prev);
    if (type_changed) {
        uint32_t s = col_step(c, DIFF_ALTER_COLUMN_TYPE, ch, t, col, &prev);
        c->steps[s].old_column = f;
        /* Constraints and indexes on the column come back after it has its new type (an
         * expression rebuilt over an enum swap's old type would fail). */
        diff_step_key(c, s, KEY_PROVIDES, "cv" SEP "%s" SEP "%s" SEP "%s", t->obj.schema,
                      t->obj.name, col->name);
        /* What reads the column and cannot stay over the change went before it. */
        diff_step_key(c, s, KEY_REMOVES, "co" SEP "%s" SEP "%s" SEP "%s", t->obj.schema,
                      t->obj.name, col->name);
        c->steps[s].using = tc.using;
        if (tc.rewrite)
            c->steps[s].hazards |= DIFF_HAZARD_BIT(DIFF_HAZARD_REWRITE);
        if (tc.review)
            c->steps[s].review = DIFF_REVIEW_USING;
        if (tc.lossy)
            c->steps[s].hazards |= DIFF_HAZARD_BIT(DIFF_HAZARD_DATA_LOSS);
        if (swapped) {
            /* Values the new type lacks make the conversion fail. */
            const char *es, *en;
            diff_type_ref(&c->scratch, col->type, &es, &en, NULL);
            const CatEnum *fe = (const CatEnum *) cat_find(c->from, CAT_ENUM, es, en);
            const CatEnum *te = (const CatEnum *) cat_find(c->to, CAT_ENUM, es, en);
            for (uint32_t i = 0; fe && te && i < fe->nlabels; i++) {
                bool kept = false;
                for (uint32_t j = 0; j < te->nlabels && !kept; j++)
                    kept = strcmp(fe->labels[i], te->labels[j]) == 0;
                if (!kept)
                    c->steps[s].hazards |= DIFF_HAZARD_BIT(DIFF_HAZARD_DATA_LOSS);
            }
        }
        diff_column_type_keys(c, s, KEY_RELEASES, t->obj.schema, f, true);
        const char *ts, *tn;
        if (diff_type_ref(&c->scratch, col->type, &ts, &tn, NULL))
            diff_step_key(c, s, KEY_NEEDS, "y" SEP "%s" SEP "%s", ts, tn);
    }
    if (col->default_expr && (default_changed || default_after)) {
        uint32_t s = col_step(c, DIFF_SET_DEFAULT, ch, t, col, &prev);
        c->steps[s].sync_sequence = new_sequence_of(c, t->obj.schema, col->default_expr);
        diff_column_type_keys(c, s, KEY_NEEDS, t->obj.schema, col, false);
        if (f->default_expr && !default_before)
            diff_column_type_keys(c, s, KEY_RELEASES, t->obj.schema, f, true);
    }
    if (f->not_null && !col->not_null) {
        uint32_t s = col_step(c, DIFF_DROP_NOT_NULL, ch, t, col, &prev);
        /* after the drop of a primary key over the column (con_own_keys) */
        diff_step_key(c, s, KEY_PROVIDES, "pn" SEP "%s" SEP "%s" SEP "%s", t->obj.schema,
                      t->obj.name, col->name);
    }
    if (!f->not_null && col->not_null)
        set_not_null(c, ch, t, col, &prev);
    if (f->identity == CAT_IDENTITY_NONE && col->identity != CAT_IDENTITY_NONE)
        col_step(c, DIFF_ADD_IDENTITY, ch, t, col, &prev);
    else if (f->identity != CAT_IDENTITY_NONE && col->identity != CAT_IDENTITY_NONE && id_changed) {
        uint32_t s = col_step(c, DIFF_ALTER_IDENTITY, ch, t, col, &prev);
        c->steps[s].old_column = f;
    }
    if (comment_changed) {
        uint32_t s = col_step(c, DIFF_COMMENT, ch, t, col, &prev);
        c->steps[s].target = DIFF_OBJ_COLUMN;
        c->steps[s].comment = col->comment;
    }
}

/* ---- tables on both sides -------------------------------------------------------- */

static void
attach_implicit_con(DiffCtx *c, const TablePlan *p, const CatConstraint *k)
{
    for (uint32_t j = 0; j < p->from->ncolumns; j++) {
        if (p->col_drop_step[j] == NONE || !con_involves(k, p->from->columns[j].name))
            continue;
        con_own_keys(c, p->col_drop_step[j], KEY_REMOVES, p->from->obj.schema, p->from->obj.name,
                     k);
        fk_ref_keys(c, p->col_drop_step[j], KEY_RELEASES, k);
    }
}

static void
alter_table(DiffCtx *c, TablePlan *p)
{
    const CatTable *f = p->from, *t = p->to;
    const char *sc = t->obj.schema, *tn = t->obj.name;
    if (f->unlogged != t->unlogged || !ag_streq(f->obj.comment, t->obj.comment)) {
        uint32_t ch = diff_change_new(c, DIFF_OP_ALTER, DIFF_OBJ_TABLE, sc, tn, NULL);
        c->changes[ch].from_obj = &f->obj;
        c->changes[ch].to_obj = &t->obj;
        if (f->unlogged != t->unlogged) {
            uint32_t s = diff_step_new(c, DIFF_SET_LOGGED, ch);
            c->steps[s].obj = &t->obj;
            c->steps[s].hazards |= DIFF_HAZARD_BIT(DIFF_HAZARD_REWRITE);
        }
        if (!ag_streq(f->obj.comment, t->obj.comment)) {
            uint32_t s = diff_comment_step(c, ch, DIFF_OBJ_TABLE, t->obj.comment);
            c->steps[s].obj = &t->obj;
        }
    }

    /* A partition's columns follow its parent's (partition.c). */
    if (f->partition_of && t->partition_of)
        goto constraints;
    /* Columns that go (or go and come back). */
    uint32_t *recreate_change = ag_arena_alloc(&c->scratch, sizeof(uint32_t) * (f->ncolumns + 1));
    for (uint32_t i = 0; i < f->ncolumns; i++) {
        const CatColumn *fc = &f->columns[i];
        if (p->col_fate[i] == FATE_KEEP)
            continue;
        bool back = p->col_fate[i] == FATE_RECREATE;
        uint32_t ch = diff_change_new(c, back ? DIFF_OP_ALTER : DIFF_OP_DROP, DIFF_OBJ_COLUMN, sc,
                                      tn, fc->name);
        c->changes[ch].recreated = back;
        c->changes[ch].from_column = fc;
        recreate_change[i] = ch;
        uint32_t s = diff_step_new(c, DIFF_DROP_COLUMN, ch);
        p->col_drop_step[i] = s;
        c->steps[s].table = f;
        c->steps[s].old_column = fc;
        /* A generated column is computed again from its expression: nothing is lost. */
        if (!fc->generated)
            c->steps[s].hazards |= DIFF_HAZARD_BIT(DIFF_HAZARD_DATA_LOSS);
        diff_step_key(c, s, KEY_REMOVES, "c" SEP "%s" SEP "%s" SEP "%s", sc, tn, fc->name);
        generated_keys(c, s, false, f, fc);
        diff_column_type_keys(c, s, KEY_RELEASES, sc, fc, true);
    }
    for (uint32_t i = 0; i < f->ncolumns; i++)
        if (p->col_fate[i] == FATE_KEEP)
            alter_column(c, p, i);
    for (uint32_t i = 0; i < t->ncolumns; i++) {
        const CatColumn *col = &t->columns[i];
        const CatColumn *fc = find_column_near(f, col->name, i);
        if (!fc) {
            uint32_t ch = diff_change_new(c, DIFF_OP_CREATE, DIFF_OBJ_COLUMN, sc, tn, col->name);
            c->changes[ch].to_column = col;
            add_column(c, ch, t, col, NONE);
            continue;
        }
        uint32_t fi = (uint32_t) (fc - f->columns);
        if (p->col_fate[fi] == FATE_RECREATE) {
            c->changes[recreate_change[fi]].to_column = col;
            add_column(c, recreate_change[fi], t, col, p->col_drop_step[fi]);
        }
    }

constraints:
    for (uint32_t i = 0; i < f->nconstraints; i++) {
        const CatConstraint *k = &f->constraints[i];
        const CatConstraint *tk = cat_table_find_constraint(t, k->name);
        if (diff_inherited_check(c->from, f, k->name) && (!tk || diff_inherited_check(c->to, t, k->name)))
            continue; /* the parent's: changes with it */
        switch (p->con_fate[i]) {
        case FATE_KEEP:
            if (k->not_valid && !tk->not_valid) {
                uint32_t ch = con_change(c, DIFF_OP_ALTER, t, tk, false);
                uint32_t s = diff_step_new(c, DIFF_VALIDATE_CONSTRAINT, ch);
                c->steps[s].table = t;
                c->steps[s].con = tk;
            }
            if (!ag_streq(k->comment, tk->comment)) {
                uint32_t ch = con_change(c, DIFF_OP_ALTER, t, tk, false);
                uint32_t s = diff_comment_step(c, ch, DIFF_OBJ_CONSTRAINT, tk->comment);
                c->steps[s].table = t;
                c->steps[s].con = tk;
            }
            break;
        case FATE_DROP:
        case FATE_IMPLICIT:
        case FATE_RECREATE: {
            bool back = p->con_fate[i] == FATE_RECREATE;
            if (!back && p->con_implicit[i]) {
                attach_implicit_con(c, p, k);
                break;
            }
            uint32_t ch = con_change(c, back ? DIFF_OP_ALTER : DIFF_OP_DROP, t, k, back);
            if (p->con_implicit[i])
                attach_implicit_con(c, p, k);
            else
                con_drop_step(c, ch, f, k);
            if (back)
                con_add_steps(c, ch, t, tk, true);
            break;
        }
        }
    }
    for (uint32_t i = 0; i < t->nconstraints; i++) {
        const CatConstraint *k = &t->constraints[i];
        if (cat_table_find_constraint(f, k->name) || diff_inherited_check(c->to, t, k->name))
            continue;
        uint32_t ch = con_change(c, DIFF_OP_CREATE, t, k, false);
        con_add_steps(c, ch, t, k, true);
    }
}

void
diff_tables(DiffCtx *c)
{
    for (uint32_t i = 0; i < c->from->nobjects; i++)
        if (c->from->objects[i]->kind == CAT_TABLE)
            plan_init(c, (const CatTable *) c->from->objects[i]);
    plan_indexes(c);
    plan_foreign_keys(c);
    for (uint32_t i = 0; i < c->from->nobjects; i++) {
        TablePlan *p = &c->plans[i];
        if (p->from && !p->to)
            drop_table(c, p);
    }
    for (uint32_t i = 0; i < c->to->nobjects; i++) {
        const CatTable *t = (const CatTable *) c->to->objects[i];
        if (t->obj.kind != CAT_TABLE)
            continue;
        const CatTable *f = cat_table_find(c->from, t->obj.schema, t->obj.name);
        if (!f || diff_partition_recreate(f, t))
            create_table(c, t);
        else
            alter_table(c, &c->plans[f->obj.id]);
    }
}

/* ---- indexes ----------------------------------------------------------------------- */

static void
index_keys(DiffCtx *c, uint32_t s, KeyRole role, const CatIndex *ix)
{
    diff_step_key(c, s, role, "i" SEP "%s" SEP "%s", ix->obj.schema, ix->obj.name);
    diff_step_key(c, s, role, "r" SEP "%s" SEP "%s", ix->obj.schema, ix->obj.name);
    if (ix->is_unique)
        diff_step_key(c, s, role, "u" SEP "%s" SEP "%s", ix->obj.schema, ix->table);
}

static void
create_index(DiffCtx *c, uint32_t ch, const CatIndex *t)
{
    const CatTable *tt = cat_table_find(c->to, t->obj.schema, t->table);
    bool existing = cat_table_find(c->from, t->obj.schema, t->table) != NULL;
    /* PostgreSQL builds no index on a partitioned table CONCURRENTLY */
    bool online = c->opts.online && !(tt && tt->partition_key);
    uint32_t s = diff_step_new(c, DIFF_CREATE_INDEX, ch);
    c->steps[s].obj = &t->obj;
    c->steps[s].concurrently = existing && online;
    if (existing && !online && diff_table_has_rows(c, t->obj.schema, t->table))
        c->steps[s].hazards |= DIFF_HAZARD_BIT(DIFF_HAZARD_INDEX_BUILD);
    index_keys(c, s, KEY_PROVIDES, t);
    diff_step_key(c, s, KEY_NEEDS, "t" SEP "%s" SEP "%s", t->obj.schema, t->table);
    for (uint32_t i = 0; tt && i < tt->ncolumns; i++)
        if (index_involves(t, tt->columns[i].name)) {
            diff_step_key(c, s, KEY_NEEDS, "c" SEP "%s" SEP "%s" SEP "%s", t->obj.schema, t->table,
                          tt->columns[i].name);
            diff_step_key(c, s, KEY_NEEDS, "cv" SEP "%s" SEP "%s" SEP "%s", t->obj.schema,
                          t->table, tt->columns[i].name);
        }
    if (t->obj.comment) {
        uint32_t cm = diff_comment_step(c, ch, DIFF_OBJ_INDEX, t->obj.comment);
        c->steps[cm].obj = &t->obj;
        diff_step_after(c, s, cm);
    }
}

void
diff_indexes(DiffCtx *c)
{
    uint32_t *drop_change = ag_arena_alloc(&c->scratch, sizeof(uint32_t) * (c->from->nobjects + 1));
    for (uint32_t i = 0; i < c->from->nobjects; i++) {
        const CatIndex *f = (const CatIndex *) c->from->objects[i];
        drop_change[i] = NONE;
        if (f->obj.kind != CAT_INDEX || index_is_constraint(c, c->from, f))
            continue;
        const TablePlan *p = plan_of(c, f->obj.schema, f->table);
        const CatIndex *t =
            (const CatIndex *) cat_find(c->to, CAT_INDEX, f->obj.schema, f->obj.name);
        switch ((ItemFate) c->idx_fate[i]) {
        case FATE_KEEP:
            if (t && !index_is_constraint(c, c->to, t) && !ag_streq(f->obj.comment, t->obj.comment)) {
                uint32_t ch = diff_change_new(c, DIFF_OP_ALTER, DIFF_OBJ_INDEX, t->obj.schema,
                                              t->obj.name, NULL);
                c->changes[ch].from_obj = &f->obj;
                c->changes[ch].to_obj = &t->obj;
                uint32_t s = diff_comment_step(c, ch, DIFF_OBJ_INDEX, t->obj.comment);
                c->steps[s].obj = &t->obj;
            }
            break;
        case FATE_DROP:
        case FATE_IMPLICIT:
        case FATE_RECREATE: {
            bool back = c->idx_fate[i] == FATE_RECREATE;
            if (c->idx_implicit[i]) {
                /* Gone with its table or a column: the step doing that removes it. */
                if (p && p->drop_step != NONE)
                    index_keys(c, p->drop_step, KEY_REMOVES, f);
                for (uint32_t j = 0; p && p->to && j < p->from->ncolumns; j++)
                    if (p->col_drop_step[j] != NONE && index_involves(f, p->from->columns[j].name))
                        index_keys(c, p->col_drop_step[j], KEY_REMOVES, f);
                if (!back)
                    break;
            }
            uint32_t ch = diff_change_new(c, back ? DIFF_OP_ALTER : DIFF_OP_DROP, DIFF_OBJ_INDEX,
                                          f->obj.schema, f->obj.name, NULL);
            c->changes[ch].recreated = back;
            c->changes[ch].from_obj = &f->obj;
            c->changes[ch].to_obj = t ? &t->obj : NULL;
            drop_change[i] = ch;
            if (!c->idx_implicit[i]) {
                uint32_t s = diff_step_new(c, DIFF_DROP_INDEX, ch);
                c->steps[s].obj = &f->obj;
                const CatTable *ft = cat_table_find(c->from, f->obj.schema, f->table);
                c->steps[s].concurrently = c->opts.online && !(ft && ft->partition_key);
                index_keys(c, s, KEY_REMOVES, f);
                diff_step_key(c, s, KEY_RELEASES, "t" SEP "%s" SEP "%s", f->obj.schema, f->table);
            }
            break;
        }
        }
    }
    for (uint32_t i = 0; i < c->to->nobjects; i++) {
        const CatIndex *t = (const CatIndex *) c->to->objects[i];
        if (t->obj.kind != CAT_INDEX || index_is_constraint(c, c->to, t))
            continue;
        const CatIndex *f =
            (const CatIndex *) cat_find(c->from, CAT_INDEX, t->obj.schema, t->obj.name);
        if (f && !index_is_constraint(c, c->from, f)) {
            if (c->idx_fate[f->obj.id] == FATE_KEEP)
                continue;
            create_index(c, drop_change[f->obj.id], t);
            continue;
        }
        uint32_t ch =
            diff_change_new(c, DIFF_OP_CREATE, DIFF_OBJ_INDEX, t->obj.schema, t->obj.name, NULL);
        c->changes[ch].to_obj = &t->obj;
        create_index(c, ch, t);
    }
}

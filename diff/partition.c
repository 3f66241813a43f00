/*
 * diff/partition.c: partitions and row-level security of tables on both sides: ATTACH /
 * DETACH when a kept table changes parent or bound (rows stay), whether a table must be
 * recreated (its partition key changed, or its parent is recreated), which CHECK
 * constraints of a partition are its parent's (left to the parent, as its columns are),
 * ENABLE / FORCE ROW LEVEL SECURITY, and policies (created, dropped, altered in place for
 * roles and expressions, dropped and created when the command or PERMISSIVE changes).
 * A policy reading a column that is retyped is dropped and created around the change
 * (PostgreSQL refuses it otherwise); policy steps release the columns the old expressions
 * read and need those the new ones read, so an ALTER POLICY comes before a column drop.
 * Not here: CREATE / DROP TABLE themselves (table.c, which calls the helpers below), SQL.
 * A change to only a policy's comment is a COMMENT step (target POLICY).
 */
#include <string.h>

#include "diff/internal.h"

#define SEP "\x1f"

static bool
expr_eq(const CatExpr *a, const CatExpr *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a->canon, b->canon) == 0;
}

static const CatTable *
parent_of(const Catalog *cat, const CatTable *t)
{
    return t->partition_of ? cat_table_find(cat, t->partition_of_schema, t->partition_of) : NULL;
}

bool
diff_inherited_check(const Catalog *cat, const CatTable *t, const char *name)
{
    const CatTable *p = parent_of(cat, t);
    const CatConstraint *k = p ? cat_table_find_constraint(p, name) : NULL;
    return k && k->type == CAT_CON_CHECK && !k->no_inherit;
}

bool
diff_partition_recreate(const CatTable *from, const CatTable *to)
{
    return !expr_eq(from->partition_key, to->partition_key);
}

void
diff_partition_review(DiffCtx *c, uint32_t s, const CatTable *f)
{
    const CatTable *t = cat_table_find(c->to, f->obj.schema, f->obj.name);
    if (!t || !diff_partition_recreate(f, t))
        return;
    c->steps[s].review = DIFF_REVIEW_PARTKEY;
    c->steps[s].evidence = ag_arena_printf(c->arena, "%s -> %s",
                                           f->partition_key ? f->partition_key->sql : "none",
                                           t->partition_key ? t->partition_key->sql : "none");
}

static bool
same_parent(const CatTable *f, const CatTable *t)
{
    return ag_streq(f->partition_of, t->partition_of) &&
           ag_streq(f->partition_of_schema, t->partition_of_schema);
}

/* ---- partitions --------------------------------------------------------------- */

/* A partition detached and attached again (a new bound) misses what its parent's ALTER
 * TABLE steps pass on to partitions meanwhile (new columns, NOT NULL, CHECKs), and
 * ATTACH then fails: it is attached again before them, and gets them as a partition. */
static void
reattach_first(DiffCtx *c, uint32_t attach, const CatTable *t)
{
    for (uint32_t k = 0; k < c->nsteps; k++) {
        const DiffStep *st = &c->steps[k];
        const CatTable *on = st->table;
        if (k == attach || !on || !ag_streq(on->obj.schema, t->partition_of_schema) ||
            !ag_streq(on->obj.name, t->partition_of))
            continue;
        switch (st->kind) {
        case DIFF_ADD_COLUMN:
        case DIFF_DROP_COLUMN:
        case DIFF_ALTER_COLUMN_TYPE:
        case DIFF_SET_NOT_NULL:
        case DIFF_DROP_NOT_NULL:
        case DIFF_SET_DEFAULT:
        case DIFF_DROP_DEFAULT:
        case DIFF_ADD_CONSTRAINT:
        case DIFF_DROP_CONSTRAINT:
        case DIFF_VALIDATE_CONSTRAINT:
        case DIFF_BACKFILL:
            diff_step_after(c, attach, k);
            break;
        default:
            break;
        }
    }
}

static void
attach_detach(DiffCtx *c, const CatTable *f, const CatTable *t)
{
    bool same = same_parent(f, t) && expr_eq(f->partition_bound, t->partition_bound);
    if (same || (!f->partition_of && !t->partition_of))
        return;
    /* A parent recreated drops its partitions; those are recreated too (table.c). */
    uint32_t ch = diff_change_new(c, DIFF_OP_ALTER, DIFF_OBJ_TABLE, t->obj.schema, t->obj.name,
                                  NULL);
    c->changes[ch].from_obj = &f->obj;
    c->changes[ch].to_obj = &t->obj;
    uint32_t prev = UINT32_MAX;
    if (f->partition_of) {
        uint32_t s = diff_step_new(c, DIFF_DETACH_PARTITION, ch);
        c->steps[s].table = f;
        diff_step_key(c, s, KEY_NEEDS, "t" SEP "%s" SEP "%s", f->obj.schema, f->obj.name);
        diff_step_key(c, s, KEY_RELEASES, "t" SEP "%s" SEP "%s", f->partition_of_schema,
                      f->partition_of);
        prev = s;
    }
    if (t->partition_of) {
        uint32_t s = diff_step_new(c, DIFF_ATTACH_PARTITION, ch);
        c->steps[s].table = t;
        diff_step_key(c, s, KEY_NEEDS, "t" SEP "%s" SEP "%s", t->obj.schema, t->obj.name);
        diff_step_key(c, s, KEY_NEEDS, "t" SEP "%s" SEP "%s", t->partition_of_schema,
                      t->partition_of);
        if (prev != UINT32_MAX)
            diff_step_after(c, prev, s);
        if (prev != UINT32_MAX && same_parent(f, t))
            reattach_first(c, s, t);
    }
}

/* ---- row-level security and policies ------------------------------------------ */

static bool
roles_eq(const CatPolicy *a, const CatPolicy *b)
{
    if (a->nroles != b->nroles)
        return false;
    for (uint32_t i = 0; i < a->nroles; i++)
        if (strcmp(a->roles[i], b->roles[i]) != 0)
            return false;
    return true;
}

static const CatPolicy *
find_policy(const CatTable *t, const char *name)
{
    for (uint32_t i = 0; t && i < t->npolicies; i++)
        if (strcmp(t->policies[i].name, name) == 0)
            return &t->policies[i];
    return NULL;
}

static void
policy_column_keys(DiffCtx *c, uint32_t s, const CatTable *t, const CatPolicy *p, bool creating)
{
    if (p->using_expr)
        diff_column_use_keys(c, s, t, p->using_expr->sql, creating);
    if (p->check_expr)
        diff_column_use_keys(c, s, t, p->check_expr->sql, creating);
}

/* Does the policy read a column that gets ALTER COLUMN ... TYPE? PostgreSQL refuses the
 * change while the policy exists: it is dropped before and created again after. */
static bool
reads_retyped(const DiffCtx *c, const CatTable *f, const CatPolicy *p)
{
    for (uint32_t i = 0; i < f->ncolumns; i++)
        if (diff_column_retyped(c, f, f->columns[i].name) &&
            ((p->using_expr && diff_expr_mentions(p->using_expr->sql, f->columns[i].name)) ||
             (p->check_expr && diff_expr_mentions(p->check_expr->sql, f->columns[i].name))))
            return true;
    return false;
}

static uint32_t
policy_step(DiffCtx *c, DiffStepKind kind, uint32_t ch, const CatTable *t, const CatPolicy *p)
{
    uint32_t s = diff_step_new(c, kind, ch);
    c->steps[s].table = t;
    c->steps[s].policy = p;
    KeyRole role = kind == DIFF_DROP_POLICY ? KEY_RELEASES : KEY_NEEDS;
    diff_step_key(c, s, role, "t" SEP "%s" SEP "%s", t->obj.schema, t->obj.name);
    /* the functions its expressions call, on the side the step reads */
    const Catalog *cat = kind == DIFF_DROP_POLICY ? c->from : c->to;
    if (p->using_expr)
        diff_call_keys(c, s, role, cat, p->using_expr->sql);
    if (p->check_expr)
        diff_call_keys(c, s, role, cat, p->check_expr->sql);
    /* the columns they read: a dropped policy goes before their drop or retyping, a new
     * one comes after their creation or retyping */
    if (kind != DIFF_ALTER_POLICY)
        policy_column_keys(c, s, t, p, kind == DIFF_CREATE_POLICY);
    return s;
}

/* Only the comment changed: COMMENT ON POLICY (emit.c's comment_target). */
static void
policy_comment(DiffCtx *c, const CatTable *t, const CatPolicy *p)
{
    uint32_t ch =
        diff_change_new(c, DIFF_OP_ALTER, DIFF_OBJ_POLICY, t->obj.schema, t->obj.name, p->name);
    uint32_t s = diff_comment_step(c, ch, DIFF_OBJ_POLICY, p->comment);
    c->steps[s].obj = &t->obj;
    c->steps[s].table = t;
    c->steps[s].policy = p;
    diff_step_key(c, s, KEY_NEEDS, "t" SEP "%s" SEP "%s", t->obj.schema, t->obj.name);
}

static void
policies(DiffCtx *c, const CatTable *f, const CatTable *t)
{
    const char *sc = t->obj.schema, *tn = t->obj.name;
    for (uint32_t i = 0; f && i < f->npolicies; i++) {
        const CatPolicy *fp = &f->policies[i];
        const CatPolicy *tp = find_policy(t, fp->name);
        /* ALTER POLICY can change roles and expressions but not remove an expression */
        /* nor outlive a function its expressions call that is dropped */
        bool alterable = tp && tp->cmd == fp->cmd && tp->permissive == fp->permissive &&
                         (tp->using_expr || !fp->using_expr) &&
                         (tp->check_expr || !fp->check_expr) &&
                         !diff_calls_gone_function(c, fp->using_expr) &&
                         !diff_calls_gone_function(c, fp->check_expr) && !reads_retyped(c, f, fp);
        if (alterable) {
            if (roles_eq(fp, tp) && expr_eq(fp->using_expr, tp->using_expr) &&
                expr_eq(fp->check_expr, tp->check_expr)) {
                if (!ag_streq(fp->comment, tp->comment))
                    policy_comment(c, t, tp);
                continue;
            }
            uint32_t ch = diff_change_new(c, DIFF_OP_ALTER, DIFF_OBJ_POLICY, sc, tn, fp->name);
            uint32_t s = policy_step(c, DIFF_ALTER_POLICY, ch, t, tp);
            c->steps[s].old_policy = fp;
            /* stops reading the old columns (before they go), reads the new ones */
            policy_column_keys(c, s, f, fp, false);
            policy_column_keys(c, s, t, tp, true);
            continue;
        }
        uint32_t ch = diff_change_new(c, tp ? DIFF_OP_ALTER : DIFF_OP_DROP, DIFF_OBJ_POLICY, sc, tn,
                                      fp->name);
        c->changes[ch].recreated = tp != NULL;
        uint32_t d = policy_step(c, DIFF_DROP_POLICY, ch, f, fp);
        if (tp)
            diff_step_after(c, d, policy_step(c, DIFF_CREATE_POLICY, ch, t, tp));
    }
    for (uint32_t i = 0; i < t->npolicies; i++) {
        const CatPolicy *tp = &t->policies[i];
        if (find_policy(f, tp->name))
            continue;
        uint32_t ch = diff_change_new(c, DIFF_OP_CREATE, DIFF_OBJ_POLICY, sc, tn, tp->name);
        policy_step(c, DIFF_CREATE_POLICY, ch, t, tp);
    }
}

void
diff_partitions_rls(DiffCtx *c)
{
    for (uint32_t i = 0; i < c->to->nobjects; i++) {
        const CatTable *t = (const CatTable *) c->to->objects[i];
        if (t->obj.kind != CAT_TABLE)
            continue;
        const CatTable *f = cat_table_find(c->from, t->obj.schema, t->obj.name);
        if (f && diff_partition_recreate(f, t))
            f = NULL; /* created anew by table.c */
        if (f)
            attach_detach(c, f, t);
        bool rls_from = f && f->rls_enabled, force_from = f && f->rls_forced;
        if (rls_from != t->rls_enabled || force_from != t->rls_forced) {
            uint32_t ch = diff_change_new(c, DIFF_OP_ALTER, DIFF_OBJ_TABLE, t->obj.schema,
                                          t->obj.name, NULL);
            uint32_t s = diff_step_new(c, DIFF_SET_RLS, ch);
            c->steps[s].table = t;
            c->steps[s].obj = &t->obj;
            c->steps[s].old_obj = f ? &f->obj : NULL;
            diff_step_key(c, s, KEY_NEEDS, "t" SEP "%s" SEP "%s", t->obj.schema, t->obj.name);
        }
        policies(c, f, t);
    }
}

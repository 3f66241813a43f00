/*
 * diff/grant.c: GRANT / REVOKE steps for the privileges of tables, views, sequences,
 * functions and schemas (CatObject.grants, opt-in). Each object present on the `to` side
 * compares its list with its `from` counterpart's, or with nothing when there is none or
 * the diff drops it (a new or recreated object starts with the default ACL). Entries
 * that go are revoked before those that come are granted; both after the object exists.
 * Dropped objects need nothing. A new object's grants join its CREATE change; else one
 * ALTER change per object whose grants differ.
 */
#include <string.h>

#include "diff/internal.h"

#define SEP "\x1f"

static DiffObjKind
obj_kind(CatKind k)
{
    switch (k) {
    case CAT_SCHEMA:
        return DIFF_OBJ_SCHEMA;
    case CAT_SEQUENCE:
        return DIFF_OBJ_SEQUENCE;
    case CAT_FUNCTION:
        return DIFF_OBJ_FUNCTION;
    case CAT_VIEW:
        return DIFF_OBJ_VIEW;
    case CAT_TABLE:
    case CAT_EXTENSION:
    case CAT_ENUM:
    case CAT_INDEX:
    case CAT_DOMAIN:
    case CAT_COMPOSITE:
    case CAT_KIND_COUNT:
        break;
    }
    return DIFF_OBJ_TABLE;
}

static bool
has_grants_kind(CatKind k)
{
    return k == CAT_SCHEMA || k == CAT_SEQUENCE || k == CAT_FUNCTION || k == CAT_VIEW ||
           k == CAT_TABLE;
}

/* The steps of this diff that drop an object with privileges, collected once. */
typedef struct Drops {
    uint32_t *steps;
    uint32_t n;
} Drops;

static Drops
drop_steps(DiffCtx *c)
{
    Drops d = {ag_arena_alloc(&c->scratch, sizeof(uint32_t) * (c->nsteps + 1)), 0};
    for (uint32_t i = 0; i < c->nsteps; i++) {
        DiffStepKind k = c->steps[i].kind;
        if (k == DIFF_DROP_TABLE || k == DIFF_DROP_VIEW || k == DIFF_DROP_SEQUENCE ||
            k == DIFF_DROP_FUNCTION || k == DIFF_DROP_SCHEMA)
            d.steps[d.n++] = i;
    }
    return d;
}

/* Does a step of this diff drop the from-side object o (so its grants are gone)? */
static bool
dropped(const DiffCtx *c, const Drops *d, const CatObject *o)
{
    for (uint32_t i = 0; i < d->n; i++) {
        const DiffStep *st = &c->steps[d->steps[i]];
        if (st->obj == o ||
            (st->obj && st->obj->kind == o->kind && ag_streq(st->obj->schema, o->schema) &&
             strcmp(st->obj->name, o->name) == 0))
            return true;
    }
    return false;
}

static bool
contains(const char *const *v, uint32_t n, const char *s)
{
    for (uint32_t i = 0; i < n; i++)
        if (strcmp(v[i], s) == 0)
            return true;
    return false;
}

static void
object_key(DiffCtx *c, uint32_t s, const CatObject *t)
{
    switch (t->kind) {
    case CAT_SCHEMA:
        diff_step_key(c, s, KEY_NEEDS, "s" SEP "%s", t->name);
        break;
    case CAT_FUNCTION:
        diff_step_key(c, s, KEY_NEEDS, "f" SEP "%s" SEP "%s", t->schema,
                      ((const CatFunction *) t)->fname);
        break;
    case CAT_TABLE:
    case CAT_VIEW:
    case CAT_SEQUENCE:
    case CAT_EXTENSION:
    case CAT_ENUM:
    case CAT_INDEX:
    case CAT_DOMAIN:
    case CAT_COMPOSITE:
    case CAT_KIND_COUNT:
        diff_step_key(c, s, KEY_NEEDS, "r" SEP "%s" SEP "%s", t->schema, t->name);
        break;
    }
}

/* The change that creates t, so a new object's grants sit on its own line. */
static uint32_t
created_change(const DiffCtx *c, const CatObject *t)
{
    DiffObjKind k = obj_kind(t->kind);
    for (uint32_t i = 0; i < c->nchanges; i++) {
        const DiffChange *ch = &c->changes[i];
        if (ch->op == DIFF_OP_CREATE && ch->kind == k && !ch->sub &&
            ag_streq(ch->schema, t->schema) && ag_streq(ch->name, t->name))
            return i;
    }
    return UINT32_MAX;
}

void
diff_grants(DiffCtx *c)
{
    Drops drops = drop_steps(c);
    for (uint32_t i = 0; i < c->to->nobjects; i++) {
        const CatObject *t = c->to->objects[i];
        if (!has_grants_kind(t->kind))
            continue;
        const CatObject *f = cat_find(c->from, t->kind, t->schema, t->name);
        const char *const *fg = NULL;
        uint32_t nf = 0;
        if (f && f->ngrants && !dropped(c, &drops, f)) {
            fg = f->grants;
            nf = f->ngrants;
        }
        uint32_t ch = UINT32_MAX, prev = UINT32_MAX;
        for (int pass = 0; pass < 2; pass++) {
            /* pass 0: entries of from that go; pass 1: entries of to that come */
            const char *const *v = pass ? t->grants : fg;
            uint32_t n = pass ? t->ngrants : nf;
            const char *const *other = pass ? fg : t->grants;
            uint32_t nother = pass ? nf : t->ngrants;
            for (uint32_t k = 0; k < n; k++) {
                if (contains(other, nother, v[k]))
                    continue;
                if (ch == UINT32_MAX && !f)
                    ch = created_change(c, t);
                if (ch == UINT32_MAX) {
                    ch = diff_change_new(c, DIFF_OP_ALTER, obj_kind(t->kind), t->schema, t->name,
                                         NULL);
                    c->changes[ch].from_obj = f;
                    c->changes[ch].to_obj = t;
                }
                uint32_t s = diff_step_new(c, DIFF_GRANT, ch);
                c->steps[s].schema = t->schema;
                c->steps[s].name = t->name;
                c->steps[s].obj = t;
                c->steps[s].grant = v[k];
                c->steps[s].revoke = pass == 0;
                object_key(c, s, t);
                if (prev != UINT32_MAX)
                    diff_step_after(c, prev, s);
                prev = s;
            }
        }
    }
}

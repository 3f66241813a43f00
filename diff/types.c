/*
 * diff/types.c: domains and composite types. Creates and drops; a domain's default, NOT
 * NULL and CHECK constraints altered in place (a new or changed CHECK is added NOT VALID
 * and then validated, so the check of existing rows runs under a weaker lock); a domain
 * whose base type or collation changes is replaced by a swap as enums are (rename the old
 * one away, create the new one, convert the columns in table.c, drop the old one);
 * composite attributes added, dropped and retyped in place, or, when columns use the type
 * and attribute types change, swapped like a domain (columns converted through text; the
 * attributes that go or come are dropped or added in place first, so that old and new
 * line up); the type recreated when the attribute order cannot be reached otherwise.
 * What uses a swapped type moves with it: a domain over it and a composite with an
 * attribute of it are swapped as well (dependent_swaps, transitively), functions naming
 * it in their signature are dropped and created again (function.c), table columns are
 * converted and their defaults, constraints, indexes and views follow (table.c, view.c).
 * Dependency keys follow the enums' (internal.h): "y"/"yn" provided by a creation, "yo"
 * removed by a drop, so columns and other types using one are ordered around it.
 * Not here: SQL (emit/types.c), the columns of a swapped domain (table.c).
 * TODO: a composite recreated for its attribute order while columns use it fails at DROP
 *       TYPE (no conversion by attribute name yet); so does a type swapped while a
 *       table's row type or a typed table (OF type) uses it.
 */
#include <string.h>

#include "diff/internal.h"

#define SEP  "\x1f"
#define NONE UINT32_MAX

static bool
expr_eq(const CatExpr *a, const CatExpr *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a->canon, b->canon) == 0;
}

static bool
same_collation(const char *ca, const char *sa, const char *cb, const char *sb)
{
    return ag_streq(ca, cb) && ag_streq(sa, sb);
}

/* The creation needs the user type named by type (an enum, domain or composite). */
static void
type_key(DiffCtx *c, uint32_t s, KeyRole role, const char *type, bool old_side)
{
    const char *ts, *tn;
    if (diff_type_ref(&c->scratch, type, &ts, &tn, NULL))
        diff_step_key(c, s, role, "%s" SEP "%s" SEP "%s", old_side ? "yo" : "y", ts, tn);
}

static void
provide_type(DiffCtx *c, uint32_t s, const CatObject *o)
{
    diff_step_key(c, s, KEY_PROVIDES, "y" SEP "%s" SEP "%s", o->schema, o->name);
    diff_step_key(c, s, KEY_PROVIDES, "yn" SEP "%s" SEP "%s", o->schema, o->name);
    diff_step_key(c, s, KEY_NEEDS, "s" SEP "%s", o->schema);
}

static void
comment_step(DiffCtx *c, uint32_t ch, uint32_t after, const CatObject *t, const char *text)
{
    uint32_t s = diff_comment_step(c, ch, DIFF_OBJ_TYPE, text);
    c->steps[s].obj = t;
    if (after != NONE)
        diff_step_after(c, after, s);
}

/* ---- domains ------------------------------------------------------------------------ */

static const CatConstraint *
domain_con(const CatDomain *d, const char *name)
{
    for (uint32_t i = 0; i < d->nconstraints; i++)
        if (strcmp(d->constraints[i].name, name) == 0)
            return &d->constraints[i];
    return NULL;
}

static bool
domain_needs_swap(const CatDomain *f, const CatDomain *t)
{
    return strcmp(f->type, t->type) != 0 ||
           !same_collation(f->collation, f->collation_schema, t->collation, t->collation_schema);
}

/* Does a column of a table of `from` have this type (or an array of it)? */
static bool
type_used_by_columns(DiffCtx *c, const CatObject *o)
{
    for (uint32_t i = 0; i < c->from->nobjects; i++) {
        const CatTable *tb = (const CatTable *) c->from->objects[i];
        if (tb->obj.kind != CAT_TABLE)
            continue;
        for (uint32_t k = 0; k < tb->ncolumns; k++) {
            const char *ts, *tn;
            if (diff_type_ref(&c->scratch, tb->columns[k].type, &ts, &tn, NULL) &&
                strcmp(ts, o->schema) == 0 && strcmp(tn, o->name) == 0)
                return true;
        }
    }
    return false;
}

static const CatColumn *
attr_find(const CatComposite *ct, const char *name)
{
    for (uint32_t i = 0; i < ct->nattrs; i++)
        if (strcmp(ct->attrs[i].name, name) == 0)
            return &ct->attrs[i];
    return NULL;
}

/* Can drops and appends reach t's attribute order from f's? The attributes f and t
 * share must come first in t, in f's order; the new ones after them. */
static bool
attrs_reachable(const CatComposite *f, const CatComposite *t)
{
    uint32_t k = 0;
    for (uint32_t i = 0; i < f->nattrs; i++) {
        if (!attr_find(t, f->attrs[i].name))
            continue;
        if (k >= t->nattrs || strcmp(t->attrs[k].name, f->attrs[i].name) != 0)
            return false;
        k++;
    }
    for (; k < t->nattrs; k++)
        if (attr_find(f, t->attrs[k].name))
            return false;
    return true;
}

/* PostgreSQL refuses ALTER ATTRIBUTE ... TYPE on a composite type that a column uses.
 * When attribute types or collations change and drops and appends reach the new order,
 * the type is swapped instead and its columns converted through text, which maps
 * attributes by position: composite_alter first drops and appends attributes in place
 * on the old type (PostgreSQL allows that on a used type), so that both line up. Other
 * changes stay in place or recreate the type. */
static bool
composite_needs_swap(DiffCtx *c, const CatComposite *f, const CatComposite *t)
{
    if (!attrs_reachable(f, t))
        return false;
    bool retyped = false;
    for (uint32_t i = 0; i < t->nattrs; i++) {
        const CatColumn *b = &t->attrs[i];
        const CatColumn *a = attr_find(f, b->name);
        retyped = retyped || (a && (strcmp(a->type, b->type) != 0 ||
                                    !same_collation(a->collation, a->collation_schema, b->collation,
                                                    b->collation_schema)));
    }
    return retyped && type_used_by_columns(c, &f->obj);
}

/* Is schema.name one of the swaps in v ("schema\x1fname")? */
static bool
in_swaps(const AgVec *v, const char *schema, const char *name)
{
    size_t sl = strlen(schema);
    for (size_t i = 0; i < v->len; i++) {
        const char *k = v->items[i];
        if (strncmp(k, schema, sl) == 0 && k[sl] == '\x1f' && strcmp(k + sl + 1, name) == 0)
            return true;
    }
    return false;
}

/* Is type ("schema.name" or "schema.name[]") one of the swaps in v? */
static bool
type_in_swaps(DiffCtx *c, const AgVec *v, const char *type)
{
    const char *ts, *tn;
    return type && diff_type_ref(&c->scratch, type, &ts, &tn, NULL) && in_swaps(v, ts, tn);
}

/* A domain over a swapped type, or a composite with an attribute of one, keeps the old
 * type alive (PostgreSQL refuses its DROP) and cannot be moved to the new one in place
 * (ALTER DOMAIN has no SET DATA TYPE; ALTER ATTRIBUTE TYPE fails on a used composite):
 * it is swapped too, and so on up. Pushes each onto v, which holds the swaps so far. */
static void
dependent_swaps(DiffCtx *c, AgVec *v)
{
    for (bool grew = true; grew;) {
        grew = false;
        for (uint32_t i = 0; i < c->from->nobjects; i++) {
            const CatObject *o = c->from->objects[i];
            if (o->kind != CAT_DOMAIN && o->kind != CAT_COMPOSITE)
                continue;
            const CatObject *t = cat_find(c->to, o->kind, o->schema, o->name);
            if (!t || in_swaps(v, o->schema, o->name))
                continue; /* dropped, or a swap already */
            bool uses = false;
            if (o->kind == CAT_DOMAIN) {
                uses = type_in_swaps(c, v, ((const CatDomain *) o)->type);
            } else {
                const CatComposite *f = (const CatComposite *) o;
                for (uint32_t k = 0; k < f->nattrs && !uses; k++)
                    uses = type_in_swaps(c, v, f->attrs[k].type);
                uses = uses && attrs_reachable(f, (const CatComposite *) t);
            }
            if (uses) {
                ag_vec_push(
                    v, (void *) ag_arena_printf(&c->scratch, "%s" SEP "%s", o->schema, o->name));
                grew = true;
            }
        }
    }
}

void
diff_domain_swaps(DiffCtx *c, AgVec *v)
{
    for (uint32_t i = 0; i < c->to->nobjects; i++) {
        const CatDomain *t = (const CatDomain *) c->to->objects[i];
        if (t->obj.kind != CAT_DOMAIN)
            continue;
        const CatDomain *f =
            (const CatDomain *) cat_find(c->from, CAT_DOMAIN, t->obj.schema, t->obj.name);
        if (f && domain_needs_swap(f, t))
            ag_vec_push(v, ag_arena_printf(&c->scratch, "%s" SEP "%s", t->obj.schema, t->obj.name));
    }
    for (uint32_t i = 0; i < c->to->nobjects; i++) {
        const CatComposite *t = (const CatComposite *) c->to->objects[i];
        if (t->obj.kind != CAT_COMPOSITE)
            continue;
        const CatComposite *f =
            (const CatComposite *) cat_find(c->from, CAT_COMPOSITE, t->obj.schema, t->obj.name);
        if (f && composite_needs_swap(c, f, t))
            ag_vec_push(v, ag_arena_printf(&c->scratch, "%s" SEP "%s", t->obj.schema, t->obj.name));
    }
    dependent_swaps(c, v);
}

static uint32_t
domain_step(DiffCtx *c, uint32_t ch, const CatDomain *t, const CatDomain *f, DiffTypeAlter what,
            const CatConstraint *con, uint32_t *prev)
{
    uint32_t s = diff_step_new(c, DIFF_ALTER_DOMAIN, ch);
    c->steps[s].obj = &t->obj;
    c->steps[s].old_obj = f ? &f->obj : NULL;
    c->steps[s].type_alter = what;
    c->steps[s].con = con;
    diff_step_key(c, s, KEY_NEEDS, "y" SEP "%s" SEP "%s", t->obj.schema, t->obj.name);
    if (prev) {
        if (*prev != NONE)
            diff_step_after(c, *prev, s);
        *prev = s;
    }
    return s;
}

/* A CHECK added to an existing domain: NOT VALID, then VALIDATE unless the model keeps
 * it NOT VALID. On a new domain the same two steps follow CREATE DOMAIN. */
static void
domain_add_check(DiffCtx *c, uint32_t ch, const CatDomain *t, const CatConstraint *k,
                 uint32_t *prev)
{
    uint32_t s = domain_step(c, ch, t, NULL, DIFF_TA_ADD_CONSTRAINT, k, prev);
    c->steps[s].not_valid = true;
    diff_step_key(c, s, KEY_PROVIDES, "dk" SEP "%s" SEP "%s" SEP "%s", t->obj.schema, t->obj.name,
                  k->name);
    if (!k->not_valid)
        domain_step(c, ch, t, NULL, DIFF_TA_VALIDATE_CONSTRAINT, k, prev);
    if (k->comment) {
        uint32_t cs = domain_step(c, ch, t, NULL, DIFF_TA_COMMENT_CONSTRAINT, k, prev);
        c->steps[cs].comment = k->comment;
    }
}

/* CREATE DOMAIN with its valid CHECKs inline; NOT VALID ones and comments after. */
static uint32_t
domain_create(DiffCtx *c, uint32_t ch, const CatDomain *t, uint32_t after)
{
    uint32_t s = diff_step_new(c, DIFF_CREATE_DOMAIN, ch);
    c->steps[s].obj = &t->obj;
    provide_type(c, s, &t->obj);
    type_key(c, s, KEY_NEEDS, t->type, false);
    if (after != NONE)
        diff_step_after(c, after, s);
    uint32_t prev = s;
    for (uint32_t i = 0; i < t->nconstraints; i++) {
        const CatConstraint *k = &t->constraints[i];
        if (k->not_valid) {
            domain_add_check(c, ch, t, k, &prev);
        } else if (k->comment) {
            uint32_t cs = domain_step(c, ch, t, NULL, DIFF_TA_COMMENT_CONSTRAINT, k, &prev);
            c->steps[cs].comment = k->comment;
        }
    }
    if (t->obj.comment)
        comment_step(c, ch, s, &t->obj, t->obj.comment);
    return s;
}

static uint32_t
domain_drop(DiffCtx *c, uint32_t ch, const CatDomain *f, const char *temp)
{
    uint32_t s = diff_step_new(c, DIFF_DROP_DOMAIN, ch);
    c->steps[s].obj = &f->obj;
    c->steps[s].temp_name = temp;
    diff_step_key(c, s, KEY_REMOVES, "yo" SEP "%s" SEP "%s", f->obj.schema, f->obj.name);
    diff_step_key(c, s, KEY_RELEASES, "s" SEP "%s", f->obj.schema);
    type_key(c, s, KEY_RELEASES, f->type, true);
    return s;
}

static bool
type_name_taken(const Catalog *cat, const char *schema, const char *name)
{
    return cat_find(cat, CAT_DOMAIN, schema, name) || cat_find(cat, CAT_ENUM, schema, name) ||
           cat_find(cat, CAT_COMPOSITE, schema, name) || cat_find(cat, CAT_TABLE, schema, name);
}

/* The name the old domain or composite takes during a swap: name__old, lengthened until
 * free. */
static const char *
swap_temp_name(DiffCtx *c, const CatObject *o)
{
    AgBuf b;
    ag_buf_init(&b);
    ag_buf_printf(&b, "%s__old", o->name);
    while (type_name_taken(c->from, o->schema, ag_buf_cstr(&b)) ||
           type_name_taken(c->to, o->schema, ag_buf_cstr(&b))) {
        b.len -= 3;
        ag_buf_puts(&b, "_old");
    }
    const char *r = ag_arena_strdup(c->arena, ag_buf_cstr(&b));
    ag_buf_free(&b);
    return r;
}

static void
domain_alter(DiffCtx *c, const CatDomain *f, const CatDomain *t)
{
    bool swap = diff_enum_swapped(c, t->obj.schema, t->obj.name);
    bool default_changed = !expr_eq(f->default_expr, t->default_expr);
    bool cons_changed = f->nconstraints != t->nconstraints;
    for (uint32_t i = 0; i < t->nconstraints && !cons_changed; i++) {
        const CatConstraint *tk = &t->constraints[i];
        const CatConstraint *fk = domain_con(f, tk->name);
        cons_changed = !fk || !expr_eq(fk->check, tk->check) || fk->not_valid != tk->not_valid ||
                       !ag_streq(fk->comment, tk->comment);
    }
    if (!swap && !default_changed && !cons_changed && f->not_null == t->not_null) {
        if (!ag_streq(f->obj.comment, t->obj.comment)) {
            uint32_t ch =
                diff_change_new(c, DIFF_OP_ALTER, DIFF_OBJ_TYPE, t->obj.schema, t->obj.name, NULL);
            c->changes[ch].from_obj = &f->obj;
            c->changes[ch].to_obj = &t->obj;
            comment_step(c, ch, NONE, &t->obj, t->obj.comment);
        }
        return;
    }
    uint32_t ch =
        diff_change_new(c, DIFF_OP_ALTER, DIFF_OBJ_TYPE, t->obj.schema, t->obj.name, NULL);
    c->changes[ch].from_obj = &f->obj;
    c->changes[ch].to_obj = &t->obj;
    if (swap) {
        /* Rename the old one away, create the new one, table.c converts the columns
         * (USING col::text::type), then the old one goes. */
        c->changes[ch].recreated = true;
        const char *temp = swap_temp_name(c, &f->obj);
        uint32_t r = diff_step_new(c, DIFF_ALTER_DOMAIN, ch);
        c->steps[r].obj = &f->obj;
        c->steps[r].type_alter = DIFF_TA_RENAME;
        c->steps[r].temp_name = temp;
        diff_step_key(c, r, KEY_REMOVES, "yn" SEP "%s" SEP "%s", f->obj.schema, f->obj.name);
        domain_create(c, ch, t, r);
        uint32_t d = domain_drop(c, ch, f, temp);
        diff_step_after(c, r, d);
        return;
    }
    uint32_t prev = NONE;
    /* Constraints that go or change first, so that a new one may take the name. */
    for (uint32_t i = 0; i < f->nconstraints; i++) {
        const CatConstraint *fk = &f->constraints[i];
        const CatConstraint *tk = domain_con(t, fk->name);
        if (tk && expr_eq(fk->check, tk->check) && !(!fk->not_valid && tk->not_valid))
            continue;
        uint32_t s = domain_step(c, ch, t, f, DIFF_TA_DROP_CONSTRAINT, fk, &prev);
        diff_step_key(c, s, KEY_REMOVES, "dk" SEP "%s" SEP "%s" SEP "%s", t->obj.schema,
                      t->obj.name, fk->name);
    }
    if (default_changed)
        domain_step(c, ch, t, f, t->default_expr ? DIFF_TA_SET_DEFAULT : DIFF_TA_DROP_DEFAULT, NULL,
                    &prev);
    if (f->not_null && !t->not_null)
        domain_step(c, ch, t, f, DIFF_TA_DROP_NOT_NULL, NULL, &prev);
    for (uint32_t i = 0; i < t->nconstraints; i++) {
        const CatConstraint *tk = &t->constraints[i];
        const CatConstraint *fk = domain_con(f, tk->name);
        bool kept = fk && expr_eq(fk->check, tk->check) && !(!fk->not_valid && tk->not_valid);
        if (!kept) {
            domain_add_check(c, ch, t, tk, &prev);
            continue;
        }
        if (fk->not_valid && !tk->not_valid)
            domain_step(c, ch, t, f, DIFF_TA_VALIDATE_CONSTRAINT, tk, &prev);
        if (!ag_streq(fk->comment, tk->comment)) {
            uint32_t s = domain_step(c, ch, t, f, DIFF_TA_COMMENT_CONSTRAINT, tk, &prev);
            c->steps[s].comment = tk->comment;
        }
    }
    if (!f->not_null && t->not_null)
        domain_step(c, ch, t, f, DIFF_TA_SET_NOT_NULL, NULL, &prev);
    if (!ag_streq(f->obj.comment, t->obj.comment))
        comment_step(c, ch, prev, &t->obj, t->obj.comment);
}

void
diff_domains(DiffCtx *c)
{
    for (uint32_t i = 0; i < c->to->nobjects; i++) {
        const CatDomain *t = (const CatDomain *) c->to->objects[i];
        if (t->obj.kind != CAT_DOMAIN)
            continue;
        const CatDomain *f =
            (const CatDomain *) cat_find(c->from, CAT_DOMAIN, t->obj.schema, t->obj.name);
        if (f) {
            domain_alter(c, f, t);
            continue;
        }
        uint32_t ch =
            diff_change_new(c, DIFF_OP_CREATE, DIFF_OBJ_TYPE, t->obj.schema, t->obj.name, NULL);
        c->changes[ch].to_obj = &t->obj;
        domain_create(c, ch, t, NONE);
    }
    for (uint32_t i = 0; i < c->from->nobjects; i++) {
        const CatDomain *f = (const CatDomain *) c->from->objects[i];
        if (f->obj.kind != CAT_DOMAIN || cat_find(c->to, CAT_DOMAIN, f->obj.schema, f->obj.name))
            continue;
        uint32_t ch =
            diff_change_new(c, DIFF_OP_DROP, DIFF_OBJ_TYPE, f->obj.schema, f->obj.name, NULL);
        c->changes[ch].from_obj = &f->obj;
        domain_drop(c, ch, f, NULL);
    }
}

/* ---- composite types ---------------------------------------------------------------- */

static uint32_t
composite_create(DiffCtx *c, uint32_t ch, const CatComposite *t, uint32_t after)
{
    uint32_t s = diff_step_new(c, DIFF_CREATE_COMPOSITE, ch);
    c->steps[s].obj = &t->obj;
    provide_type(c, s, &t->obj);
    diff_step_key(c, s, KEY_PROVIDES, "r" SEP "%s" SEP "%s", t->obj.schema, t->obj.name);
    for (uint32_t i = 0; i < t->nattrs; i++)
        type_key(c, s, KEY_NEEDS, t->attrs[i].type, false);
    if (after != NONE)
        diff_step_after(c, after, s);
    if (t->obj.comment)
        comment_step(c, ch, s, &t->obj, t->obj.comment);
    for (uint32_t i = 0; i < t->nattrs; i++) {
        if (!t->attrs[i].comment)
            continue;
        uint32_t cs = diff_step_new(c, DIFF_ALTER_COMPOSITE, ch);
        c->steps[cs].obj = &t->obj;
        c->steps[cs].type_alter = DIFF_TA_COMMENT_ATTRIBUTE;
        c->steps[cs].column = &t->attrs[i];
        c->steps[cs].comment = t->attrs[i].comment;
        diff_step_after(c, s, cs);
    }
    return s;
}

static uint32_t
composite_drop(DiffCtx *c, uint32_t ch, const CatComposite *f, const char *temp)
{
    uint32_t s = diff_step_new(c, DIFF_DROP_COMPOSITE, ch);
    c->steps[s].obj = &f->obj;
    c->steps[s].temp_name = temp;
    diff_step_key(c, s, KEY_REMOVES, "yo" SEP "%s" SEP "%s", f->obj.schema, f->obj.name);
    if (!temp) /* after a swap the name went with the rename */
        diff_step_key(c, s, KEY_REMOVES, "r" SEP "%s" SEP "%s", f->obj.schema, f->obj.name);
    diff_step_key(c, s, KEY_RELEASES, "s" SEP "%s", f->obj.schema);
    for (uint32_t i = 0; i < f->nattrs; i++)
        type_key(c, s, KEY_RELEASES, f->attrs[i].type, true);
    return s;
}

static uint32_t
attr_step(DiffCtx *c, uint32_t ch, const CatComposite *t, DiffTypeAlter what, const CatColumn *col,
          const CatColumn *old, bool on_old, uint32_t *prev)
{
    uint32_t s = diff_step_new(c, DIFF_ALTER_COMPOSITE, ch);
    c->steps[s].obj = &t->obj;
    c->steps[s].type_alter = what;
    c->steps[s].column = col;
    c->steps[s].old_column = old;
    if (!on_old) /* the old type before its swap: edges order it (composite_alter) */
        diff_step_key(c, s, KEY_NEEDS, "y" SEP "%s" SEP "%s", t->obj.schema, t->obj.name);
    if (col && what != DIFF_TA_COMMENT_ATTRIBUTE)
        type_key(c, s, KEY_NEEDS, col->type, false);
    if (old && what != DIFF_TA_COMMENT_ATTRIBUTE)
        type_key(c, s, KEY_RELEASES, old->type, true);
    if (*prev != NONE)
        diff_step_after(c, *prev, s);
    *prev = s;
    return s;
}

static void
composite_alter(DiffCtx *c, const CatComposite *f, const CatComposite *t)
{
    bool same = f->nattrs == t->nattrs;
    for (uint32_t i = 0; i < t->nattrs && same; i++) {
        const CatColumn *a = &f->attrs[i], *b = &t->attrs[i];
        same =
            strcmp(a->name, b->name) == 0 && strcmp(a->type, b->type) == 0 &&
            same_collation(a->collation, a->collation_schema, b->collation, b->collation_schema) &&
            ag_streq(a->comment, b->comment);
    }
    bool swap = diff_enum_swapped(c, t->obj.schema, t->obj.name); /* maybe for a type it uses */
    if (same && !swap && ag_streq(f->obj.comment, t->obj.comment))
        return;
    uint32_t ch =
        diff_change_new(c, DIFF_OP_ALTER, DIFF_OBJ_TYPE, t->obj.schema, t->obj.name, NULL);
    c->changes[ch].from_obj = &f->obj;
    c->changes[ch].to_obj = &t->obj;
    if (swap) {
        /* Attributes that go, and new ones, first in place on the old type (a used
         * type allows that), so that old and new line up for the conversion through
         * text; then rename the old one away, create the new one, table.c converts the
         * columns (USING col::text::type), and the old one goes. */
        c->changes[ch].recreated = true;
        uint32_t prev = NONE;
        for (uint32_t i = 0; i < f->nattrs; i++)
            if (!attr_find(t, f->attrs[i].name)) {
                uint32_t s =
                    attr_step(c, ch, t, DIFF_TA_DROP_ATTRIBUTE, NULL, &f->attrs[i], true, &prev);
                c->steps[s].hazards |= DIFF_HAZARD_BIT(DIFF_HAZARD_DATA_LOSS);
            }
        for (uint32_t i = 0; i < t->nattrs; i++)
            if (!attr_find(f, t->attrs[i].name))
                attr_step(c, ch, t, DIFF_TA_ADD_ATTRIBUTE, &t->attrs[i], NULL, true, &prev);
        const char *temp = swap_temp_name(c, &f->obj);
        uint32_t r = diff_step_new(c, DIFF_ALTER_COMPOSITE, ch);
        if (prev != NONE)
            diff_step_after(c, prev, r);
        c->steps[r].obj = &f->obj;
        c->steps[r].type_alter = DIFF_TA_RENAME;
        c->steps[r].temp_name = temp;
        diff_step_key(c, r, KEY_REMOVES, "yn" SEP "%s" SEP "%s", f->obj.schema, f->obj.name);
        diff_step_key(c, r, KEY_REMOVES, "r" SEP "%s" SEP "%s", f->obj.schema, f->obj.name);
        composite_create(c, ch, t, r);
        uint32_t d = composite_drop(c, ch, f, temp);
        diff_step_after(c, r, d);
        return;
    }
    if (!attrs_reachable(f, t)) {
        /* The order cannot be reached by ALTER TYPE: drop and create again. */
        c->changes[ch].recreated = true;
        uint32_t d = composite_drop(c, ch, f, NULL);
        c->steps[d].hazards |= DIFF_HAZARD_BIT(DIFF_HAZARD_DATA_LOSS);
        composite_create(c, ch, t, d);
        return;
    }
    uint32_t prev = NONE;
    for (uint32_t i = 0; i < f->nattrs; i++)
        if (!attr_find(t, f->attrs[i].name)) {
            uint32_t s =
                attr_step(c, ch, t, DIFF_TA_DROP_ATTRIBUTE, NULL, &f->attrs[i], false, &prev);
            c->steps[s].hazards |= DIFF_HAZARD_BIT(DIFF_HAZARD_DATA_LOSS);
        }
    for (uint32_t i = 0; i < t->nattrs; i++) {
        const CatColumn *b = &t->attrs[i];
        const CatColumn *a = attr_find(f, b->name);
        if (!a) {
            attr_step(c, ch, t, DIFF_TA_ADD_ATTRIBUTE, b, NULL, false, &prev);
            if (b->comment) {
                uint32_t s = attr_step(c, ch, t, DIFF_TA_COMMENT_ATTRIBUTE, b, NULL, false, &prev);
                c->steps[s].comment = b->comment;
            }
            continue;
        }
        if (strcmp(a->type, b->type) != 0 ||
            !same_collation(a->collation, a->collation_schema, b->collation, b->collation_schema))
            attr_step(c, ch, t, DIFF_TA_ALTER_ATTRIBUTE, b, a, false, &prev);
        if (!ag_streq(a->comment, b->comment)) {
            uint32_t s = attr_step(c, ch, t, DIFF_TA_COMMENT_ATTRIBUTE, b, NULL, false, &prev);
            c->steps[s].comment = b->comment;
        }
    }
    if (!ag_streq(f->obj.comment, t->obj.comment))
        comment_step(c, ch, prev, &t->obj, t->obj.comment);
}

void
diff_composites(DiffCtx *c)
{
    for (uint32_t i = 0; i < c->to->nobjects; i++) {
        const CatComposite *t = (const CatComposite *) c->to->objects[i];
        if (t->obj.kind != CAT_COMPOSITE)
            continue;
        const CatComposite *f =
            (const CatComposite *) cat_find(c->from, CAT_COMPOSITE, t->obj.schema, t->obj.name);
        if (f) {
            composite_alter(c, f, t);
            continue;
        }
        uint32_t ch =
            diff_change_new(c, DIFF_OP_CREATE, DIFF_OBJ_TYPE, t->obj.schema, t->obj.name, NULL);
        c->changes[ch].to_obj = &t->obj;
        composite_create(c, ch, t, NONE);
    }
    for (uint32_t i = 0; i < c->from->nobjects; i++) {
        const CatComposite *f = (const CatComposite *) c->from->objects[i];
        if (f->obj.kind != CAT_COMPOSITE ||
            cat_find(c->to, CAT_COMPOSITE, f->obj.schema, f->obj.name))
            continue;
        uint32_t ch =
            diff_change_new(c, DIFF_OP_DROP, DIFF_OBJ_TYPE, f->obj.schema, f->obj.name, NULL);
        c->changes[ch].from_obj = &f->obj;
        composite_drop(c, ch, f, NULL);
    }
}

/* The type under a domain on side cat, through domains over domains: what a value of
 * the domain is cast as. */
static const char *
domain_base(DiffCtx *c, const Catalog *cat, const CatDomain *d)
{
    const char *type = d->type;
    for (uint32_t depth = 0; depth < 64; depth++) { /* a domain cannot be its own base */
        const char *ts, *tn;
        bool is_array;
        if (!diff_type_ref(&c->scratch, type, &ts, &tn, &is_array) || is_array)
            return type;
        const CatDomain *b = (const CatDomain *) cat_find(cat, CAT_DOMAIN, ts, tn);
        if (!b)
            return type;
        type = b->type;
    }
    return type;
}

void
diff_domain_swap_change(DiffCtx *c, const char *type, TypeChange *tc)
{
    const char *ts, *tn;
    if (!diff_type_ref(&c->scratch, type, &ts, &tn, NULL))
        return;
    if (cat_find(c->from, CAT_COMPOSITE, ts, tn))
        return; /* a composite: through text, attribute by attribute */
    const CatDomain *f = (const CatDomain *) cat_find(c->from, CAT_DOMAIN, ts, tn);
    const CatDomain *t = (const CatDomain *) cat_find(c->to, CAT_DOMAIN, ts, tn);
    if (!f || !t)
        return; /* an enum: through text */
    /* A cast from the old domain goes through its base type: fine between built-in
     * types; a user type under it (an enum, a composite, maybe swapped as well, with no
     * cast to the new one) goes through text. */
    const char *fb = domain_base(c, c->from, f), *tb = domain_base(c, c->to, t);
    const char *s1, *n1;
    if (diff_type_ref(&c->scratch, fb, &s1, &n1, NULL) ||
        diff_type_ref(&c->scratch, tb, &s1, &n1, NULL))
        return;
    *tc = diff_type_change(fb, tb);
    tc->using = DIFF_USING_CAST;
}

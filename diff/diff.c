/*
 * diff/diff.c: diff_catalogs and the objects that stand alone: schemas, extensions, enum
 * types (create, drop, ADD VALUE in place, or the type swap when values go away or move)
 * and sequences (options, OWNED BY). Also the building blocks the other files use to
 * record changes, steps and their dependency keys.
 * Not here: tables and what hangs on them (table.c), ordering (order.c), SQL (emit/).
 */
#include <stdlib.h>
#include <string.h>

#include "diff/internal.h"

#define SEP "\x1f"

static const char *const hazard_names[] = {
    [DIFF_HAZARD_DATA_LOSS] = "data loss",
    [DIFF_HAZARD_REWRITE] = "table rewrite",
    [DIFF_HAZARD_LOCK] = "ACCESS EXCLUSIVE lock",
    [DIFF_HAZARD_INDEX_BUILD] = "index build",
    [DIFF_HAZARD_NEW_ENUM_USED] = "new enum value used in the same transaction",
};
_Static_assert(ARRAY_LEN(hazard_names) == DIFF_HAZARD_COUNT, "name every hazard");

static const char *const obj_kind_names[] = {
    [DIFF_OBJ_SCHEMA] = "schema",
    [DIFF_OBJ_EXTENSION] = "extension",
    [DIFF_OBJ_TYPE] = "type",
    [DIFF_OBJ_SEQUENCE] = "sequence",
    [DIFF_OBJ_TABLE] = "table",
    [DIFF_OBJ_COLUMN] = "column",
    [DIFF_OBJ_CONSTRAINT] = "constraint",
    [DIFF_OBJ_INDEX] = "index",
    [DIFF_OBJ_FUNCTION] = "function",
    [DIFF_OBJ_TRIGGER] = "trigger",
    [DIFF_OBJ_VIEW] = "view",
    [DIFF_OBJ_POLICY] = "policy",
};
_Static_assert(ARRAY_LEN(obj_kind_names) == DIFF_OBJ_COUNT, "name every object kind");

const char *
diff_hazard_name(DiffHazard h)
{
    return hazard_names[h];
}

const char *
diff_obj_kind_name(DiffObjKind k)
{
    return obj_kind_names[k];
}

/* ---- building blocks -------------------------------------------------------- */

uint32_t
diff_change_new(DiffCtx *c, DiffOp op, DiffObjKind kind, const char *schema, const char *name,
                const char *sub)
{
    if (c->nchanges == c->cap_changes) {
        c->cap_changes = c->cap_changes ? c->cap_changes * 2 : 64;
        c->changes = ag_xrealloc(c->changes, sizeof(DiffChange) * c->cap_changes);
    }
    DiffChange *ch = &c->changes[c->nchanges];
    memset(ch, 0, sizeof(*ch));
    ch->op = op;
    ch->kind = kind;
    ch->schema = schema;
    ch->name = name;
    ch->sub = sub;
    return c->nchanges++;
}

uint32_t
diff_step_new(DiffCtx *c, DiffStepKind kind, uint32_t change)
{
    if (c->nsteps == c->cap_steps) {
        c->cap_steps = c->cap_steps ? c->cap_steps * 2 : 128;
        c->steps = ag_xrealloc(c->steps, sizeof(DiffStep) * c->cap_steps);
        c->keys = ag_xrealloc(c->keys, sizeof(StepKeys) * c->cap_steps);
    }
    DiffStep *s = &c->steps[c->nsteps];
    memset(s, 0, sizeof(*s));
    memset(&c->keys[c->nsteps], 0, sizeof(StepKeys));
    s->kind = kind;
    s->change = change;
    s->schema = c->changes[change].schema;
    s->name = c->changes[change].name;
    return c->nsteps++;
}

void
diff_step_key(DiffCtx *c, uint32_t step, KeyRole role, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    AgBuf b;
    ag_buf_init(&b);
    ag_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    StepKeys *k = &c->keys[step];
    uint32_t n = k->nkeys[role];
    if (n == 0 || (n & (n - 1)) == 0) {
        const char **keys = ag_arena_alloc(&c->scratch, sizeof(char *) * (n ? n * 2 : 4));
        if (n)
            memcpy(keys, k->keys[role], sizeof(char *) * n);
        k->keys[role] = keys;
    }
    k->keys[role][n] = ag_arena_strdup(&c->scratch, ag_buf_cstr(&b));
    k->nkeys[role] = n + 1;
    ag_buf_free(&b);
}

void
diff_step_after(DiffCtx *c, uint32_t before, uint32_t after)
{
    if (c->nedges == c->cap_edges) {
        c->cap_edges = c->cap_edges ? c->cap_edges * 2 : 64;
        c->edges = ag_xrealloc(c->edges, sizeof(Edge) * c->cap_edges);
    }
    c->edges[c->nedges++] = (Edge){before, after};
}

uint32_t
diff_comment_step(DiffCtx *c, uint32_t change, DiffObjKind target, const char *comment)
{
    uint32_t s = diff_step_new(c, DIFF_COMMENT, change);
    c->steps[s].target = target;
    c->steps[s].comment = comment;
    return s;
}

static int
cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

bool
diff_table_has_rows(const DiffCtx *c, const char *schema, const char *name)
{
    if (!cat_table_find(c->from, schema, name))
        return false; /* created by this changeset: empty */
    if (!c->opts.rows_known)
        return true;
    if (c->opts.table_has_rows)
        return c->opts.table_has_rows(schema, name, c->opts.rows_ctx);
    if (!c->opts.nonempty_tables || !c->opts.nnonempty_tables)
        return false;
    AgBuf b;
    ag_buf_init(&b);
    ag_buf_printf(&b, "%s.%s", schema, name);
    const char *key = ag_buf_cstr(&b);
    bool found = bsearch(&key, c->opts.nonempty_tables, c->opts.nnonempty_tables, sizeof(char *),
                         cmp_cstr) != NULL;
    ag_buf_free(&b);
    return found;
}

bool
diff_enum_swapped(const DiffCtx *c, const char *schema, const char *name)
{
    AgBuf b;
    ag_buf_init(&b);
    ag_buf_printf(&b, "%s" SEP "%s", schema, name);
    const char *key = ag_buf_cstr(&b);
    bool found =
        c->nswapped && bsearch(&key, c->swapped, c->nswapped, sizeof(char *), cmp_cstr) != NULL;
    ag_buf_free(&b);
    return found;
}

typedef struct SeqKeyCtx {
    DiffCtx *c;
    uint32_t step;
    KeyRole role;
} SeqKeyCtx;

static void
seq_key_cb(void *ctx, const char *schema, const char *name)
{
    SeqKeyCtx *k = ctx;
    diff_step_key(k->c, k->step, k->role, "q" SEP "%s" SEP "%s", schema, name);
}

void
diff_column_type_keys(DiffCtx *c, uint32_t step, KeyRole role, const char *table_schema,
                      const CatColumn *col, bool old_side)
{
    const char *ts, *tn;
    if (diff_type_ref(&c->scratch, col->type, &ts, &tn, NULL))
        diff_step_key(c, step, role, "%s" SEP "%s" SEP "%s", old_side ? "yo" : "y", ts, tn);
    SeqKeyCtx k = {c, step, role};
    if (col->default_expr)
        diff_expr_sequences(&c->scratch, col->default_expr->sql, table_schema, seq_key_cb, &k);
}

/* Creation of something in a schema needs the schema; its drop releases it. */
static void
in_schema(DiffCtx *c, uint32_t step, const char *schema, bool creating)
{
    if (schema)
        diff_step_key(c, step, creating ? KEY_NEEDS : KEY_RELEASES, "s" SEP "%s", schema);
}

/* ---- schemas and extensions --------------------------------------------------- */

static void
comment_if_changed(DiffCtx *c, const CatObject *f, const CatObject *t, DiffObjKind kind)
{
    if (ag_streq(f->comment, t->comment))
        return;
    uint32_t ch = diff_change_new(c, DIFF_OP_ALTER, kind, t->schema, t->name, NULL);
    c->changes[ch].from_obj = f;
    c->changes[ch].to_obj = t;
    uint32_t s = diff_comment_step(c, ch, kind, t->comment);
    c->steps[s].obj = t;
}

static void
comment_new(DiffCtx *c, uint32_t ch, uint32_t create_step, const CatObject *t, DiffObjKind kind)
{
    if (!t->comment)
        return;
    uint32_t s = diff_comment_step(c, ch, kind, t->comment);
    c->steps[s].obj = t;
    diff_step_after(c, create_step, s);
}

static void
diff_schemas(DiffCtx *c)
{
    for (uint32_t i = 0; i < c->to->nobjects; i++) {
        const CatObject *t = c->to->objects[i];
        if (t->kind != CAT_SCHEMA)
            continue;
        const CatObject *f = cat_find(c->from, CAT_SCHEMA, NULL, t->name);
        if (f) {
            comment_if_changed(c, f, t, DIFF_OBJ_SCHEMA);
            continue;
        }
        uint32_t ch = diff_change_new(c, DIFF_OP_CREATE, DIFF_OBJ_SCHEMA, NULL, t->name, NULL);
        c->changes[ch].to_obj = t;
        uint32_t s = diff_step_new(c, DIFF_CREATE_SCHEMA, ch);
        c->steps[s].obj = t;
        diff_step_key(c, s, KEY_PROVIDES, "s" SEP "%s", t->name);
        comment_new(c, ch, s, t, DIFF_OBJ_SCHEMA);
    }
    for (uint32_t i = 0; i < c->from->nobjects; i++) {
        const CatObject *f = c->from->objects[i];
        if (f->kind != CAT_SCHEMA || cat_find(c->to, CAT_SCHEMA, NULL, f->name))
            continue;
        uint32_t ch = diff_change_new(c, DIFF_OP_DROP, DIFF_OBJ_SCHEMA, NULL, f->name, NULL);
        c->changes[ch].from_obj = f;
        uint32_t s = diff_step_new(c, DIFF_DROP_SCHEMA, ch);
        c->steps[s].obj = f;
        diff_step_key(c, s, KEY_REMOVES, "s" SEP "%s", f->name);
    }
}

/* Extensions are matched by name alone: one extension lives in one schema. */
static const CatObject *
find_extension(const Catalog *cat, const char *name)
{
    for (uint32_t i = 0; i < cat->nobjects; i++) {
        const CatObject *o = cat->objects[i];
        if (o->kind == CAT_EXTENSION && strcmp(o->name, name) == 0)
            return o;
    }
    return NULL;
}

static void
diff_extensions(DiffCtx *c)
{
    for (uint32_t i = 0; i < c->to->nobjects; i++) {
        const CatObject *t = c->to->objects[i];
        if (t->kind != CAT_EXTENSION)
            continue;
        const CatObject *f = find_extension(c->from, t->name);
        /* The version counts only when the model names one (VERSION '1.8'). */
        const char *fv = f ? ((const CatExtension *) f)->version : NULL;
        const char *tv = ((const CatExtension *) t)->version;
        if (f && tv && fv && strcmp(fv, tv) != 0) {
            uint32_t ch = diff_change_new(c, DIFF_OP_ALTER, DIFF_OBJ_EXTENSION, NULL, t->name, NULL);
            c->changes[ch].from_obj = f;
            c->changes[ch].to_obj = t;
            uint32_t s = diff_step_new(c, DIFF_ALTER_EXTENSION_VERSION, ch);
            c->steps[s].obj = t;
            c->steps[s].old_obj = f;
            diff_step_key(c, s, KEY_PROVIDES, "x");
        }
        if (f && ag_streq(f->schema, t->schema)) {
            comment_if_changed(c, f, t, DIFF_OBJ_EXTENSION);
            continue;
        }
        uint32_t ch = diff_change_new(c, f ? DIFF_OP_ALTER : DIFF_OP_CREATE, DIFF_OBJ_EXTENSION,
                                      NULL, t->name, NULL);
        c->changes[ch].from_obj = f;
        c->changes[ch].to_obj = t;
        uint32_t s = diff_step_new(c, f ? DIFF_ALTER_EXTENSION_SCHEMA : DIFF_CREATE_EXTENSION, ch);
        c->steps[s].obj = t;
        c->steps[s].old_obj = f;
        diff_step_key(c, s, KEY_PROVIDES, "x");
        in_schema(c, s, t->schema, true);
        if (f)
            in_schema(c, s, f->schema, false);
        if (f)
            comment_if_changed(c, f, t, DIFF_OBJ_EXTENSION);
        else
            comment_new(c, ch, s, t, DIFF_OBJ_EXTENSION);
    }
    for (uint32_t i = 0; i < c->from->nobjects; i++) {
        const CatObject *f = c->from->objects[i];
        if (f->kind != CAT_EXTENSION || find_extension(c->to, f->name))
            continue;
        uint32_t ch = diff_change_new(c, DIFF_OP_DROP, DIFF_OBJ_EXTENSION, NULL, f->name, NULL);
        c->changes[ch].from_obj = f;
        uint32_t s = diff_step_new(c, DIFF_DROP_EXTENSION, ch);
        c->steps[s].obj = f;
        diff_step_key(c, s, KEY_REMOVES, "xo");
        in_schema(c, s, f->schema, false);
    }
}

/* ---- enum types ------------------------------------------------------------ */

static bool
labels_equal(const CatEnum *a, const CatEnum *b)
{
    if (a->nlabels != b->nlabels)
        return false;
    for (uint32_t i = 0; i < a->nlabels; i++)
        if (strcmp(a->labels[i], b->labels[i]) != 0)
            return false;
    return true;
}

/* Are a's labels, in order, a subsequence of b's? Then ADD VALUE reaches b. */
static bool
labels_subsequence(const CatEnum *a, const CatEnum *b)
{
    uint32_t j = 0;
    for (uint32_t i = 0; i < b->nlabels && j < a->nlabels; i++)
        if (strcmp(a->labels[j], b->labels[i]) == 0)
            j++;
    return j == a->nlabels;
}

static bool
has_label(const CatEnum *e, const char *label)
{
    for (uint32_t i = 0; i < e->nlabels; i++)
        if (strcmp(e->labels[i], label) == 0)
            return true;
    return false;
}

/* The name the old type takes while the new one is built: name__old, lengthened with
 * more underscores until no type of either side has it. */
static const char *
swap_temp_name(DiffCtx *c, const CatObject *e)
{
    AgBuf b;
    ag_buf_init(&b);
    ag_buf_puts(&b, e->name);
    ag_buf_puts(&b, "__old");
    while (cat_find(c->from, CAT_ENUM, e->schema, ag_buf_cstr(&b)) ||
           cat_find(c->to, CAT_ENUM, e->schema, ag_buf_cstr(&b))) {
        b.len -= 3;
        ag_buf_puts(&b, "_old");
    }
    const char *r = ag_arena_strdup(c->arena, ag_buf_cstr(&b));
    ag_buf_free(&b);
    return r;
}

/* Decide the swaps first: table.c converts the columns of swapped types. */
static void
find_swaps(DiffCtx *c)
{
    AgVec v = {0};
    for (uint32_t i = 0; i < c->to->nobjects; i++) {
        const CatEnum *t = (const CatEnum *) c->to->objects[i];
        if (t->obj.kind != CAT_ENUM)
            continue;
        const CatEnum *f =
            (const CatEnum *) cat_find(c->from, CAT_ENUM, t->obj.schema, t->obj.name);
        if (f && !labels_subsequence(f, t))
            ag_vec_push(&v,
                        ag_arena_printf(&c->scratch, "%s" SEP "%s", t->obj.schema, t->obj.name));
    }
    diff_domain_swaps(c, &v); /* domains whose base type or collation changes (types.c) */
    c->nswapped = (uint32_t) v.len;
    c->swapped = ag_arena_alloc(&c->scratch, sizeof(char *) * (v.len + 1));
    for (size_t i = 0; i < v.len; i++)
        c->swapped[i] = v.items[i];
    ag_qsort(c->swapped, c->nswapped, sizeof(char *), cmp_cstr);
    ag_vec_free(&v);
}

static void
enum_create(DiffCtx *c, uint32_t ch, const CatEnum *t, uint32_t after)
{
    uint32_t s = diff_step_new(c, DIFF_CREATE_ENUM, ch);
    c->steps[s].obj = &t->obj;
    diff_step_key(c, s, KEY_PROVIDES, "y" SEP "%s" SEP "%s", t->obj.schema, t->obj.name);
    diff_step_key(c, s, KEY_PROVIDES, "yn" SEP "%s" SEP "%s", t->obj.schema, t->obj.name);
    in_schema(c, s, t->obj.schema, true);
    if (after != UINT32_MAX)
        diff_step_after(c, after, s);
    comment_new(c, ch, s, &t->obj, DIFF_OBJ_TYPE);
}

static void
diff_enums(DiffCtx *c)
{
    for (uint32_t i = 0; i < c->to->nobjects; i++) {
        const CatEnum *t = (const CatEnum *) c->to->objects[i];
        if (t->obj.kind != CAT_ENUM)
            continue;
        const CatEnum *f =
            (const CatEnum *) cat_find(c->from, CAT_ENUM, t->obj.schema, t->obj.name);
        if (!f) {
            uint32_t ch =
                diff_change_new(c, DIFF_OP_CREATE, DIFF_OBJ_TYPE, t->obj.schema, t->obj.name, NULL);
            c->changes[ch].to_obj = &t->obj;
            enum_create(c, ch, t, UINT32_MAX);
            continue;
        }
        if (labels_equal(f, t)) {
            comment_if_changed(c, &f->obj, &t->obj, DIFF_OBJ_TYPE);
            continue;
        }
        uint32_t ch =
            diff_change_new(c, DIFF_OP_ALTER, DIFF_OBJ_TYPE, t->obj.schema, t->obj.name, NULL);
        c->changes[ch].from_obj = &f->obj;
        c->changes[ch].to_obj = &t->obj;
        if (!diff_enum_swapped(c, t->obj.schema, t->obj.name)) {
            /* ADD VALUE for each new label, placed next to a label that exists by then. */
            uint32_t prev = UINT32_MAX;
            for (uint32_t j = 0; j < t->nlabels; j++) {
                if (has_label(f, t->labels[j]))
                    continue;
                uint32_t s = diff_step_new(c, DIFF_ENUM_ADD_VALUE, ch);
                DiffStep *st = &c->steps[s];
                st->obj = &t->obj;
                st->label = t->labels[j];
                if (j + 1 == t->nlabels || f->nlabels == 0) {
                    st->neighbor = NULL; /* append */
                } else if (j > 0) {
                    st->neighbor = t->labels[j - 1]; /* old, or added just before */
                } else {
                    /* First of all: before the first label that exists already. */
                    for (uint32_t m = 1; m < t->nlabels && !st->neighbor; m++)
                        if (has_label(f, t->labels[m]))
                            st->neighbor = t->labels[m];
                    st->before = true;
                }
                diff_step_key(c, s, KEY_PROVIDES, "y" SEP "%s" SEP "%s", t->obj.schema,
                              t->obj.name);
                if (prev != UINT32_MAX)
                    diff_step_after(c, prev, s);
                prev = s;
            }
            comment_if_changed(c, &f->obj, &t->obj, DIFF_OBJ_TYPE);
            continue;
        }
        /* The type swap: rename the old type away, create the new one, convert every
         * column (table.c), drop the old one. */
        const char *temp = swap_temp_name(c, &f->obj);
        uint32_t r = diff_step_new(c, DIFF_ENUM_RENAME, ch);
        c->steps[r].obj = &f->obj;
        c->steps[r].temp_name = temp;
        diff_step_key(c, r, KEY_REMOVES, "yn" SEP "%s" SEP "%s", f->obj.schema, f->obj.name);
        enum_create(c, ch, t, r);
        uint32_t d = diff_step_new(c, DIFF_DROP_ENUM, ch);
        c->steps[d].obj = &f->obj;
        c->steps[d].temp_name = temp;
        diff_step_key(c, d, KEY_REMOVES, "yo" SEP "%s" SEP "%s", f->obj.schema, f->obj.name);
        diff_step_after(c, r, d);
    }
    for (uint32_t i = 0; i < c->from->nobjects; i++) {
        const CatObject *f = c->from->objects[i];
        if (f->kind != CAT_ENUM || cat_find(c->to, CAT_ENUM, f->schema, f->name))
            continue;
        uint32_t ch = diff_change_new(c, DIFF_OP_DROP, DIFF_OBJ_TYPE, f->schema, f->name, NULL);
        c->changes[ch].from_obj = f;
        uint32_t s = diff_step_new(c, DIFF_DROP_ENUM, ch);
        c->steps[s].obj = f;
        diff_step_key(c, s, KEY_REMOVES, "yo" SEP "%s" SEP "%s", f->schema, f->name);
        in_schema(c, s, f->schema, false);
    }
}

/* ---- sequences ------------------------------------------------------------- */

/* Is the column that owns seq (on the `from` side) dropped by this changeset, taking
 * the sequence with it? Returns the step that drops it, UINT32_MAX when none. */
static uint32_t
owner_drop_step(DiffCtx *c, const CatSequence *seq)
{
    if (!seq->owned_table)
        return UINT32_MAX;
    const char *os = seq->owned_schema ? seq->owned_schema : seq->obj.schema;
    const CatTable *ft = cat_table_find(c->from, os, seq->owned_table);
    if (!ft)
        return UINT32_MAX;
    const TablePlan *p = &c->plans[ft->obj.id];
    if (p->drop_step != UINT32_MAX)
        return p->drop_step;
    for (uint32_t i = 0; i < ft->ncolumns; i++)
        if (strcmp(ft->columns[i].name, seq->owned_column) == 0)
            return p->col_drop_step[i];
    return UINT32_MAX;
}

static bool
same_owner(const CatSequence *a, const CatSequence *b)
{
    if (!a->owned_table || !b->owned_table)
        return !a->owned_table && !b->owned_table;
    return ag_streq(a->owned_schema ? a->owned_schema : a->obj.schema,
                    b->owned_schema ? b->owned_schema : b->obj.schema) &&
           strcmp(a->owned_table, b->owned_table) == 0 &&
           ag_streq(a->owned_column, b->owned_column);
}

static uint32_t
owned_by_step(DiffCtx *c, uint32_t ch, const CatSequence *t, bool none)
{
    uint32_t s = diff_step_new(c, DIFF_SEQUENCE_OWNED_BY, ch);
    c->steps[s].obj = &t->obj;
    c->steps[s].owner_none = none || !t->owned_table;
    if (!c->steps[s].owner_none) {
        const char *os = t->owned_schema ? t->owned_schema : t->obj.schema;
        diff_step_key(c, s, KEY_NEEDS, "t" SEP "%s" SEP "%s", os, t->owned_table);
        diff_step_key(c, s, KEY_NEEDS, "c" SEP "%s" SEP "%s" SEP "%s", os, t->owned_table,
                      t->owned_column);
    }
    diff_step_key(c, s, KEY_NEEDS, "q" SEP "%s" SEP "%s", t->obj.schema, t->obj.name);
    return s;
}

/* The sequence stops being owned by its old column: before that column's drop. */
static void
release_owner(DiffCtx *c, uint32_t s, const CatSequence *f)
{
    if (!f->owned_table)
        return;
    const char *os = f->owned_schema ? f->owned_schema : f->obj.schema;
    diff_step_key(c, s, KEY_RELEASES, "t" SEP "%s" SEP "%s", os, f->owned_table);
    diff_step_key(c, s, KEY_RELEASES, "c" SEP "%s" SEP "%s" SEP "%s", os, f->owned_table,
                  f->owned_column);
}

/* A serial column becoming an identity: its old sequence goes before ADD IDENTITY, which
 * names the new one after the column as serial did (t_id_seq, not t_id_seq1). */
static void
identity_after_drop(DiffCtx *c, const CatSequence *f, uint32_t drop)
{
    if (!f->owned_table || !f->owned_column)
        return;
    const char *os = f->owned_schema ? f->owned_schema : f->obj.schema;
    for (uint32_t k = 0; k < c->nsteps; k++) {
        const DiffStep *st = &c->steps[k];
        if (st->kind == DIFF_ADD_IDENTITY && st->table && st->column &&
            ag_streq(st->table->obj.schema, os) && ag_streq(st->table->obj.name, f->owned_table) &&
            ag_streq(st->column->name, f->owned_column))
            diff_step_after(c, drop, k);
    }
}

static void
diff_sequences(DiffCtx *c)
{
    for (uint32_t i = 0; i < c->to->nobjects; i++) {
        const CatSequence *t = (const CatSequence *) c->to->objects[i];
        if (t->obj.kind != CAT_SEQUENCE)
            continue;
        const CatSequence *f =
            (const CatSequence *) cat_find(c->from, CAT_SEQUENCE, t->obj.schema, t->obj.name);
        if (!f) {
            uint32_t ch = diff_change_new(c, DIFF_OP_CREATE, DIFF_OBJ_SEQUENCE, t->obj.schema,
                                          t->obj.name, NULL);
            c->changes[ch].to_obj = &t->obj;
            uint32_t s = diff_step_new(c, DIFF_CREATE_SEQUENCE, ch);
            c->steps[s].obj = &t->obj;
            diff_step_key(c, s, KEY_PROVIDES, "q" SEP "%s" SEP "%s", t->obj.schema, t->obj.name);
            diff_step_key(c, s, KEY_PROVIDES, "r" SEP "%s" SEP "%s", t->obj.schema, t->obj.name);
            in_schema(c, s, t->obj.schema, true);
            if (t->owned_table)
                owned_by_step(c, ch, t, false);
            comment_new(c, ch, s, &t->obj, DIFF_OBJ_SEQUENCE);
            continue;
        }
        bool opts_same = diff_seq_equal(&f->opts, &t->opts, false);
        uint32_t dying = owner_drop_step(c, f);
        bool owner_same = same_owner(f, t);
        if (opts_same && owner_same && dying == UINT32_MAX) {
            comment_if_changed(c, &f->obj, &t->obj, DIFF_OBJ_SEQUENCE);
            continue;
        }
        uint32_t ch =
            diff_change_new(c, DIFF_OP_ALTER, DIFF_OBJ_SEQUENCE, t->obj.schema, t->obj.name, NULL);
        c->changes[ch].from_obj = &f->obj;
        c->changes[ch].to_obj = &t->obj;
        if (!opts_same) {
            uint32_t s = diff_step_new(c, DIFF_ALTER_SEQUENCE, ch);
            c->steps[s].obj = &t->obj;
            c->steps[s].old_obj = &f->obj;
        }
        if (dying != UINT32_MAX && f->owned_table) {
            /* Its owner column goes away (maybe to come back): detach first so that the
             * sequence survives, attach to the new owner afterwards. */
            uint32_t s = owned_by_step(c, ch, t, true);
            release_owner(c, s, f);
            if (t->owned_table) {
                uint32_t s2 = owned_by_step(c, ch, t, false);
                diff_step_after(c, s, s2);
            }
        } else if (!owner_same) {
            uint32_t s = owned_by_step(c, ch, t, false);
            release_owner(c, s, f);
        }
        comment_if_changed(c, &f->obj, &t->obj, DIFF_OBJ_SEQUENCE);
    }
    for (uint32_t i = 0; i < c->from->nobjects; i++) {
        const CatSequence *f = (const CatSequence *) c->from->objects[i];
        if (f->obj.kind != CAT_SEQUENCE ||
            cat_find(c->to, CAT_SEQUENCE, f->obj.schema, f->obj.name))
            continue;
        uint32_t dying = owner_drop_step(c, f);
        if (dying != UINT32_MAX) {
            /* PostgreSQL drops an owned sequence with its column: no statement, but the
             * step that drops the column also removes the sequence. */
            diff_step_key(c, dying, KEY_REMOVES, "q" SEP "%s" SEP "%s", f->obj.schema, f->obj.name);
            diff_step_key(c, dying, KEY_REMOVES, "r" SEP "%s" SEP "%s", f->obj.schema, f->obj.name);
            continue;
        }
        uint32_t ch =
            diff_change_new(c, DIFF_OP_DROP, DIFF_OBJ_SEQUENCE, f->obj.schema, f->obj.name, NULL);
        c->changes[ch].from_obj = &f->obj;
        uint32_t s = diff_step_new(c, DIFF_DROP_SEQUENCE, ch);
        c->steps[s].obj = &f->obj;
        c->steps[s].hazards = DIFF_HAZARD_BIT(DIFF_HAZARD_DATA_LOSS);
        diff_step_key(c, s, KEY_REMOVES, "q" SEP "%s" SEP "%s", f->obj.schema, f->obj.name);
        diff_step_key(c, s, KEY_REMOVES, "r" SEP "%s" SEP "%s", f->obj.schema, f->obj.name);
        in_schema(c, s, f->obj.schema, false);
        identity_after_drop(c, f, s);
    }
}

/* ---- cross-cutting keys ------------------------------------------------------ */

/* Every object created in a schema needs it; every drop releases it. Extensions may
 * provide types, operators and functions used anywhere: creations need them all, and
 * an extension goes only after every other drop. */
static void
general_keys(DiffCtx *c)
{
    for (uint32_t s = 0; s < c->nsteps; s++) {
        DiffStep *st = &c->steps[s];
        switch (st->kind) {
        case DIFF_CREATE_SCHEMA:
        case DIFF_DROP_SCHEMA:
        case DIFF_CREATE_EXTENSION:
        case DIFF_ALTER_EXTENSION_SCHEMA:
        case DIFF_ALTER_EXTENSION_VERSION:
        case DIFF_DROP_EXTENSION:
        case DIFF_RENAME: /* first of all (rename.c): needs nothing this changeset makes */
            break;
        case DIFF_CREATE_ENUM:
        case DIFF_ENUM_ADD_VALUE:
        case DIFF_ENUM_RENAME:
        case DIFF_CREATE_SEQUENCE:
        case DIFF_ALTER_SEQUENCE:
        case DIFF_SEQUENCE_OWNED_BY:
        case DIFF_CREATE_TABLE:
        case DIFF_SET_LOGGED:
        case DIFF_ADD_COLUMN:
        case DIFF_ALTER_COLUMN_TYPE:
        case DIFF_SET_DEFAULT:
        case DIFF_DROP_EXPRESSION:
        case DIFF_SET_NOT_NULL:
        case DIFF_DROP_NOT_NULL:
        case DIFF_BACKFILL:
        case DIFF_ADD_IDENTITY:
        case DIFF_ALTER_IDENTITY:
        case DIFF_ADD_CONSTRAINT:
        case DIFF_VALIDATE_CONSTRAINT:
        case DIFF_CREATE_INDEX:
        case DIFF_COMMENT:
        case DIFF_CREATE_VIEW:
        case DIFF_REPLACE_VIEW:
        case DIFF_CREATE_FUNCTION:
        case DIFF_REPLACE_FUNCTION:
        case DIFF_CREATE_TRIGGER:
        case DIFF_TRIGGER_STATE:
        case DIFF_ATTACH_PARTITION:
        case DIFF_SET_RLS:
        case DIFF_CREATE_POLICY:
        case DIFF_ALTER_POLICY:
        case DIFF_CREATE_DOMAIN:
        case DIFF_ALTER_DOMAIN:
        case DIFF_CREATE_COMPOSITE:
        case DIFF_ALTER_COMPOSITE:
        case DIFF_GRANT:
            diff_step_key(c, s, KEY_NEEDS, "x");
            if (st->schema)
                diff_step_key(c, s, KEY_NEEDS, "s" SEP "%s", st->schema);
            break;
        case DIFF_DROP_ENUM:
        case DIFF_DROP_SEQUENCE:
        case DIFF_DROP_TABLE:
        case DIFF_DROP_COLUMN:
        case DIFF_DROP_DEFAULT:
        case DIFF_DROP_IDENTITY:
        case DIFF_DROP_CONSTRAINT:
        case DIFF_DROP_INDEX:
        case DIFF_DROP_FUNCTION:
        case DIFF_DROP_TRIGGER:
        case DIFF_DETACH_PARTITION:
        case DIFF_DROP_POLICY:
        case DIFF_DROP_VIEW:
        case DIFF_DROP_DOMAIN:
        case DIFF_DROP_COMPOSITE:
            diff_step_key(c, s, KEY_RELEASES, "xo");
            if (st->schema)
                diff_step_key(c, s, KEY_RELEASES, "s" SEP "%s", st->schema);
            break;
        case DIFF_STEP_KIND_COUNT:
            AG_UNREACHABLE();
        }
    }
}

/* A value added by ALTER TYPE ... ADD VALUE cannot be used before the transaction that
 * added it commits: flag every step of this changeset whose expression names it. */
static void
flag_new_enum_values(DiffCtx *c)
{
    for (uint32_t a = 0; a < c->nsteps; a++) {
        if (c->steps[a].kind != DIFF_ENUM_ADD_VALUE)
            continue;
        const char *label = c->steps[a].label;
        for (uint32_t s = 0; s < c->nsteps; s++) {
            const DiffStep *st = &c->steps[s];
            bool uses = false;
            switch (st->kind) {
            case DIFF_SET_DEFAULT:
            case DIFF_ADD_COLUMN:
                uses = (st->column->default_expr &&
                        diff_expr_has_literal(st->column->default_expr->sql, label)) ||
                       (st->column->generated &&
                        diff_expr_has_literal(st->column->generated->sql, label));
                break;
            case DIFF_CREATE_TABLE: {
                const CatTable *t = (const CatTable *) st->obj;
                for (uint32_t i = 0; i < t->ncolumns && !uses; i++)
                    uses = t->columns[i].default_expr &&
                           diff_expr_has_literal(t->columns[i].default_expr->sql, label);
                for (uint32_t i = 0; i < st->ncons && !uses; i++)
                    uses =
                        st->cons[i]->check && diff_expr_has_literal(st->cons[i]->check->sql, label);
                break;
            }
            case DIFF_ADD_CONSTRAINT:
                uses = st->con->check && diff_expr_has_literal(st->con->check->sql, label);
                break;
            case DIFF_CREATE_INDEX: {
                const CatIndex *ix = (const CatIndex *) st->obj;
                uses = ix->where && diff_expr_has_literal(ix->where->sql, label);
                break;
            }
            case DIFF_CREATE_SCHEMA:
            case DIFF_DROP_SCHEMA:
            case DIFF_CREATE_EXTENSION:
            case DIFF_DROP_EXTENSION:
            case DIFF_ALTER_EXTENSION_SCHEMA:
            case DIFF_ALTER_EXTENSION_VERSION:
            case DIFF_CREATE_ENUM:
            case DIFF_DROP_ENUM:
            case DIFF_ENUM_ADD_VALUE:
            case DIFF_ENUM_RENAME:
            case DIFF_CREATE_SEQUENCE:
            case DIFF_DROP_SEQUENCE:
            case DIFF_ALTER_SEQUENCE:
            case DIFF_SEQUENCE_OWNED_BY:
            case DIFF_DROP_TABLE:
            case DIFF_SET_LOGGED:
            case DIFF_DROP_COLUMN:
            case DIFF_ALTER_COLUMN_TYPE:
            case DIFF_DROP_DEFAULT:
            case DIFF_DROP_EXPRESSION:
            case DIFF_SET_NOT_NULL:
            case DIFF_DROP_NOT_NULL:
            case DIFF_BACKFILL:
            case DIFF_ADD_IDENTITY:
            case DIFF_DROP_IDENTITY:
            case DIFF_ALTER_IDENTITY:
            case DIFF_DROP_CONSTRAINT:
            case DIFF_VALIDATE_CONSTRAINT:
            case DIFF_DROP_INDEX:
            case DIFF_COMMENT:
            case DIFF_CREATE_VIEW:
            case DIFF_REPLACE_VIEW:
            case DIFF_DROP_VIEW:
            case DIFF_RENAME:
            case DIFF_CREATE_FUNCTION:
            case DIFF_REPLACE_FUNCTION:
            case DIFF_DROP_FUNCTION:
            case DIFF_CREATE_TRIGGER:
            case DIFF_DROP_TRIGGER:
            case DIFF_TRIGGER_STATE:
            case DIFF_ATTACH_PARTITION:
            case DIFF_DETACH_PARTITION:
            case DIFF_SET_RLS:
            case DIFF_CREATE_POLICY:
            case DIFF_DROP_POLICY:
            case DIFF_ALTER_POLICY:
            case DIFF_CREATE_DOMAIN:
            case DIFF_DROP_DOMAIN:
            case DIFF_ALTER_DOMAIN:
            case DIFF_CREATE_COMPOSITE:
            case DIFF_DROP_COMPOSITE:
            case DIFF_ALTER_COMPOSITE:
            case DIFF_GRANT:
                break;
            case DIFF_STEP_KIND_COUNT:
                AG_UNREACHABLE();
            }
            if (uses)
                c->steps[s].hazards |= DIFF_HAZARD_BIT(DIFF_HAZARD_NEW_ENUM_USED);
        }
    }
}

DiffChangeset *
diff_catalogs(AgArena *arena, const Catalog *from, const Catalog *to, const DiffOptions *opts)
{
    DiffCtx c = {.arena = arena, .from = from, .to = to};
    if (opts)
        c.opts = *opts;
    ag_arena_init(&c.scratch);
    c.plans = ag_arena_alloc(&c.scratch, sizeof(TablePlan) * (from->nobjects + 1));
    c.idx_fate = ag_arena_alloc(&c.scratch, from->nobjects + 1);
    c.idx_implicit = ag_arena_alloc(&c.scratch, sizeof(bool) * (from->nobjects + 1));

    c.from = from = diff_renames(&c); /* the rest starts from `from` after its renames */
    find_swaps(&c);
    diff_plan_functions(&c);
    diff_schemas(&c);
    diff_extensions(&c);
    diff_enums(&c);
    diff_domains(&c);
    diff_composites(&c);
    diff_tables(&c); /* fills plans, which sequences and indexes read */
    diff_views(&c);  /* after the column steps, before diff_indexes */
    diff_sequences(&c);
    diff_indexes(&c);
    diff_partitions_rls(&c);
    diff_functions(&c); /* after every table step: adds keys to them */
    diff_grants(&c);    /* after every drop step */
    general_keys(&c);
    diff_rename_keys(&c);
    flag_new_enum_values(&c);

    DiffChangeset *cs = ag_arena_alloc(arena, sizeof(DiffChangeset));
    diff_order(&c, cs);

    free(c.steps);
    free(c.keys);
    free(c.changes);
    free(c.edges);
    ag_arena_free(&c.scratch);
    return cs;
}

size_t
diff_count(const DiffChangeset *cs)
{
    return cs->nchanges;
}

bool
diff_needs_no_transaction(const DiffChangeset *cs)
{
    for (uint32_t i = 0; i < cs->nsteps; i++)
        if (cs->steps[i].concurrently ||
            (cs->steps[i].hazards & DIFF_HAZARD_BIT(DIFF_HAZARD_NEW_ENUM_USED)))
            return true;
    return false;
}

bool
diff_needs_review(const DiffChangeset *cs)
{
    for (uint32_t i = 0; i < cs->nsteps; i++)
        if (cs->steps[i].review != DIFF_REVIEW_NONE)
            return true;
    return false;
}

/*
 * diff/function.c: functions, procedures and triggers.
 *
 * Aggregates are functions with CatFunction.aggregate set (compared as text; OR REPLACE
 * unless the state type or final function changes), after the functions they call.
 * Functions are matched by signature (schema and "fname(identity types)"). Same fields:
 * nothing (or a comment). Same arguments (names, modes, defaults) and result, other
 * body or attributes: CREATE OR REPLACE. Otherwise PostgreSQL refuses OR REPLACE
 * (result type, argument names, removed defaults): DROP and CREATE, and the triggers
 * that call the function are dropped before and created again after.
 * A function is created before, and dropped after, the table steps whose expressions
 * (defaults, generated columns, CHECKs, index expressions) call it by name: key
 * "f" schema fname, shared by every overload.
 * Triggers live in their table and are matched by name: a changed statement (canon) is
 * DROP + CREATE; a changed tgenabled is ALTER TABLE ... ENABLE / DISABLE TRIGGER. A
 * table dropped (or dropped and created again) takes its triggers with it. A trigger
 * naming a column that is retyped is dropped and created around the change.
 * Not here: SQL (emit/function.c), ordering (order.c).
 * A function that goes (dropped, or dropped and created again) takes with it, before
 * its DROP, what calls it: diff_plan_functions lists them first, and table.c (column
 * defaults, CHECK and EXCLUDE constraints, indexes), view.c and partition.c (policies)
 * drop those and create them again around it (diff_calls_gone_function; a generated
 * column is dropped and added again: computed anew); triggers are handled here.
 * A function whose signature or result names a type that is swapped (diff.c, types.c)
 * goes too: PostgreSQL keeps the old type alive for it, so it is dropped (before the
 * swap renames the type away, as DROP FUNCTION names it) and created again. So does a
 * function whose arguments or result name the row type of a view that is dropped and
 * created again (diff_plan_view_functions, called by view.c).
 */
#include <string.h>

#include "diff/internal.h"

#define SEP "\x1f"

/* ---- names used by expressions ----------------------------------------------------- */

static bool
ident_start(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' ||
           (unsigned char) ch >= 0x80;
}

static bool
ident_char(char ch)
{
    return ident_start(ch) || (ch >= '0' && ch <= '9') || ch == '$';
}

/* Read an identifier at *p (plain, folded to lower case, or "quoted"); NULL when none. */
static const char *
read_ident(AgArena *a, const char **p)
{
    const char *s = *p;
    AgBuf b;
    ag_buf_init(&b);
    if (*s == '"') {
        s++;
        while (*s) {
            if (*s == '"' && s[1] == '"') {
                ag_buf_putc(&b, '"');
                s += 2;
                continue;
            }
            if (*s == '"')
                break;
            ag_buf_putc(&b, *s++);
        }
        if (*s == '"')
            s++;
    } else if (ident_start(*s)) {
        while (ident_char(*s)) {
            char ch = *s++;
            ag_buf_putc(&b, ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
        }
    } else {
        ag_buf_free(&b);
        return NULL;
    }
    *p = s;
    const char *r = ag_arena_strdup(a, ag_buf_cstr(&b));
    ag_buf_free(&b);
    return r;
}

/* Past the string literal that starts at p ('' inside). */
static const char *
skip_literal(const char *p)
{
    for (p++; *p && !(*p == '\'' && p[1] != '\''); p++)
        if (*p == '\'')
            p++;
    return *p ? p + 1 : p;
}

/* Call fn(schema, name, arg) for every name followed by "(" in sql, with its
 * qualification (schema NULL when none); string literals are skipped. */
static void
scan_calls(AgArena *a, const char *sql, void (*fn)(const char *, const char *, void *), void *arg)
{
    if (!sql)
        return;
    const char *p = sql;
    const char *prev = NULL; /* identifier just before a '.' */
    while (*p) {
        if (*p == '\'') {
            p = skip_literal(p);
            prev = NULL;
            continue;
        }
        if (*p == '"' || ident_start(*p)) {
            const char *name = read_ident(a, &p);
            const char *q = p;
            while (*q == ' ')
                q++;
            if (*q == '.') {
                prev = name;
                p = q + 1;
                while (*p == ' ')
                    p++;
                continue;
            }
            if (*q == '(')
                fn(prev, name, arg);
            prev = NULL;
            continue;
        }
        prev = NULL;
        p++;
    }
}

/* Call fn(schema, name, arg) for every qualified name "schema.name" in text (a
 * signature, a result, an aggregate's fields); string literals are skipped. */
static void
scan_qualified(AgArena *a, const char *text, void (*fn)(const char *, const char *, void *),
               void *arg)
{
    const char *p = text;
    while (p && *p) {
        if (*p == '\'') {
            p = skip_literal(p);
            continue;
        }
        if (*p != '"' && !ident_start(*p)) {
            p++;
            continue;
        }
        const char *first = read_ident(a, &p);
        if (*p != '.' || (p[1] != '"' && !ident_start(p[1])))
            continue;
        p++;
        const char *second = read_ident(a, &p);
        fn(first, second, arg);
    }
}

typedef struct CallKeys {
    DiffCtx *c;
    uint32_t step;
    KeyRole role;
    const Catalog *cat;
} CallKeys;

static void
call_key(const char *schema, const char *name, void *arg)
{
    CallKeys *k = arg;
    /* Any function of that name in the schema named, or in any schema when unqualified
     * (a spare edge costs nothing). */
    for (uint32_t i = 0; i < k->cat->nobjects; i++) {
        const CatObject *o = k->cat->objects[i];
        if (o->kind != CAT_FUNCTION || strcmp(((const CatFunction *) o)->fname, name) != 0 ||
            (schema && strcmp(o->schema, schema) != 0))
            continue;
        diff_step_key(k->c, k->step, k->role, "f" SEP "%s" SEP "%s", o->schema, name);
    }
}

static void
each_call(DiffCtx *c, uint32_t step, KeyRole role, const Catalog *cat, const char *sql)
{
    CallKeys k = {c, step, role, cat};
    scan_calls(&c->scratch, sql, call_key, &k);
}

void
diff_call_keys(DiffCtx *c, uint32_t step, KeyRole role, const Catalog *cat, const char *sql)
{
    each_call(c, step, role, cat, sql);
}

typedef struct GoneScan {
    const DiffCtx *c;
    bool found;
} GoneScan;

/* Is schema.fname among the functions that go (c->gone_fns)? */
static bool
is_gone(const DiffCtx *c, const char *schema, const char *fname)
{
    size_t sl = strlen(schema);
    for (uint32_t i = 0; i < c->ngone_fns; i++)
        if (strncmp(c->gone_fns[i], schema, sl) == 0 && c->gone_fns[i][sl] == '\x1f' &&
            strcmp(c->gone_fns[i] + sl + 1, fname) == 0)
            return true;
    return false;
}

/* A call by name: qualified, that function; unqualified, one of that name anywhere. */
static void
gone_call(const char *schema, const char *name, void *arg)
{
    GoneScan *g = arg;
    if (schema) {
        g->found = g->found || is_gone(g->c, schema, name);
        return;
    }
    for (uint32_t i = 0; i < g->c->ngone_fns && !g->found; i++)
        g->found = strcmp(strchr(g->c->gone_fns[i], '\x1f') + 1, name) == 0;
}

bool
diff_calls_gone_function(DiffCtx *c, const CatExpr *e)
{
    if (!c->ngone_fns || !e || !e->sql)
        return false;
    GoneScan g = {c, false};
    scan_calls(&c->scratch, e->sql, gone_call, &g);
    return g.found;
}

static void
column_calls(DiffCtx *c, uint32_t s, KeyRole role, const Catalog *cat, const CatColumn *col)
{
    if (!col)
        return;
    if (col->default_expr)
        each_call(c, s, role, cat, col->default_expr->sql);
    if (col->generated)
        each_call(c, s, role, cat, col->generated->sql);
}

static void
constraint_calls(DiffCtx *c, uint32_t s, KeyRole role, const Catalog *cat,
                 const CatConstraint *k)
{
    if (!k)
        return;
    if (k->check)
        each_call(c, s, role, cat, k->check->sql);
    if (k->exclude_where)
        each_call(c, s, role, cat, k->exclude_where->sql);
    for (uint32_t i = 0; i < k->nelems; i++)
        if (k->elems[i].expr)
            each_call(c, s, role, cat, k->elems[i].expr->sql);
}

static void
table_calls(DiffCtx *c, uint32_t s, KeyRole role, const Catalog *cat, const CatTable *t)
{
    for (uint32_t i = 0; i < t->ncolumns; i++)
        column_calls(c, s, role, cat, &t->columns[i]);
    for (uint32_t i = 0; i < t->nconstraints; i++)
        constraint_calls(c, s, role, cat, &t->constraints[i]);
}

static void
index_calls(DiffCtx *c, uint32_t s, KeyRole role, const Catalog *cat, const CatIndex *ix)
{
    if (ix->where)
        each_call(c, s, role, cat, ix->where->sql);
    for (uint32_t i = 0; i < ix->nelems; i++)
        if (ix->elems[i].expr)
            each_call(c, s, role, cat, ix->elems[i].expr->sql);
}

/* Table steps that add expressions need the functions they call (to side); steps
 * that drop expressions release them (from side). */
static void
expression_keys(DiffCtx *c, uint32_t nsteps)
{
    for (uint32_t s = 0; s < nsteps; s++) {
        const DiffStep *st = &c->steps[s];
        /* An if chain, not a switch: most kinds carry no expression of a table. */
        if (st->kind == DIFF_CREATE_TABLE)
            table_calls(c, s, KEY_NEEDS, c->to, (const CatTable *) st->obj);
        else if (st->kind == DIFF_ADD_COLUMN || st->kind == DIFF_SET_DEFAULT ||
                 st->kind == DIFF_ALTER_COLUMN_TYPE)
            column_calls(c, s, KEY_NEEDS, c->to, st->column);
        else if (st->kind == DIFF_ADD_CONSTRAINT)
            constraint_calls(c, s, KEY_NEEDS, c->to, st->con);
        else if (st->kind == DIFF_CREATE_INDEX)
            index_calls(c, s, KEY_NEEDS, c->to, (const CatIndex *) st->obj);
        else if (st->kind == DIFF_DROP_TABLE && st->obj)
            table_calls(c, s, KEY_RELEASES, c->from, (const CatTable *) st->obj);
        else if (st->kind == DIFF_DROP_COLUMN || st->kind == DIFF_DROP_DEFAULT ||
                 st->kind == DIFF_DROP_EXPRESSION)
            column_calls(c, s, KEY_RELEASES, c->from,
                         st->old_column ? st->old_column : st->column);
        else if (st->kind == DIFF_DROP_CONSTRAINT)
            constraint_calls(c, s, KEY_RELEASES, c->from, st->con);
        else if (st->kind == DIFF_DROP_INDEX && st->obj)
            index_calls(c, s, KEY_RELEASES, c->from, (const CatIndex *) st->obj);
    }
}

/* ---- functions ------------------------------------------------------------------------ */

static bool
configs_equal(const CatFunction *a, const CatFunction *b)
{
    if (a->nconfig != b->nconfig)
        return false;
    for (uint32_t i = 0; i < a->nconfig; i++)
        if (strcmp(a->config[i], b->config[i]) != 0)
            return false;
    return true;
}

/* Same function, comment aside (the definition text is not compared: fields are). */
static bool
functions_equal(const CatFunction *a, const CatFunction *b)
{
    return a->is_procedure == b->is_procedure && ag_streq(a->arguments, b->arguments) &&
           ag_streq(a->result, b->result) && ag_streq(a->language, b->language) &&
           ag_streq(a->body, b->body) && a->volatility == b->volatility &&
           a->strict == b->strict && a->security_definer == b->security_definer &&
           a->leakproof == b->leakproof && a->parallel == b->parallel && a->cost == b->cost &&
           a->rows == b->rows && configs_equal(a, b) && ag_streq(a->aggregate, b->aggregate);
}

/* The value of "NAME = value" in an aggregate's text (CatFunction.aggregate), NULL when
 * absent; values hold no ", " but in INITCOND literals, which come after these. */
static const char *
agg_value(AgArena *a, const char *agg, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = agg; p && *p;) {
        if (strncmp(p, name, n) == 0 && strncmp(p + n, " = ", 3) == 0) {
            p += n + 3;
            return ag_arena_strndup(a, p, strcspn(p, ","));
        }
        p = strstr(p, ", ");
        if (p)
            p += 2;
    }
    return NULL;
}

/* Would CREATE OR REPLACE turn a into b? Not when the result type, argument names or
 * defaults change (PostgreSQL refuses some, and the rest is not worth telling apart).
 * Aggregates: not when the state type or final function (their result) changes. */
static bool
replaceable(AgArena *s, const CatFunction *a, const CatFunction *b)
{
    if (!a->aggregate != !b->aggregate)
        return false;
    if (a->aggregate)
        return ag_streq(agg_value(s, a->aggregate, "STYPE"), agg_value(s, b->aggregate, "STYPE")) &&
               ag_streq(agg_value(s, a->aggregate, "FINALFUNC"),
                        agg_value(s, b->aggregate, "FINALFUNC")) &&
               strstr(a->aggregate, "HYPOTHETICAL") == strstr(b->aggregate, "HYPOTHETICAL");
    return a->is_procedure == b->is_procedure && ag_streq(a->arguments, b->arguments) &&
           ag_streq(a->result, b->result);
}

typedef struct SwapScan {
    DiffCtx *c;
    uint32_t step; /* UINT32_MAX: only look */
    bool creating;
    bool found;
} SwapScan;

static void
swap_mention(const char *schema, const char *name, void *arg)
{
    SwapScan *w = arg;
    if (!diff_enum_swapped(w->c, schema, name))
        return;
    w->found = true;
    if (w->step == UINT32_MAX)
        return;
    if (w->creating) {
        diff_step_key(w->c, w->step, KEY_NEEDS, "y" SEP "%s" SEP "%s", schema, name);
        return;
    }
    /* DROP FUNCTION names the old type by its name: before the swap renames it away. */
    diff_step_key(w->c, w->step, KEY_RELEASES, "yo" SEP "%s" SEP "%s", schema, name);
    diff_step_key(w->c, w->step, KEY_RELEASES, "yn" SEP "%s" SEP "%s", schema, name);
}

/* Does fn's signature, result or aggregate state name a type replaced by a swap (an enum
 * losing values, a domain or composite retyped, or one of those using them)? PostgreSQL
 * then refuses to drop the old type while fn exists, and fn cannot be pointed at the new
 * one: it is dropped and created again, and counts as gone (its callers follow). With
 * step set, also the keys of that DROP (creating false) or CREATE. */
static bool
swapped_type_keys(DiffCtx *c, uint32_t step, const CatFunction *fn, bool creating)
{
    if (!c->nswapped)
        return false;
    SwapScan w = {c, step, creating, false};
    const char *texts[] = {fn->identity_args, fn->arguments, fn->result, fn->aggregate};
    for (size_t i = 0; i < ARRAY_LEN(texts); i++)
        scan_qualified(&c->scratch, texts[i], swap_mention, &w);
    return w.found;
}

void
diff_plan_functions(DiffCtx *c)
{
    AgVec v = {0};
    for (uint32_t i = 0; i < c->to->nobjects; i++) {
        const CatFunction *t = (const CatFunction *) c->to->objects[i];
        if (t->obj.kind != CAT_FUNCTION)
            continue;
        const CatFunction *f =
            (const CatFunction *) cat_find(c->from, CAT_FUNCTION, t->obj.schema, t->obj.name);
        if (f && ((!functions_equal(f, t) && !replaceable(&c->scratch, f, t)) ||
                  swapped_type_keys(c, UINT32_MAX, f, false)))
            ag_vec_push(&v, (void *) ag_arena_printf(&c->scratch, "%s" SEP "%s", f->obj.schema,
                                                      f->fname));
    }
    for (uint32_t i = 0; i < c->from->nobjects; i++) {
        const CatFunction *f = (const CatFunction *) c->from->objects[i];
        if (f->obj.kind == CAT_FUNCTION &&
            !cat_find(c->to, CAT_FUNCTION, f->obj.schema, f->obj.name))
            ag_vec_push(&v, (void *) ag_arena_printf(&c->scratch, "%s" SEP "%s", f->obj.schema,
                                                      f->fname));
    }
    c->ngone_fns = (uint32_t) v.len;
    c->gone_fns = v.len ? ag_arena_memdup(&c->scratch, v.items, sizeof(char *) * v.len) : NULL;
    ag_vec_free(&v);
}

typedef struct ViewScan {
    const DiffCtx *c;
    bool found;
} ViewScan;

static void
view_mention(const char *schema, const char *name, void *arg)
{
    ViewScan *w = arg;
    size_t sl = strlen(schema);
    for (uint32_t i = 0; i < w->c->ngone_views && !w->found; i++)
        w->found = strncmp(w->c->gone_views[i], schema, sl) == 0 &&
                   w->c->gone_views[i][sl] == '\x1f' &&
                   strcmp(w->c->gone_views[i] + sl + 1, name) == 0;
}

/* Do fn's arguments or result name the row type of a view that goes (c->gone_views)? */
static bool
names_gone_view(DiffCtx *c, const CatFunction *fn)
{
    if (!c->ngone_views)
        return false;
    ViewScan w = {c, false};
    const char *texts[] = {fn->identity_args, fn->arguments, fn->result};
    for (size_t i = 0; i < ARRAY_LEN(texts); i++)
        scan_qualified(&c->scratch, texts[i], view_mention, &w);
    return w.found;
}

bool
diff_plan_view_functions(DiffCtx *c)
{
    AgVec v = {0}; /* the new ones */
    for (uint32_t i = 0; i < c->from->nobjects; i++) {
        const CatFunction *f = (const CatFunction *) c->from->objects[i];
        if (f->obj.kind != CAT_FUNCTION || is_gone(c, f->obj.schema, f->fname) ||
            !cat_find(c->to, CAT_FUNCTION, f->obj.schema, f->obj.name) || !names_gone_view(c, f))
            continue;
        ag_vec_push(&v,
                    (void *) ag_arena_printf(&c->scratch, "%s" SEP "%s", f->obj.schema, f->fname));
    }
    bool grew = v.len > 0;
    if (grew) {
        const char **all = ag_arena_alloc(&c->scratch, sizeof(char *) * (c->ngone_fns + v.len));
        for (uint32_t i = 0; i < c->ngone_fns; i++)
            all[i] = c->gone_fns[i];
        for (size_t i = 0; i < v.len; i++)
            all[c->ngone_fns + i] = v.items[i];
        c->gone_fns = all;
        c->ngone_fns += (uint32_t) v.len;
    }
    ag_vec_free(&v);
    return grew;
}

/* The functions an aggregate calls ("f" keys) and its state types. */
static void
aggregate_keys(DiffCtx *c, uint32_t s, const CatFunction *fn, bool creating)
{
    static const char *const fields[] = {"SFUNC",  "FINALFUNC", "COMBINEFUNC", "SERIALFUNC",
                                         "DESERIALFUNC", "MSFUNC", "MINVFUNC", "MFINALFUNC"};
    KeyRole role = creating ? KEY_NEEDS : KEY_RELEASES;
    for (size_t i = 0; i < ARRAY_LEN(fields); i++) {
        const char *v = agg_value(&c->scratch, fn->aggregate, fields[i]);
        const char *first = v ? read_ident(&c->scratch, &v) : NULL;
        if (!first || *v != '.')
            continue;
        v++;
        const char *second = read_ident(&c->scratch, &v);
        if (second)
            diff_step_key(c, s, role, "f" SEP "%s" SEP "%s", first, second);
    }
    static const char *const types[] = {"STYPE", "MSTYPE"};
    for (size_t i = 0; i < ARRAY_LEN(types); i++) {
        const char *v = agg_value(&c->scratch, fn->aggregate, types[i]);
        const char *ts, *tn;
        bool is_array;
        if (v && diff_type_ref(&c->scratch, v, &ts, &tn, &is_array)) {
            diff_step_key(c, s, role, "%s" SEP "%s" SEP "%s", creating ? "y" : "yo", ts, tn);
            diff_step_key(c, s, role, "r" SEP "%s" SEP "%s", ts, tn);
        }
    }
}

static void
function_comment(DiffCtx *c, uint32_t ch, uint32_t after, const CatFunction *t, bool changed)
{
    if (!changed)
        return;
    uint32_t s = diff_comment_step(c, ch, DIFF_OBJ_FUNCTION, t->obj.comment);
    c->steps[s].obj = &t->obj;
    if (after != UINT32_MAX)
        diff_step_after(c, after, s);
}

/* Keys of the user types (enums, domains, composites, row types of tables and views)
 * a function's arguments and result name: created before it, dropped after it. */
static void
type_keys(DiffCtx *c, uint32_t s, const CatFunction *fn, bool creating)
{
    const char *lists[] = {fn->identity_args, fn->result};
    for (size_t l = 0; l < ARRAY_LEN(lists); l++) {
        const char *p = lists[l];
        if (!p)
            continue;
        if (strncmp(p, "SETOF ", 6) == 0)
            p += 6;
        while (*p) {
            size_t n = strcspn(p, ",");
            const char *type = ag_arena_strndup(&c->scratch, p, n);
            const char *ts, *tn;
            bool is_array;
            if (diff_type_ref(&c->scratch, type, &ts, &tn, &is_array)) {
                diff_step_key(c, s, creating ? KEY_NEEDS : KEY_RELEASES, "%s" SEP "%s" SEP "%s",
                              creating ? "y" : "yo", ts, tn);
                diff_step_key(c, s, creating ? KEY_NEEDS : KEY_RELEASES, "r" SEP "%s" SEP "%s",
                              ts, tn);
            }
            p += n;
            while (*p == ',' || *p == ' ')
                p++;
        }
    }
}

static uint32_t
function_create(DiffCtx *c, uint32_t ch, const CatFunction *t)
{
    uint32_t s = diff_step_new(c, DIFF_CREATE_FUNCTION, ch);
    c->steps[s].obj = &t->obj;
    diff_step_key(c, s, KEY_PROVIDES, "f" SEP "%s" SEP "%s", t->obj.schema, t->fname);
    type_keys(c, s, t, true);
    swapped_type_keys(c, s, t, true);
    if (t->aggregate)
        aggregate_keys(c, s, t, true);
    function_comment(c, ch, s, t, t->obj.comment != NULL);
    return s;
}

static uint32_t
function_drop(DiffCtx *c, uint32_t ch, const CatFunction *f)
{
    uint32_t s = diff_step_new(c, DIFF_DROP_FUNCTION, ch);
    c->steps[s].obj = &f->obj;
    diff_step_key(c, s, KEY_REMOVES, "f" SEP "%s" SEP "%s", f->obj.schema, f->fname);
    type_keys(c, s, f, false);
    swapped_type_keys(c, s, f, false);
    if (f->aggregate)
        aggregate_keys(c, s, f, false);
    return s;
}

static void
diff_function_objects(DiffCtx *c)
{
    for (uint32_t i = 0; i < c->to->nobjects; i++) {
        const CatFunction *t = (const CatFunction *) c->to->objects[i];
        if (t->obj.kind != CAT_FUNCTION)
            continue;
        const CatFunction *f =
            (const CatFunction *) cat_find(c->from, CAT_FUNCTION, t->obj.schema, t->obj.name);
        if (!f) {
            uint32_t ch = diff_change_new(c, DIFF_OP_CREATE, DIFF_OBJ_FUNCTION, t->obj.schema,
                                          t->obj.name, NULL);
            c->changes[ch].to_obj = &t->obj;
            function_create(c, ch, t);
            continue;
        }
        bool same = functions_equal(f, t);
        bool comment_changed = !ag_streq(f->obj.comment, t->obj.comment);
        bool retyped = swapped_type_keys(c, UINT32_MAX, f, false) || names_gone_view(c, f);
        if (same && !comment_changed && !retyped)
            continue;
        uint32_t ch = diff_change_new(c, DIFF_OP_ALTER, DIFF_OBJ_FUNCTION, t->obj.schema,
                                      t->obj.name, NULL);
        c->changes[ch].from_obj = &f->obj;
        c->changes[ch].to_obj = &t->obj;
        if (same && !retyped) {
            function_comment(c, ch, UINT32_MAX, t, true);
        } else if (!retyped && replaceable(&c->scratch, f, t)) {
            uint32_t s = diff_step_new(c, DIFF_REPLACE_FUNCTION, ch);
            c->steps[s].obj = &t->obj;
            c->steps[s].old_obj = &f->obj;
            function_comment(c, ch, s, t, comment_changed);
        } else {
            c->changes[ch].recreated = true;
            uint32_t d = function_drop(c, ch, f);
            uint32_t s = function_create(c, ch, t);
            diff_step_after(c, d, s);
        }
    }
    for (uint32_t i = 0; i < c->from->nobjects; i++) {
        const CatFunction *f = (const CatFunction *) c->from->objects[i];
        if (f->obj.kind != CAT_FUNCTION ||
            cat_find(c->to, CAT_FUNCTION, f->obj.schema, f->obj.name))
            continue;
        uint32_t ch = diff_change_new(c, DIFF_OP_DROP, DIFF_OBJ_FUNCTION, f->obj.schema,
                                      f->obj.name, NULL);
        c->changes[ch].from_obj = &f->obj;
        function_drop(c, ch, f);
    }
}

/* ---- triggers -------------------------------------------------------------------------- */

/* The function a trigger statement calls: "... EXECUTE FUNCTION schema.fname(...)" in
 * its canon (always qualified there, but for pg_catalog's trigger functions). */
static bool
trigger_function(AgArena *a, const CatTrigger *t, const char **schema, const char **fname)
{
    const char *canon = t->def ? t->def->canon : NULL;
    const char *p = canon ? strstr(canon, "EXECUTE FUNCTION ") : NULL;
    if (!p)
        return false;
    p += strlen("EXECUTE FUNCTION ");
    const char *first = read_ident(a, &p);
    if (!first)
        return false;
    if (*p != '.') {
        *schema = "pg_catalog";
        *fname = first;
        return true;
    }
    p++;
    const char *second = read_ident(a, &p);
    if (!second)
        return false;
    *schema = first;
    *fname = second;
    return true;
}

static void
trigger_keys(DiffCtx *c, uint32_t s, const CatTable *t, const CatTrigger *trg, bool creating)
{
    KeyRole role = creating ? KEY_NEEDS : KEY_RELEASES;
    const char *fs, *fn;
    if (trigger_function(&c->scratch, trg, &fs, &fn))
        diff_step_key(c, s, role, "f" SEP "%s" SEP "%s", fs, fn);
    if (creating)
        diff_step_key(c, s, KEY_NEEDS, "t" SEP "%s" SEP "%s", t->obj.schema, t->obj.name);
    /* UPDATE OF columns and WHEN: the columns must exist (with their new type), and a
     * trigger goes before the column it names is dropped (PostgreSQL would drop it with
     * the column) or retyped (PostgreSQL refuses). */
    diff_column_use_keys(c, s, t, trg->def->sql, creating);
}

/* Does the trigger name (UPDATE OF, WHEN) a column of f that gets ALTER COLUMN ...
 * TYPE? "cannot alter type of a column used in a trigger definition": it goes before
 * and comes back after. */
static bool
trigger_reads_retyped(const DiffCtx *c, const CatTable *f, const CatTrigger *trg)
{
    for (uint32_t i = 0; i < f->ncolumns; i++)
        if (diff_column_retyped(c, f, f->columns[i].name) &&
            diff_expr_mentions(trg->def->sql, f->columns[i].name))
            return true;
    return false;
}

static uint32_t
trigger_change(DiffCtx *c, DiffOp op, const CatTable *t, const CatTrigger *trg)
{
    uint32_t ch = diff_change_new(c, op, DIFF_OBJ_TRIGGER, t->obj.schema, t->obj.name, trg->name);
    return ch;
}

static uint32_t
trigger_step(DiffCtx *c, DiffStepKind kind, uint32_t ch, const CatTable *t, const CatTrigger *trg)
{
    uint32_t s = diff_step_new(c, kind, ch);
    c->steps[s].table = t;
    c->steps[s].obj = &t->obj;
    c->steps[s].trigger = trg;
    return s;
}

static uint32_t
trigger_comment(DiffCtx *c, uint32_t ch, const CatTable *t, const CatTrigger *trg)
{
    uint32_t s = diff_comment_step(c, ch, DIFF_OBJ_TRIGGER, trg->comment);
    c->steps[s].table = t;
    c->steps[s].obj = &t->obj;
    c->steps[s].trigger = trg;
    return s;
}

/* CREATE TRIGGER, then its state and comment when they are not the defaults. */
static void
trigger_create(DiffCtx *c, uint32_t ch, const CatTable *t, const CatTrigger *trg, uint32_t after)
{
    uint32_t s = trigger_step(c, DIFF_CREATE_TRIGGER, ch, t, trg);
    trigger_keys(c, s, t, trg, true);
    if (after != UINT32_MAX)
        diff_step_after(c, after, s);
    if (trg->enabled && trg->enabled != 'O')
        diff_step_after(c, s, trigger_step(c, DIFF_TRIGGER_STATE, ch, t, trg));
    if (trg->comment)
        diff_step_after(c, s, trigger_comment(c, ch, t, trg));
}

static const CatTrigger *
find_trigger(const CatTable *t, const char *name)
{
    for (uint32_t i = 0; t && i < t->ntriggers; i++)
        if (strcmp(t->triggers[i].name, name) == 0)
            return &t->triggers[i];
    return NULL;
}

/* Is the `from` table dropped by this changeset (for good or to be created again)? */
static bool
table_dropped(const DiffCtx *c, const CatTable *f)
{
    return c->plans[f->obj.id].from == f && c->plans[f->obj.id].drop_step != UINT32_MAX;
}

static void
diff_triggers(DiffCtx *c)
{
    for (uint32_t i = 0; i < c->to->nobjects; i++) {
        const CatTable *t = (const CatTable *) c->to->objects[i];
        if (t->obj.kind != CAT_TABLE)
            continue;
        const CatTable *f = cat_table_find(c->from, t->obj.schema, t->obj.name);
        if (f && table_dropped(c, f))
            f = NULL; /* its triggers go with it */
        for (uint32_t k = 0; k < t->ntriggers; k++) {
            const CatTrigger *tt = &t->triggers[k];
            const CatTrigger *ft = find_trigger(f, tt->name);
            if (!ft) {
                trigger_create(c, trigger_change(c, DIFF_OP_CREATE, t, tt), t, tt, UINT32_MAX);
                continue;
            }
            const char *fs, *fn;
            bool fn_recreated = trigger_function(&c->scratch, tt, &fs, &fn) &&
                                is_gone(c, fs, fn);
            bool def_changed = strcmp(ft->def->canon, tt->def->canon) != 0 || fn_recreated ||
                               trigger_reads_retyped(c, f, ft);
            char fe = ft->enabled ? ft->enabled : 'O', te = tt->enabled ? tt->enabled : 'O';
            bool comment_changed = !ag_streq(ft->comment, tt->comment);
            if (!def_changed && fe == te && !comment_changed)
                continue;
            uint32_t ch = trigger_change(c, DIFF_OP_ALTER, t, tt);
            if (def_changed) {
                c->changes[ch].recreated = true;
                uint32_t d = trigger_step(c, DIFF_DROP_TRIGGER, ch, f, ft);
                trigger_keys(c, d, f, ft, false);
                trigger_create(c, ch, t, tt, d);
                continue;
            }
            if (fe != te)
                trigger_step(c, DIFF_TRIGGER_STATE, ch, t, tt);
            if (comment_changed)
                trigger_comment(c, ch, t, tt);
        }
    }
    for (uint32_t i = 0; i < c->from->nobjects; i++) {
        const CatTable *f = (const CatTable *) c->from->objects[i];
        if (f->obj.kind != CAT_TABLE || !f->ntriggers || table_dropped(c, f))
            continue;
        const CatTable *t = cat_table_find(c->to, f->obj.schema, f->obj.name);
        if (!t)
            continue; /* dropped some other way (with its schema): nothing to add */
        for (uint32_t k = 0; k < f->ntriggers; k++) {
            const CatTrigger *ft = &f->triggers[k];
            if (find_trigger(t, ft->name))
                continue;
            uint32_t ch = trigger_change(c, DIFF_OP_DROP, f, ft);
            uint32_t s = trigger_step(c, DIFF_DROP_TRIGGER, ch, f, ft);
            trigger_keys(c, s, f, ft, false);
        }
    }
}

void
diff_functions(DiffCtx *c)
{
    uint32_t nsteps = c->nsteps; /* the table steps, before ours */
    diff_function_objects(c);
    diff_triggers(c);
    expression_keys(c, nsteps);
}

/*
 * catalog/canon.c: the canonical form of an SQL expression (defaults, CHECK bodies,
 * index expressions and predicates, generated columns), tier 1 of DESIGN.md: the
 * model's spelling and what pg_get_expr / pg_get_constraintdef print (read with
 * search_path = '') must come out as the same string when they mean the same thing.
 *
 * How: parse "SELECT <sql>" with libpg_query, unpack the protobuf tree into a scratch
 * arena, rewrite it in place (rules below), pack it again and let libpg_query deparse it.
 * The rules, applied bottom-up so that each node sees normalised children:
 *   - constants compare by value text: 5, 5.0 and '5' become one numeric constant each
 *     ('5' and 5 are equal; 5.0 stays 5.0), 't'/'f'/'true'/'false' become booleans,
 *     B'101' and X'1F' become the digit strings PostgreSQL stores ('101', '00011111');
 *     unary minus on a number folds into the constant ('-1'::integer == -1);
 *   - casts of constants are dropped ('x'::character varying, (0)::numeric, NULL::text),
 *     and so are the casts PostgreSQL adds for implicit coercions: casts to
 *     text/varchar/bpchar/name without a length (or arrays of them) on column
 *     references, on CURRENT_USER-like functions (type name) and on casts to another of
 *     those types (((x)::character varying(5))::text), and any cast on an ARRAY[...]
 *     constructor. Other casts stay, their target replaced by one identifier holding
 *     the cat_canon_type spelling (::int4 and ::integer both print ::"integer");
 *   - x IN (a, b) becomes x = ANY (ARRAY[a, b]) and NOT IN becomes <> ALL, with
 *     transformAExprIn's split: items that reference columns become separate
 *     comparisons OR-ed (AND-ed for NOT IN) after the array; one item becomes x = a;
 *   - BETWEEN [SYMMETRIC] and NOT BETWEEN become the comparisons PostgreSQL stores;
 *   - LIKE / ILIKE / NOT LIKE / NOT ILIKE / SIMILAR TO become ~~ ~~* !~~ !~~* ~
 *     (!= is already <> in the grammar);
 *   - AND inside AND and OR inside OR are flattened; parentheses are the deparser's;
 *   - CASE without ELSE gets ELSE NULL, as PostgreSQL stores it;
 *   - pg_catalog qualification is dropped from functions called with ordinary syntax,
 *     operators (OPERATOR(pg_catalog.=) is =), collations and types; functions the
 *     grammar itself names pg_catalog.* for SQL syntax (EXTRACT, AT TIME ZONE,
 *     SUBSTRING ... FROM, ...) keep it, since PostgreSQL prints them back in that syntax;
 *   - nextval('seq'): the regclass literal is resolved as regclassin would and printed
 *     schema-qualified, an unqualified name assumed to be in schema "public" (the model
 *     default; with search_path = '' PostgreSQL prints 'public.seq').
 * Not handled here (tier 2, the server decides): constants the server re-spells
 * ('1 day'::interval vs '24:00:00', 1e3 vs 1000, dates compared to timestamps),
 * unqualified calls of functions in user schemas (PostgreSQL prints public.f()), casts
 * the server drops as no-ops (x::int4 on an integer column) or adds where only the
 * catalogs know the types (around function results, non-text coercions), DEFAULT NULL
 * (PostgreSQL stores no default at all: the producer should drop it).
 * Must not: be reached by code outside catalog/ through libpg_query types, or talk to a
 * database. Only canon*.c may include libpg_query.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include "catalog/canon_internal.h"
#include "catalog/catalog.h"

/* ---- scratch allocation ------------------------------------------------------- */

/* The unpacked tree and every node we add live in one scratch arena per call, so
 * nodes can be replaced and shared freely; nothing is freed piecemeal and
 * pg_query__parse_result__free_unpacked is never needed: the arena goes at once. */
static void *
scratch_alloc(void *data, size_t size)
{
    return ag_arena_alloc(data, size);
}

static void
scratch_free(void *data, void *p)
{
    (void) data;
    (void) p;
}

typedef struct Norm {
    AgArena *a; /* the scratch arena */
} Norm;

static PgQuery__Node *
new_node(Norm *nm)
{
    PgQuery__Node *n = ag_arena_alloc(nm->a, sizeof(*n));
    pg_query__node__init(n);
    return n;
}

static PgQuery__Node *
string_node(Norm *nm, const char *s)
{
    PgQuery__String *str = ag_arena_alloc(nm->a, sizeof(*str));
    pg_query__string__init(str);
    str->sval = ag_arena_strdup(nm->a, s);
    PgQuery__Node *n = new_node(nm);
    n->node_case = PG_QUERY__NODE__NODE_STRING;
    n->string = str;
    return n;
}

static PgQuery__Node *
aexpr_node(Norm *nm, PgQuery__AExprKind kind, const char *op, PgQuery__Node *l, PgQuery__Node *r)
{
    PgQuery__AExpr *e = ag_arena_alloc(nm->a, sizeof(*e));
    pg_query__a__expr__init(e);
    e->kind = kind;
    e->n_name = 1;
    e->name = ag_arena_alloc(nm->a, sizeof(PgQuery__Node *));
    e->name[0] = string_node(nm, op);
    e->lexpr = l;
    e->rexpr = r;
    e->location = -1;
    PgQuery__Node *n = new_node(nm);
    n->node_case = PG_QUERY__NODE__NODE_A_EXPR;
    n->a_expr = e;
    return n;
}

static PgQuery__Node *
bool_node(Norm *nm, PgQuery__BoolExprType op, PgQuery__Node **args, size_t nargs)
{
    PgQuery__BoolExpr *e = ag_arena_alloc(nm->a, sizeof(*e));
    pg_query__bool_expr__init(e);
    e->boolop = op;
    e->n_args = nargs;
    e->args = ag_arena_memdup(nm->a, args, sizeof(PgQuery__Node *) * nargs);
    e->location = -1;
    PgQuery__Node *n = new_node(nm);
    n->node_case = PG_QUERY__NODE__NODE_BOOL_EXPR;
    n->bool_expr = e;
    return n;
}

static PgQuery__Node *
binary_bool(Norm *nm, PgQuery__BoolExprType op, PgQuery__Node *a, PgQuery__Node *b)
{
    PgQuery__Node *args[2] = {a, b};
    return bool_node(nm, op, args, 2);
}

/* ---- small predicates ----------------------------------------------------------- */

static const char *
str_of(const PgQuery__Node *n)
{
    return n && n->node_case == PG_QUERY__NODE__NODE_STRING && n->string ? n->string->sval : NULL;
}

static bool
is_pg_catalog(const PgQuery__Node *n)
{
    const char *s = str_of(n);
    return s && strcmp(s, "pg_catalog") == 0;
}

/* Drop a leading "pg_catalog" from a qualified name list (functions, operators,
 * collations). */
static void
strip_pg_catalog(PgQuery__Node ***names, size_t *nnames)
{
    if (*nnames == 2 && is_pg_catalog((*names)[0])) {
        (*names)++;
        (*nnames)--;
    }
}

static bool contains_column_ref(const ProtobufCMessage *m);

static bool
node_contains_column_ref(const PgQuery__Node *n)
{
    if (!n)
        return false;
    if (n->node_case == PG_QUERY__NODE__NODE_COLUMN_REF)
        return true;
    return contains_column_ref(&n->base);
}

/* Does anything below m reference a column? (contain_vars_of_level, before analysis.)
 * Sub-selects count too, which is conservative: their Vars would be of another level. */
static bool
contains_column_ref(const ProtobufCMessage *m)
{
    const ProtobufCMessageDescriptor *d = m->descriptor;
    for (unsigned i = 0; i < d->n_fields; i++) {
        const ProtobufCFieldDescriptor *f = &d->fields[i];
        if (f->type != PROTOBUF_C_TYPE_MESSAGE)
            continue;
        const char *base = (const char *) m;
        if (f->label == PROTOBUF_C_LABEL_REPEATED) {
            size_t cnt = *(const size_t *) (base + f->quantifier_offset);
            ProtobufCMessage *const *arr = *(ProtobufCMessage *const *const *) (base + f->offset);
            for (size_t j = 0; j < cnt; j++) {
                if (arr[j]->descriptor == &pg_query__node__descriptor
                        ? node_contains_column_ref((const PgQuery__Node *) arr[j])
                        : contains_column_ref(arr[j]))
                    return true;
            }
            continue;
        }
        if ((f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) &&
            *(const uint32_t *) (base + f->quantifier_offset) != f->id)
            continue;
        const ProtobufCMessage *c = *(ProtobufCMessage *const *) (base + f->offset);
        if (!c)
            continue;
        if (c->descriptor == &pg_query__node__descriptor
                ? node_contains_column_ref((const PgQuery__Node *) c)
                : contains_column_ref(c))
            return true;
    }
    return false;
}

/* ---- constants ------------------------------------------------------------------ */

/* Does s spell a numeric literal as PostgreSQL's scanner reads one, with an optional
 * leading minus (what '-1'::integer holds)? Only such strings become numbers, so
 * '5' == 5 while ' 5', '0x1F' or '1_000' stay strings. */
static bool
is_numeric_text(const char *s)
{
    const char *p = s;
    if (*p == '-')
        p++;
    bool digits = false;
    while (*p >= '0' && *p <= '9') {
        p++;
        digits = true;
    }
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9') {
            p++;
            digits = true;
        }
    }
    if (!digits)
        return false;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!(*p >= '0' && *p <= '9'))
            return false;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    return *p == '\0';
}

static void
set_const_float(Norm *nm, PgQuery__AConst *c, const char *text)
{
    PgQuery__Float *f = ag_arena_alloc(nm->a, sizeof(*f));
    pg_query__float__init(f);
    f->fval = ag_arena_strdup(nm->a, text);
    c->val_case = PG_QUERY__A__CONST__VAL_FVAL;
    c->fval = f;
}

static void
set_const_bool(Norm *nm, PgQuery__AConst *c, bool v)
{
    PgQuery__Boolean *b = ag_arena_alloc(nm->a, sizeof(*b));
    pg_query__boolean__init(b);
    b->boolval = v;
    c->val_case = PG_QUERY__A__CONST__VAL_BOOLVAL;
    c->boolval = b;
}

/* Every numeric constant becomes a Float carrying its exact text (an Integer would
 * lose leading zeros of a string it came from); strings that spell a number or a
 * boolean join those. */
static void
norm_const(Norm *nm, PgQuery__AConst *c)
{
    if (c->isnull)
        return;
    switch (c->val_case) {
    case PG_QUERY__A__CONST__VAL_IVAL: {
        char buf[16];
        snprintf(buf, sizeof(buf), "%d", c->ival ? (int) c->ival->ival : 0);
        set_const_float(nm, c, buf);
        return;
    }
    case PG_QUERY__A__CONST__VAL_BSVAL: {
        /* B'101' and X'1F' are stored as '101'::"bit" and '00011111'::"bit". */
        const char *s = c->bsval && c->bsval->bsval ? c->bsval->bsval : "";
        AgBuf b;
        ag_buf_init(&b);
        if (s[0] == 'b' || s[0] == 'B') {
            ag_buf_puts(&b, s + 1);
        } else {
            for (const char *p = s + 1; *p; p++) {
                int v = *p >= '0' && *p <= '9'   ? *p - '0'
                        : *p >= 'a' && *p <= 'f' ? *p - 'a' + 10
                        : *p >= 'A' && *p <= 'F' ? *p - 'A' + 10
                                                 : -1;
                if (v < 0) {
                    ag_buf_free(&b);
                    return; /* not a valid hex literal: leave it */
                }
                for (int bit = 3; bit >= 0; bit--)
                    ag_buf_putc(&b, (v >> bit) & 1 ? '1' : '0');
            }
        }
        PgQuery__String *str = ag_arena_alloc(nm->a, sizeof(*str));
        pg_query__string__init(str);
        str->sval = ag_arena_strdup(nm->a, ag_buf_cstr(&b));
        ag_buf_free(&b);
        c->val_case = PG_QUERY__A__CONST__VAL_SVAL;
        c->sval = str; /* and on: a string of digits is a number like any '101' */
    }
        __attribute__((fallthrough));
    case PG_QUERY__A__CONST__VAL_SVAL: {
        const char *s = c->sval && c->sval->sval ? c->sval->sval : "";
        if (is_numeric_text(s))
            set_const_float(nm, c, s);
        else if (strcmp(s, "t") == 0 || strcmp(s, "true") == 0)
            set_const_bool(nm, c, true);
        else if (strcmp(s, "f") == 0 || strcmp(s, "false") == 0)
            set_const_bool(nm, c, false);
        return;
    }
    default: /* floats and booleans are canonical already */
        return;
    }
}

static bool
is_number_const(const PgQuery__Node *n)
{
    return n && n->node_case == PG_QUERY__NODE__NODE_A_CONST && !n->a_const->isnull &&
           n->a_const->val_case == PG_QUERY__A__CONST__VAL_FVAL && n->a_const->fval;
}

/* ---- types ---------------------------------------------------------------------- */

/* Is the cast target text, varchar, bpchar or name (or an array of one)? Without a
 * length, those are the casts PostgreSQL prints around column references for implicit
 * coercions; with one (x::varchar(5)) the cast truncates and is the model's own.
 * A target already rewritten by norm_type_name holds one canonical spelling instead. */
static bool
is_texty_type(const PgQuery__TypeName *t, bool any_length)
{
    if (!t || t->n_names == 0 || t->n_names > 2)
        return false;
    if (t->n_names == 2 && !is_pg_catalog(t->names[0]))
        return false;
    const char *s = str_of(t->names[t->n_names - 1]);
    if (!s)
        return false;
    if (strcmp(s, "text") == 0 || strcmp(s, "varchar") == 0 || strcmp(s, "bpchar") == 0 ||
        strcmp(s, "name") == 0)
        return any_length || t->n_typmods == 0;
    if (!any_length || t->n_names != 1)
        return false;
    size_t n = strlen(s);
    if (n > 2 && strcmp(s + n - 2, "[]") == 0)
        n -= 2;
    return (n == 4 && strncmp(s, "text", 4) == 0) || (n == 6 && strncmp(s, "bpchar", 6) == 0) ||
           (n == 4 && strncmp(s, "name", 4) == 0) || strncmp(s, "character varying", 17) == 0 ||
           strncmp(s, "character(", 10) == 0;
}

/* Replace a TypeName by a one-part name holding its cat_canon_type spelling, so that
 * ::int4, ::integer and ::pg_catalog.int4 deparse alike (as ::"integer"). Typmods and
 * array bounds are folded into the spelling. */
static void
norm_type_name(Norm *nm, PgQuery__TypeName *t)
{
    if (!t || t->n_names == 0 || t->pct_type || t->setof)
        return;
    const char *names[3];
    uint32_t nnames = 0;
    for (size_t i = t->n_names > 3 ? t->n_names - 3 : 0; i < t->n_names; i++) {
        const char *s = str_of(t->names[i]);
        if (!s)
            return;
        names[nnames++] = s;
    }
    const char *mods[8];
    uint32_t nmods = 0;
    for (size_t i = 0; i < t->n_typmods && nmods < ARRAY_LEN(mods); i++) {
        const PgQuery__Node *m = t->typmods[i];
        if (m->node_case != PG_QUERY__NODE__NODE_A_CONST || m->a_const->isnull)
            return; /* an odd typmod: leave the type as written */
        const PgQuery__AConst *c = m->a_const;
        if (c->val_case == PG_QUERY__A__CONST__VAL_FVAL && c->fval)
            mods[nmods++] = c->fval->fval;
        else if (c->val_case == PG_QUERY__A__CONST__VAL_SVAL && c->sval)
            mods[nmods++] = c->sval->sval;
        else if (c->val_case == PG_QUERY__A__CONST__VAL_IVAL)
            mods[nmods++] = ag_arena_printf(nm->a, "%d", c->ival ? (int) c->ival->ival : 0);
        else
            return;
    }
    /* A lone interval typmod in the tree is a field mask (interval month is {2}); make it
     * the unambiguous (mask, no precision) pair cat_canon_type reads as such. */
    if (nmods == 1 && strcmp(names[nnames - 1], "interval") == 0 &&
        (nnames == 1 || strcmp(names[nnames - 2], "pg_catalog") == 0))
        mods[nmods++] = "65535";
    const char *canon =
        cat_canon_type(nm->a, names, nnames, mods, nmods, (uint32_t) t->n_array_bounds, "public");
    t->n_names = 1;
    t->names = ag_arena_alloc(nm->a, sizeof(PgQuery__Node *));
    t->names[0] = string_node(nm, canon);
    t->n_typmods = 0;
    t->typmods = NULL;
    t->n_array_bounds = 0;
    t->array_bounds = NULL;
    t->typemod = -1;
    t->location = -1;
}

/* ---- rules per node kind -------------------------------------------------------- */

static void
norm_type_cast(Norm *nm, PgQuery__Node *n)
{
    PgQuery__TypeCast *tc = n->type_cast;
    PgQuery__Node *arg = tc->arg;
    if (arg && (arg->node_case == PG_QUERY__NODE__NODE_A_CONST ||
                arg->node_case == PG_QUERY__NODE__NODE_A_ARRAY_EXPR ||
                ((arg->node_case == PG_QUERY__NODE__NODE_COLUMN_REF ||
                  arg->node_case == PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION ||
                  (arg->node_case == PG_QUERY__NODE__NODE_TYPE_CAST &&
                   is_texty_type(arg->type_cast->type_name, true))) &&
                 is_texty_type(tc->type_name, false)))) {
        *n = *arg;
        return;
    }
    norm_type_name(nm, tc->type_name);
}

/* x IN (a, b, y) as transformAExprIn builds it: the items without column references
 * (when there are at least two) go into one x = ANY (ARRAY[...]); every other item is
 * its own x = item; all joined by OR (for NOT IN: <> ALL and <>, joined by AND). */
static void
norm_in(Norm *nm, PgQuery__Node *n)
{
    PgQuery__AExpr *e = n->a_expr;
    if (!e->rexpr || e->rexpr->node_case != PG_QUERY__NODE__NODE_LIST || e->n_name != 1 ||
        (e->lexpr && e->lexpr->node_case == PG_QUERY__NODE__NODE_ROW_EXPR))
        return;
    const char *op = str_of(e->name[0]);
    if (!op)
        return;
    bool is_or = strcmp(op, "=") == 0;
    PgQuery__List *items = e->rexpr->list;
    size_t nitems = items->n_items;
    PgQuery__Node **consts = ag_arena_alloc(nm->a, sizeof(PgQuery__Node *) * (nitems + 1));
    PgQuery__Node **parts = ag_arena_alloc(nm->a, sizeof(PgQuery__Node *) * (nitems + 1));
    size_t nconsts = 0, nparts = 0;
    for (size_t i = 0; i < nitems; i++)
        if (!node_contains_column_ref(items->items[i]))
            consts[nconsts++] = items->items[i];
    if (nconsts > 1) {
        PgQuery__AArrayExpr *arr = ag_arena_alloc(nm->a, sizeof(*arr));
        pg_query__a__array_expr__init(arr);
        arr->n_elements = nconsts;
        arr->elements = consts;
        arr->location = -1;
        PgQuery__Node *an = new_node(nm);
        an->node_case = PG_QUERY__NODE__NODE_A_ARRAY_EXPR;
        an->a_array_expr = arr;
        parts[nparts++] = aexpr_node(nm,
                                     is_or ? PG_QUERY__A__EXPR__KIND__AEXPR_OP_ANY
                                           : PG_QUERY__A__EXPR__KIND__AEXPR_OP_ALL,
                                     op, e->lexpr, an);
    }
    for (size_t i = 0; i < nitems; i++)
        if (nconsts <= 1 || node_contains_column_ref(items->items[i]))
            parts[nparts++] =
                aexpr_node(nm, PG_QUERY__A__EXPR__KIND__AEXPR_OP, op, e->lexpr, items->items[i]);
    if (nparts == 1)
        *n = *parts[0];
    else if (nparts > 1)
        *n = *bool_node(
            nm, is_or ? PG_QUERY__BOOL_EXPR_TYPE__OR_EXPR : PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR,
            parts, nparts);
}

/* BETWEEN as the parser's transformAExprBetween spells it. */
static void
norm_between(Norm *nm, PgQuery__Node *n)
{
    PgQuery__AExpr *e = n->a_expr;
    if (!e->rexpr || e->rexpr->node_case != PG_QUERY__NODE__NODE_LIST ||
        e->rexpr->list->n_items != 2)
        return;
    PgQuery__Node *x = e->lexpr, *lo = e->rexpr->list->items[0], *hi = e->rexpr->list->items[1];
    const PgQuery__AExprKind op = PG_QUERY__A__EXPR__KIND__AEXPR_OP;
    const PgQuery__BoolExprType and = PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR;
    const PgQuery__BoolExprType or = PG_QUERY__BOOL_EXPR_TYPE__OR_EXPR;
    PgQuery__Node *r;
    switch (e->kind) {
    case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN:
        r = binary_bool(nm, and, aexpr_node(nm, op, ">=", x, lo), aexpr_node(nm, op, "<=", x, hi));
        break;
    case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN:
        r = binary_bool(nm, or, aexpr_node(nm, op, "<", x, lo), aexpr_node(nm, op, ">", x, hi));
        break;
    case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN_SYM:
        r = binary_bool(
            nm, or,
            binary_bool(nm, and, aexpr_node(nm, op, ">=", x, lo), aexpr_node(nm, op, "<=", x, hi)),
            binary_bool(nm, and, aexpr_node(nm, op, ">=", x, hi), aexpr_node(nm, op, "<=", x, lo)));
        break;
    case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN_SYM:
        r = binary_bool(
            nm, and,
            binary_bool(nm, or, aexpr_node(nm, op, "<", x, lo), aexpr_node(nm, op, ">", x, hi)),
            binary_bool(nm, or, aexpr_node(nm, op, "<", x, hi), aexpr_node(nm, op, ">", x, lo)));
        break;
    default:
        return;
    }
    *n = *r;
}

static void norm_bool(Norm *nm, PgQuery__Node *n);

static void
norm_aexpr(Norm *nm, PgQuery__Node *n)
{
    PgQuery__AExpr *e = n->a_expr;
    strip_pg_catalog(&e->name, &e->n_name);
    switch (e->kind) {
    case PG_QUERY__A__EXPR__KIND__AEXPR_OP: {
        /* - 1 (a minus applied to a cast constant, or written with a space) folds. */
        const char *op = e->n_name == 1 ? str_of(e->name[0]) : NULL;
        if (op && strcmp(op, "-") == 0 && !e->lexpr && is_number_const(e->rexpr)) {
            const char *v = e->rexpr->a_const->fval->fval;
            const char *neg = v[0] == '-' ? v + 1 : ag_arena_printf(nm->a, "-%s", v);
            set_const_float(nm, e->rexpr->a_const, neg);
            *n = *e->rexpr;
        }
        return;
    }
    case PG_QUERY__A__EXPR__KIND__AEXPR_LIKE:
    case PG_QUERY__A__EXPR__KIND__AEXPR_ILIKE:
    case PG_QUERY__A__EXPR__KIND__AEXPR_SIMILAR:
        /* The name already holds the operator: ~~, !~~, ~~*, !~~*, ~, !~. */
        e->kind = PG_QUERY__A__EXPR__KIND__AEXPR_OP;
        return;
    case PG_QUERY__A__EXPR__KIND__AEXPR_IN:
        norm_in(nm, n);
        if (n->node_case == PG_QUERY__NODE__NODE_BOOL_EXPR)
            norm_bool(nm, n);
        return;
    case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN:
    case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN:
    case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN_SYM:
    case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN_SYM:
        norm_between(nm, n);
        return;
    default: /* = ANY, IS DISTINCT FROM, NULLIF: printed back as parsed */
        return;
    }
}

/* AND(a, AND(b, c)) -> AND(a, b, c); the same for OR. Children are already flat. */
static void
norm_bool(Norm *nm, PgQuery__Node *n)
{
    PgQuery__BoolExpr *e = n->bool_expr;
    if (e->boolop == PG_QUERY__BOOL_EXPR_TYPE__NOT_EXPR)
        return;
    size_t total = 0;
    bool nested = false;
    for (size_t i = 0; i < e->n_args; i++) {
        const PgQuery__Node *c = e->args[i];
        if (c->node_case == PG_QUERY__NODE__NODE_BOOL_EXPR && c->bool_expr->boolop == e->boolop) {
            total += c->bool_expr->n_args;
            nested = true;
        } else {
            total++;
        }
    }
    if (!nested)
        return;
    PgQuery__Node **args = ag_arena_alloc(nm->a, sizeof(PgQuery__Node *) * total);
    size_t k = 0;
    for (size_t i = 0; i < e->n_args; i++) {
        PgQuery__Node *c = e->args[i];
        if (c->node_case == PG_QUERY__NODE__NODE_BOOL_EXPR && c->bool_expr->boolop == e->boolop) {
            memcpy(args + k, c->bool_expr->args, sizeof(PgQuery__Node *) * c->bool_expr->n_args);
            k += c->bool_expr->n_args;
        } else {
            args[k++] = c;
        }
    }
    e->args = args;
    e->n_args = total;
}

/* Split a regclass literal the way regclassin does (stringToQualifiedNameList):
 * dot-separated parts, double-quoted parts kept as written ("" is a quote), unquoted
 * parts downcased (ASCII). Returns the canonical "schema.name" with quote_ident
 * spelling, or NULL when the text is not a valid one- or two-part name. */
static const char *
canon_regclass(AgArena *a, const char *s)
{
    char *parts[2];
    int nparts = 0;
    const char *p = s;
    for (;;) {
        if (nparts == 2)
            return NULL;
        AgBuf b;
        ag_buf_init(&b);
        if (*p == '"') {
            p++;
            for (;;) {
                if (!*p) {
                    ag_buf_free(&b);
                    return NULL;
                }
                if (*p == '"') {
                    if (p[1] != '"')
                        break;
                    p++;
                }
                ag_buf_putc(&b, *p++);
            }
            p++;
        } else {
            while (*p && *p != '.') {
                char ch = *p++;
                ag_buf_putc(&b, ch >= 'A' && ch <= 'Z' ? (char) (ch - 'A' + 'a') : ch);
            }
        }
        parts[nparts++] = ag_arena_strdup(a, ag_buf_cstr(&b));
        ag_buf_free(&b);
        if (parts[nparts - 1][0] == '\0')
            return NULL;
        if (*p == '\0')
            break;
        if (*p != '.')
            return NULL;
        p++;
    }
    return nparts == 2 ? cat_qualified(a, parts[0], parts[1])
                       : cat_qualified(a, "public", parts[0]);
}

static void
norm_func_call(Norm *nm, PgQuery__FuncCall *f)
{
    if (f->funcformat != PG_QUERY__COERCION_FORM__COERCE_SQL_SYNTAX)
        strip_pg_catalog(&f->funcname, &f->n_funcname);
    const char *name = f->n_funcname == 1 ? str_of(f->funcname[0]) : NULL;
    if (name && strcmp(name, "nextval") == 0 && f->n_args == 1 &&
        f->args[0]->node_case == PG_QUERY__NODE__NODE_A_CONST &&
        f->args[0]->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL &&
        f->args[0]->a_const->sval) {
        PgQuery__String *sv = f->args[0]->a_const->sval;
        const char *q = canon_regclass(nm->a, sv->sval ? sv->sval : "");
        if (q)
            sv->sval = ag_arena_strdup(nm->a, q);
    }
}

/* ---- the walk ------------------------------------------------------------------- */

static void norm_node(Norm *nm, PgQuery__Node *n);
static void walk_message(Norm *nm, ProtobufCMessage *m);

static void
visit(Norm *nm, ProtobufCMessage *m)
{
    if (m->descriptor == &pg_query__node__descriptor)
        norm_node(nm, (PgQuery__Node *) m);
    else
        walk_message(nm, m);
}

/* Visit every message-typed field of m through the protobuf-c descriptors, so node
 * kinds without a rule are still descended into. */
static void
walk_message(Norm *nm, ProtobufCMessage *m)
{
    const ProtobufCMessageDescriptor *d = m->descriptor;
    char *base = (char *) m;
    for (unsigned i = 0; i < d->n_fields; i++) {
        const ProtobufCFieldDescriptor *f = &d->fields[i];
        if (f->type != PROTOBUF_C_TYPE_MESSAGE)
            continue;
        if (f->label == PROTOBUF_C_LABEL_REPEATED) {
            size_t cnt = *(size_t *) (base + f->quantifier_offset);
            ProtobufCMessage **arr = *(ProtobufCMessage ***) (base + f->offset);
            for (size_t j = 0; j < cnt; j++)
                visit(nm, arr[j]);
            continue;
        }
        if ((f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) &&
            *(uint32_t *) (base + f->quantifier_offset) != f->id)
            continue;
        ProtobufCMessage *c = *(ProtobufCMessage **) (base + f->offset);
        if (c)
            visit(nm, c);
    }
}

static void
norm_node(Norm *nm, PgQuery__Node *n)
{
    walk_message(nm, &n->base);
    switch (n->node_case) {
    case PG_QUERY__NODE__NODE_A_CONST:
        norm_const(nm, n->a_const);
        break;
    case PG_QUERY__NODE__NODE_TYPE_CAST:
        norm_type_cast(nm, n);
        break;
    case PG_QUERY__NODE__NODE_A_EXPR:
        norm_aexpr(nm, n);
        break;
    case PG_QUERY__NODE__NODE_BOOL_EXPR:
        norm_bool(nm, n);
        break;
    case PG_QUERY__NODE__NODE_FUNC_CALL:
        norm_func_call(nm, n->func_call);
        break;
    case PG_QUERY__NODE__NODE_CASE_EXPR:
        /* PostgreSQL stores CASE without ELSE as ... ELSE NULL::type END. */
        if (!n->case_expr->defresult) {
            PgQuery__AConst *c = ag_arena_alloc(nm->a, sizeof(*c));
            pg_query__a__const__init(c);
            c->isnull = true;
            c->location = -1;
            PgQuery__Node *d = new_node(nm);
            d->node_case = PG_QUERY__NODE__NODE_A_CONST;
            d->a_const = c;
            n->case_expr->defresult = d;
        }
        break;
    case PG_QUERY__NODE__NODE_COLLATE_CLAUSE:
        strip_pg_catalog(&n->collate_clause->collname, &n->collate_clause->n_collname);
        break;
    default:
        break;
    }
}

/* ---- entry points --------------------------------------------------------------- */

/* The single expression of "SELECT <sql>", or NULL when the statement is anything
 * more (FROM, a second statement, an alias, DISTINCT, ...). */
static PgQuery__ResTarget *
only_target(PgQuery__ParseResult *pr)
{
    if (pr->n_stmts != 1 || !pr->stmts[0]->stmt ||
        pr->stmts[0]->stmt->node_case != PG_QUERY__NODE__NODE_SELECT_STMT)
        return NULL;
    const PgQuery__SelectStmt *s = pr->stmts[0]->stmt->select_stmt;
    if (s->n_target_list != 1 || s->n_from_clause || s->where_clause || s->n_group_clause ||
        s->having_clause || s->n_window_clause || s->n_values_lists || s->n_sort_clause ||
        s->limit_offset || s->limit_count || s->n_locking_clause || s->with_clause ||
        s->n_distinct_clause || s->into_clause || s->larg || s->rarg ||
        s->op != PG_QUERY__SET_OPERATION__SETOP_NONE)
        return NULL;
    const PgQuery__Node *t = s->target_list[0];
    /* protobuf-c gives absent strings as "", not NULL. */
    if (t->node_case != PG_QUERY__NODE__NODE_RES_TARGET ||
        (t->res_target->name && t->res_target->name[0]) || !t->res_target->val)
        return NULL;
    return t->res_target;
}

/* Cost: one parse, one pack and one deparse by libpg_query; every libpg_query result
 * is released before returning, and the scratch tree with it. */
static const char *
canon_expr_uncached(AgArena *arena, const char *sql)
{
    if (!sql)
        return NULL;
    size_t len = strlen(sql);
    char *query = ag_xmalloc(len + 8);
    memcpy(query, "SELECT ", 7);
    memcpy(query + 7, sql, len + 1);
    PgQueryProtobufParseResult parsed = pg_query_parse_protobuf(query);
    free(query);
    if (parsed.error) {
        pg_query_free_protobuf_parse_result(parsed);
        return NULL;
    }

    AgArena scratch;
    ag_arena_init(&scratch);
    ProtobufCAllocator alloc = {
        .alloc = scratch_alloc, .free = scratch_free, .allocator_data = &scratch};
    PgQuery__ParseResult *pr = pg_query__parse_result__unpack(
        &alloc, parsed.parse_tree.len, (const uint8_t *) parsed.parse_tree.data);
    /* The protobuf bytes were copied into the unpacked tree (in scratch). */
    pg_query_free_protobuf_parse_result(parsed);
    const char *result = NULL;
    PgQuery__ResTarget *target = pr ? only_target(pr) : NULL;
    if (target) {
        Norm nm = {.a = &scratch};
        norm_node(&nm, target->val);
        size_t size = pg_query__parse_result__get_packed_size(pr);
        uint8_t *packed = ag_arena_alloc(&scratch, size ? size : 1);
        pg_query__parse_result__pack(pr, packed);
        PgQueryProtobuf pb = {.len = size, .data = (char *) packed};
        PgQueryDeparseResult dep = pg_query_deparse_protobuf(pb);
        if (!dep.error && dep.query && strncmp(dep.query, "SELECT ", 7) == 0)
            result = ag_arena_strdup(arena, dep.query + 7); /* copied out before the free */
        pg_query_free_deparse_result(dep);
    }
    ag_arena_free(&scratch);
    return result;
}

/* ---- memo of canonical forms ------------------------------------------------------ */

/* The same few spellings come back thousands of times ("0", "now()", "'new'::status"
 * on every table, on both sides), and the canonical form depends on the text alone:
 * cat_canon_expr keeps what it computed in one process-wide table, shared by the
 * parser thread and introspection under a mutex. Entries are never freed (the table
 * stays reachable); at most MEMO_MAX_ENTRIES entries and MEMO_MAX_BYTES of text. */
#define MEMO_MAX_ENTRIES (1u << 17)
#define MEMO_MAX_BYTES   (32u << 20)
#define MEMO_MAX_SQL     4096u

typedef struct MemoEntry {
    uint64_t hash;        /* 0: empty slot */
    const char *sql;      /* owns the allocation: "sql\0canon\0" */
    const char *canon;    /* NULL: the canonicaliser refused sql */
} MemoEntry;

static struct {
    pthread_mutex_t lock;
    MemoEntry *slots;
    uint32_t cap; /* power of two */
    uint32_t n;
    size_t bytes;
} memo = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* Under memo.lock: the entry for sql, or NULL. */
static const MemoEntry *
memo_find(const char *sql, uint64_t h)
{
    if (!memo.cap)
        return NULL;
    uint32_t mask = memo.cap - 1;
    for (uint32_t i = (uint32_t) h & mask; memo.slots[i].hash; i = (i + 1) & mask)
        if (memo.slots[i].hash == h && strcmp(memo.slots[i].sql, sql) == 0)
            return &memo.slots[i];
    return NULL;
}

static void
memo_put_slot(MemoEntry *slots, uint32_t cap, MemoEntry e)
{
    uint32_t mask = cap - 1;
    uint32_t i = (uint32_t) e.hash & mask;
    while (slots[i].hash)
        i = (i + 1) & mask;
    slots[i] = e;
}

/* Under memo.lock: remember sql -> canon (NULL: refused) while the table has room. */
static void
memo_put(const char *sql, uint64_t h, const char *canon)
{
    size_t ls = strlen(sql), lc = canon ? strlen(canon) : 0;
    if (memo.n >= MEMO_MAX_ENTRIES || memo.bytes + ls + lc + 2 > MEMO_MAX_BYTES || memo_find(sql, h))
        return;
    if ((memo.n + 1) * 2 > memo.cap) {
        uint32_t cap = memo.cap ? memo.cap * 2 : 1024;
        MemoEntry *slots = calloc(cap, sizeof(MemoEntry));
        if (!slots)
            return; /* a memo is optional */
        for (uint32_t i = 0; i < memo.cap; i++)
            if (memo.slots[i].hash)
                memo_put_slot(slots, cap, memo.slots[i]);
        free(memo.slots);
        memo.slots = slots;
        memo.cap = cap;
    }
    char *text = malloc(ls + lc + 2);
    if (!text)
        return;
    memcpy(text, sql, ls + 1);
    if (canon)
        memcpy(text + ls + 1, canon, lc + 1);
    memo_put_slot(memo.slots, memo.cap,
                  (MemoEntry){.hash = h, .sql = text, .canon = canon ? text + ls + 1 : NULL});
    memo.n++;
    memo.bytes += ls + lc + 2;
}

/* Plain lower-case identifier characters and dots: nothing to quote or fold. */
static bool
plain_name_chars(const char *s, size_t n)
{
    if (!n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_' ||
              s[i] == '.'))
            return false;
    return true;
}

/* The one default every serial and identity-less sequence column has, in the exact
 * spelling both producers write (nextval('s'::regclass), 's' plain): its canon without
 * libpg_query, as norm_func_call would give it. Each is a different text (one sequence
 * per table), so the memo below cannot help; test_canon compares this with the full
 * path. NULL: not that shape, take the full path. */
static const char *
canon_nextval_fast(AgArena *arena, const char *sql)
{
    static const char head[] = "nextval('", tail[] = "'::regclass)";
    const size_t nh = sizeof(head) - 1, nt = sizeof(tail) - 1;
    size_t n = strlen(sql);
    if (n <= nh + nt || strncmp(sql, head, nh) != 0 || strcmp(sql + n - nt, tail) != 0 ||
        !plain_name_chars(sql + nh, n - nh - nt) || sql[nh] == '.' || sql[n - nt - 1] == '.')
        return NULL;
    const char *name = ag_arena_strndup(arena, sql + nh, n - nh - nt);
    const char *q = canon_regclass(arena, name);
    if (!q || !plain_name_chars(q, strlen(q)))
        return NULL;
    return ag_arena_printf(arena, "nextval('%s')", q);
}

/* See catalog.h. Memoised (above): the result is copied into arena either way. */
const char *
cat_canon_expr(AgArena *arena, const char *sql)
{
    if (!sql)
        return NULL;
    const char *fast = canon_nextval_fast(arena, sql);
    if (fast)
        return fast;
    if (strlen(sql) > MEMO_MAX_SQL)
        return canon_expr_uncached(arena, sql);
    uint64_t h = ag_hash_str(sql, 0x63616e6f6eULL);
    h = h ? h : 1;
    pthread_mutex_lock(&memo.lock);
    const MemoEntry *e = memo_find(sql, h);
    /* Entries never move their text, so it is safe to copy after unlocking. */
    bool found = e != NULL;
    const char *canon = e ? e->canon : NULL;
    pthread_mutex_unlock(&memo.lock);
    if (found)
        return canon ? ag_arena_strdup(arena, canon) : NULL;
    const char *result = canon_expr_uncached(arena, sql);
    pthread_mutex_lock(&memo.lock);
    memo_put(sql, h, result);
    pthread_mutex_unlock(&memo.lock);
    return result;
}

CatExpr *
cat_expr_new(AgArena *arena, const char *sql)
{
    const char *canon = cat_canon_expr(arena, sql);
    if (!canon)
        return NULL;
    CatExpr *e = ag_arena_alloc(arena, sizeof(*e));
    e->sql = ag_arena_strdup(arena, sql);
    e->canon = canon;
    return e;
}

/* ---- for the other canon*.c files (canon_internal.h) ------------------------------ */

void
cat_canon_norm_node(AgArena *scratch, PgQuery__Node *n)
{
    Norm nm = {.a = scratch};
    norm_node(&nm, n);
}

ProtobufCAllocator
cat_canon_allocator(AgArena *scratch)
{
    ProtobufCAllocator alloc = {
        .alloc = scratch_alloc, .free = scratch_free, .allocator_data = scratch};
    return alloc;
}

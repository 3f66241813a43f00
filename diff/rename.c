/*
 * diff/rename.c: renames. Before the ordinary diff, pair each object dropped from `from`
 * with an object of the same kind added in `to` when it is a rename: an explicit hint
 * (DiffOptions.renames, or a model annotation "-- autogen: renamed from <old>" on either
 * side, CatObject/CatColumn.renamed_from), an index, constraint or sequence whose name
 * follows its renamed table's or column's implicit naming, or, unless detection is off, a
 * pair that looks alike: a score from structure and name similarity above
 * DIFF_RENAME_THRESHOLD. A detected pair is a guess: its RENAME step carries a review
 * marker with the evidence.
 * The rest of the diff then starts from `from` as it is after the renames (a copy with
 * the new names, references to them rewritten), so whatever else changed on a renamed
 * object comes as usual, and every RENAME runs first. The downgrade (diff_catalogs(to,
 * from)) finds the same pairs reversed: scores are symmetric, annotations are read on
 * both sides, and explicit hints are inverted by diff_renames_invert.
 * Kinds: tables, columns (in the same or a renamed table), indexes, constraints,
 * sequences, enum types and enum values.
 * Not here: asking a person (cmd/), SQL text (emit/).
 * TODO: expressions (CHECK bodies, defaults, index expressions) that name a renamed
 * column or sequence are compared as written, so they are recreated, not kept.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "diff/internal.h"

typedef struct Ren {
    DiffObjKind kind; /* TABLE, COLUMN, CONSTRAINT, INDEX, SEQUENCE, TYPE */
    bool is_label;    /* TYPE: an enum value */
    const char *schema;
    const char *parent_old; /* COLUMN, CONSTRAINT: the table; label: the enum (from side) */
    const char *parent_new; /* ... its to-side name */
    const char *old_name;
    const char *new_name;
    bool guess;
    const char *evidence;
    uint32_t parent; /* index of the parent's rename; UINT32_MAX when none */
    uint32_t step;
} Ren;

typedef struct RenCtx {
    DiffCtx *c;
    AgArena *a; /* scratch */
    Ren *rens;
    uint32_t n, cap;
    DiffOptions orig; /* the caller's options, for row lookups by old name */
} RenCtx;

/* Zeroed memory in arena (ag_arena_alloc does not clear). */
static void *
zalloc(AgArena *a, size_t size)
{
    void *p = ag_arena_alloc(a, size);
    memset(p, 0, size);
    return p;
}

/* ---- scores ------------------------------------------------------------------ */

static size_t
levenshtein(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t *row = ag_xrealloc(NULL, sizeof(size_t) * (lb + 1));
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    size_t d = row[lb];
    free(row);
    return d;
}

/* Tokens split on '_', compared as sets (Jaccard). */
static double
token_overlap(const char *a, const char *b)
{
    char ta[32][64], tb[32][64];
    uint32_t na = 0, nb = 0;
    for (int side = 0; side < 2; side++) {
        const char *s = side ? b : a;
        char(*t)[64] = side ? tb : ta;
        uint32_t *n = side ? &nb : &na;
        while (*s && *n < 32) {
            while (*s == '_')
                s++;
            size_t len = strcspn(s, "_");
            if (!len)
                break;
            if (len > 63)
                len = 63;
            memcpy(t[*n], s, len);
            t[*n][len] = '\0';
            (*n)++;
            s += strcspn(s, "_");
        }
    }
    if (!na || !nb)
        return 0;
    uint32_t common = 0;
    for (uint32_t i = 0; i < na; i++)
        for (uint32_t j = 0; j < nb; j++)
            if (strcmp(ta[i], tb[j]) == 0) {
                common++;
                break;
            }
    return (double) common / (double) (na + nb - common);
}

double
diff_rename_name_similarity(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t max = la > lb ? la : lb;
    if (!max)
        return 1;
    double edit = 1.0 - (double) levenshtein(a, b) / (double) max;
    double tok = token_overlap(a, b);
    return edit > tok ? edit : tok;
}

static bool
expr_eq(const CatExpr *x, const CatExpr *y)
{
    if (!x || !y)
        return x == y;
    if (x->canon && y->canon)
        return strcmp(x->canon, y->canon) == 0;
    return ag_streq(x->sql, y->sql);
}

double
diff_rename_column_score(AgArena *a, const CatColumn *f, const CatColumn *t, bool only_pair,
                         const char **evidence)
{
    *evidence = NULL;
    if (strcmp(f->type, t->type) != 0)
        return 0;
    double s = 0;
    AgBuf b;
    ag_buf_init(&b);
    ag_buf_printf(&b, "both %s", t->type);
    if (f->not_null == t->not_null) {
        s += 0.2;
        ag_buf_puts(&b, t->not_null ? ", not null" : ", nullable");
    }
    if (expr_eq(f->default_expr, t->default_expr)) {
        s += 0.15;
        if (t->default_expr)
            ag_buf_puts(&b, ", same default");
    }
    if (f->identity == t->identity && (f->generated != NULL) == (t->generated != NULL))
        s += 0.05;
    if (only_pair) {
        s += 0.2;
        ag_buf_puts(&b, ", the only such pair");
    }
    s += 0.4 * diff_rename_name_similarity(f->name, t->name);
    *evidence = ag_arena_strdup(a, ag_buf_cstr(&b));
    ag_buf_free(&b);
    return s;
}

double
diff_rename_table_score(AgArena *a, const CatTable *f, const CatTable *t, const char **evidence)
{
    uint32_t same = 0, typed = 0;
    bool *used = zalloc(a, sizeof(bool) * (t->ncolumns + 1));
    for (uint32_t i = 0; i < f->ncolumns; i++)
        for (uint32_t j = 0; j < t->ncolumns; j++)
            if (!used[j] && strcmp(f->columns[i].name, t->columns[j].name) == 0 &&
                strcmp(f->columns[i].type, t->columns[j].type) == 0) {
                used[j] = true;
                same++;
                break;
            }
    bool *fused = zalloc(a, sizeof(bool) * (f->ncolumns + 1));
    for (uint32_t i = 0; i < f->ncolumns; i++)
        if (cat_table_find_column(t, f->columns[i].name))
            fused[i] = true;
    for (uint32_t i = 0; i < f->ncolumns; i++) {
        if (fused[i])
            continue;
        for (uint32_t j = 0; j < t->ncolumns; j++)
            if (!used[j] && !cat_table_find_column(f, t->columns[j].name) &&
                strcmp(f->columns[i].type, t->columns[j].type) == 0) {
                used[j] = true;
                typed++;
                break;
            }
    }
    uint32_t max = f->ncolumns > t->ncolumns ? f->ncolumns : t->ncolumns;
    double overlap = max ? ((double) same + 0.5 * (double) typed) / (double) max : 1;
    *evidence = ag_arena_printf(a, "%u of %u columns alike by name and type%s", same, max,
                                typed ? ag_arena_printf(a, ", %u more by type", typed) : "");
    return 0.7 * overlap + 0.3 * diff_rename_name_similarity(f->obj.name, t->obj.name);
}

/* ---- bookkeeping ------------------------------------------------------------- */

static uint32_t
ren_add(RenCtx *r, Ren ren)
{
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 16;
        Ren *v = zalloc(r->a, sizeof(Ren) * r->cap);
        if (r->n)
            memcpy(v, r->rens, sizeof(Ren) * r->n);
        r->rens = v;
    }
    r->rens[r->n] = ren;
    return r->n++;
}

/* The rename of a from-side object (by old name) or of a to-side one (by new name). */
static const Ren *
ren_find(const RenCtx *r, DiffObjKind kind, bool is_label, const char *schema, const char *parent,
         const char *name, bool by_new)
{
    for (uint32_t i = 0; i < r->n; i++) {
        const Ren *x = &r->rens[i];
        if (x->kind != kind || x->is_label != is_label || !ag_streq(x->schema, schema))
            continue;
        if (parent && !ag_streq(by_new ? x->parent_new : x->parent_old, parent))
            continue;
        if (strcmp(by_new ? x->new_name : x->old_name, name) == 0)
            return x;
    }
    return NULL;
}

static uint32_t
ren_index(const RenCtx *r, const Ren *x)
{
    return x ? (uint32_t) (x - r->rens) : UINT32_MAX;
}

/* to-side name of a from-side table / enum / sequence / index. */
static const char *
map_obj(const RenCtx *r, DiffObjKind kind, const char *schema, const char *name)
{
    const Ren *x = ren_find(r, kind, false, schema, NULL, name, false);
    return x ? x->new_name : name;
}

static const char *
unmap_obj(const RenCtx *r, DiffObjKind kind, const char *schema, const char *name)
{
    const Ren *x = ren_find(r, kind, false, schema, NULL, name, true);
    return x ? x->old_name : name;
}

/* to-side name of a column of from-side table (schema, table). */
static const char *
map_column(const RenCtx *r, const char *schema, const char *table, const char *col)
{
    const Ren *x = ren_find(r, DIFF_OBJ_COLUMN, false, schema, table, col, false);
    return x ? x->new_name : col;
}

/* A type spelling after enum renames: "public.mood" or "public.mood[]". */
static const char *
map_type(const RenCtx *r, const char *type)
{
    const char *ts, *tn;
    bool arr = false;
    if (!type || !diff_type_ref(r->a, type, &ts, &tn, &arr))
        return type;
    const Ren *x = ren_find(r, DIFF_OBJ_TYPE, false, ts, NULL, tn, false);
    if (!x)
        return type;
    const char *q = cat_qualified(r->c->arena, ts, x->new_name);
    return arr ? ag_arena_printf(r->c->arena, "%s[]", q) : q;
}

/* ---- pairing ----------------------------------------------------------------- */

typedef struct Cand {
    uint32_t f, t;
    double score;
    const char *evidence;
} Cand;

static int
cand_cmp(const void *a, const void *b)
{
    const Cand *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    if (x->f != y->f)
        return x->f < y->f ? -1 : 1;
    return (x->t > y->t) - (x->t < y->t);
}

/* Greedy: the best-scoring pairs first, each side used once. Fills pair_of_f (index of
 * the chosen candidate per f, UINT32_MAX when none). */
static void
greedy(Cand *cands, size_t n, uint32_t nf, uint32_t nt, uint32_t *pair_of_f, AgArena *a)
{
    ag_qsort(cands, n, sizeof(Cand), cand_cmp);
    bool *tused = zalloc(a, sizeof(bool) * (nt + 1));
    for (uint32_t i = 0; i < nf; i++)
        pair_of_f[i] = UINT32_MAX;
    for (size_t i = 0; i < n; i++) {
        if (cands[i].score < DIFF_RENAME_THRESHOLD)
            break;
        if (pair_of_f[cands[i].f] != UINT32_MAX || tused[cands[i].t])
            continue;
        pair_of_f[cands[i].f] = (uint32_t) i;
        tused[cands[i].t] = true;
    }
}

typedef struct CandVec {
    Cand *items;
    size_t n, cap;
} CandVec;

static void
cand_push(CandVec *v, AgArena *a, Cand c)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        Cand *items = zalloc(a, sizeof(Cand) * cap);
        if (v->n)
            memcpy(items, v->items, sizeof(Cand) * v->n);
        v->items = items;
        v->cap = cap;
    }
    v->items[v->n++] = c;
}

/* Does `new` follow `old` the way PostgreSQL's implicit names follow a table and its
 * columns: the old table prefix replaced by the new one, renamed columns inside? */
static bool
follows_implicit(const RenCtx *r, const char *schema, const char *ftable, const char *ttable,
                 const char *old, const char *new_name)
{
    size_t lf = strlen(ftable);
    if (strncmp(old, ftable, lf) != 0 || old[lf] != '_')
        return false;
    AgBuf b;
    ag_buf_init(&b);
    ag_buf_puts(&b, ttable);
    ag_buf_puts(&b, old + lf);
    ag_buf_putc(&b, '_');
    bool changed = strcmp(ftable, ttable) != 0;
    for (uint32_t i = 0; i < r->n; i++) {
        const Ren *x = &r->rens[i];
        if (x->kind != DIFF_OBJ_COLUMN || !ag_streq(x->schema, schema) ||
            strcmp(x->parent_old, ftable) != 0)
            continue;
        const char *needle = ag_arena_printf(r->a, "_%s_", x->old_name);
        const char *at = strstr(ag_buf_cstr(&b) + strlen(ttable), needle);
        if (!at)
            continue;
        size_t pos = (size_t) (at - ag_buf_cstr(&b));
        const char *rest = ag_arena_strdup(r->a, at + strlen(needle));
        b.len = pos;
        b.data[pos] = '\0';
        ag_buf_printf(&b, "_%s_%s", x->new_name, rest);
        changed = true;
    }
    b.data[--b.len] = '\0'; /* the '_' added above */
    bool same = changed && strcmp(ag_buf_cstr(&b), new_name) == 0;
    ag_buf_free(&b);
    return same;
}

/* Resolve "schema.a" / "schema.a.b" of an explicit hint. */
static int
split_hint(const char *s, AgArena *a, const char *parts[3])
{
    int n = 0;
    const char *p = s;
    while (n < 3) {
        const char *dot = n < 2 ? strchr(p, '.') : NULL;
        parts[n++] = dot ? ag_arena_strndup(a, p, (size_t) (dot - p)) : ag_arena_strdup(a, p);
        if (!dot)
            break;
        p = dot + 1;
    }
    return n;
}

/* The old name an annotation names: its last dotted part. */
static const char *
annotation_name(const char *s)
{
    const char *dot = strrchr(s, '.');
    return dot ? dot + 1 : s;
}

/* ---- top-level objects (tables, indexes, sequences, enum types) --------------------- */

/* The catalog kind of a top-level DiffObjKind this file renames (ifs, not a switch:
 * only four of the kinds apply). */
static CatKind
cat_kind_of(DiffObjKind k)
{
    if (k == DIFF_OBJ_TABLE)
        return CAT_TABLE;
    if (k == DIFF_OBJ_INDEX)
        return CAT_INDEX;
    if (k == DIFF_OBJ_SEQUENCE)
        return CAT_SEQUENCE;
    assert(k == DIFF_OBJ_TYPE);
    return CAT_ENUM;
}

/* Can from-object f become to-object t by a rename? Both exist only on their side. */
static bool
renamable(const RenCtx *r, const CatObject *f, const CatObject *t)
{
    const DiffCtx *c = r->c;
    return f->kind == t->kind && ag_streq(f->schema, t->schema) &&
           !cat_find(c->to, f->kind, f->schema, f->name) &&
           !cat_find(c->from, t->kind, t->schema, t->name);
}

static bool
taken_old(const RenCtx *r, DiffObjKind k, const CatObject *o)
{
    return ren_find(r, k, false, o->schema, NULL, o->name, false) != NULL;
}

static bool
taken_new(const RenCtx *r, DiffObjKind k, const CatObject *o)
{
    return ren_find(r, k, false, o->schema, NULL, o->name, true) != NULL;
}

static void
add_obj_ren(RenCtx *r, DiffObjKind k, const CatObject *f, const CatObject *t, bool guess,
            const char *evidence, uint32_t parent)
{
    Ren x = {.kind = k,
             .schema = f->schema,
             .old_name = f->name,
             .new_name = t->name,
             .guess = guess,
             .evidence = evidence,
             .parent = parent};
    ren_add(r, x);
}

/* Explicit hints and annotations for top-level objects of kind k. */
static void
hint_objects(RenCtx *r, DiffObjKind k)
{
    DiffCtx *c = r->c;
    CatKind ck = cat_kind_of(k);
    for (size_t i = 0; i < c->opts.nrenames; i++) {
        const char *parts[3];
        if (split_hint(c->opts.renames[i].old, r->a, parts) != 2)
            continue;
        const CatObject *f = cat_find(c->from, ck, parts[0], parts[1]);
        const CatObject *t = cat_find(c->to, ck, parts[0], c->opts.renames[i].new_name);
        if (!f || !t || !renamable(r, f, t) || taken_old(r, k, f) || taken_new(r, k, t))
            continue;
        add_obj_ren(r, k, f, t, c->opts.renames[i].is_guess,
                    c->opts.renames[i].evidence ? c->opts.renames[i].evidence : "given",
                    UINT32_MAX);
    }
    /* Annotations: on the to side (the upgrade), on the from side (the downgrade). */
    for (int side = 0; side < 2; side++) {
        const Catalog *cat = side ? c->from : c->to;
        for (uint32_t i = 0; i < cat->nobjects; i++) {
            const CatObject *o = cat->objects[i];
            if (o->kind != ck || !o->renamed_from)
                continue;
            const char *other = annotation_name(o->renamed_from);
            const CatObject *f = side ? o : cat_find(c->from, ck, o->schema, other);
            const CatObject *t = side ? cat_find(c->to, ck, o->schema, other) : o;
            if (!f || !t || !renamable(r, f, t) || taken_old(r, k, f) || taken_new(r, k, t))
                continue;
            add_obj_ren(r, k, f, t, false, "annotated", UINT32_MAX);
        }
    }
}

/* Signature of an index or constraint's definition, names mapped to the to side. */
static CatExpr *map_expr_columns(const RenCtx *r, const char *schema, const char *table, CatExpr *e);

/* The canon of an expression of schema.table, from side: after the column renames found
 * so far; "-" for none. */
static const char *
expr_sig(const RenCtx *r, const char *schema, const char *table, CatExpr *e, bool from_side)
{
    if (!e)
        return "-";
    return from_side ? map_expr_columns(r, schema, table, e)->canon : e->canon;
}

static const char *
elems_sig(const RenCtx *r, AgBuf *b, const char *schema, const char *table, const CatIndexElem *e,
          uint32_t n, bool from_side)
{
    for (uint32_t i = 0; i < n; i++) {
        const char *col = e[i].column;
        if (col && from_side)
            col = map_column(r, schema, table, col);
        ag_buf_printf(b, "(%s|%s|%s|%s|%d%d|%s)", col ? col : "-",
                      expr_sig(r, schema, table, e[i].expr, from_side),
                      e[i].collation ? e[i].collation : "-",
                      e[i].opclass ? e[i].opclass : "-", e[i].desc, e[i].nulls_first,
                      e[i].exclude_op ? e[i].exclude_op : "-");
    }
    return ag_buf_cstr(b);
}

static void
names_sig(const RenCtx *r, AgBuf *b, const char *schema, const char *table, const char *const *cols,
          uint32_t n, bool from_side)
{
    ag_buf_putc(b, '[');
    for (uint32_t i = 0; i < n; i++)
        ag_buf_printf(b, "%s,", from_side ? map_column(r, schema, table, cols[i]) : cols[i]);
    ag_buf_putc(b, ']');
}

static const char *
index_sig(const RenCtx *r, const CatIndex *ix, bool from_side)
{
    AgBuf b;
    ag_buf_init(&b);
    const char *table =
        from_side ? map_obj(r, DIFF_OBJ_TABLE, ix->obj.schema, ix->table) : ix->table;
    ag_buf_printf(&b, "%s|%d%d|%s|", table, ix->is_unique, ix->nulls_not_distinct, ix->method);
    elems_sig(r, &b, ix->obj.schema, ix->table, ix->elems, ix->nelems, from_side);
    names_sig(r, &b, ix->obj.schema, ix->table, ix->include, ix->ninclude, from_side);
    ag_buf_printf(&b, "|%s|", expr_sig(r, ix->obj.schema, ix->table, ix->where, from_side));
    for (uint32_t i = 0; i < ix->noptions; i++)
        ag_buf_printf(&b, "%s,", ix->options[i]);
    const char *s = ag_arena_strdup(r->a, ag_buf_cstr(&b));
    ag_buf_free(&b);
    return s;
}

static const char *
con_sig(const RenCtx *r, const char *schema, const char *table, const CatConstraint *k,
        bool from_side)
{
    AgBuf b;
    ag_buf_init(&b);
    ag_buf_printf(&b, "%c|%d%d%d%d%d|", (char) k->type, k->nulls_not_distinct, k->deferrable,
                  k->initially_deferred, k->no_inherit, k->not_valid);
    names_sig(r, &b, schema, table, k->columns, k->ncolumns, from_side);
    names_sig(r, &b, schema, table, k->include, k->ninclude, from_side);
    ag_buf_printf(&b, "|%s|", expr_sig(r, schema, table, k->check, from_side));
    if (k->type == CAT_CON_FOREIGN) {
        const char *rs = k->ref_schema ? k->ref_schema : schema;
        const char *rt = from_side ? map_obj(r, DIFF_OBJ_TABLE, rs, k->ref_table) : k->ref_table;
        ag_buf_printf(&b, "%s.%s", rs, rt);
        names_sig(r, &b, rs, k->ref_table, k->ref_columns, k->nref_columns, from_side);
        ag_buf_printf(&b, "%c%c%c", k->match, k->on_update, k->on_delete);
    }
    ag_buf_printf(&b, "|%s|", k->exclude_method ? k->exclude_method : "-");
    elems_sig(r, &b, schema, table, k->elems, k->nelems, from_side);
    ag_buf_printf(&b, "|%s", expr_sig(r, schema, table, k->exclude_where, from_side));
    const char *s = ag_arena_strdup(r->a, ag_buf_cstr(&b));
    ag_buf_free(&b);
    return s;
}

static uint32_t
table_ren_of(const RenCtx *r, const char *schema, const char *ftable)
{
    return ren_index(r, ren_find(r, DIFF_OBJ_TABLE, false, schema, NULL, ftable, false));
}

/* Has anything in from-side table (schema, ftable) been renamed (itself or a column)? */
static bool
table_touched(const RenCtx *r, const char *schema, const char *ftable)
{
    for (uint32_t i = 0; i < r->n; i++) {
        const Ren *x = &r->rens[i];
        if (!ag_streq(x->schema, schema))
            continue;
        if ((x->kind == DIFF_OBJ_TABLE && strcmp(x->old_name, ftable) == 0) ||
            (x->kind == DIFF_OBJ_COLUMN && strcmp(x->parent_old, ftable) == 0))
            return true;
    }
    return false;
}

static void
detect_objects(RenCtx *r, DiffObjKind k)
{
    DiffCtx *c = r->c;
    CatKind ck = cat_kind_of(k);
    const CatObject **fs = zalloc(r->a, sizeof(void *) * (c->from->nobjects + 1));
    const CatObject **ts = zalloc(r->a, sizeof(void *) * (c->to->nobjects + 1));
    uint32_t nf = 0, nt = 0;
    for (uint32_t i = 0; i < c->from->nobjects; i++) {
        const CatObject *o = c->from->objects[i];
        if (o->kind == ck && !cat_find(c->to, ck, o->schema, o->name) && !taken_old(r, k, o))
            fs[nf++] = o;
    }
    for (uint32_t i = 0; i < c->to->nobjects; i++) {
        const CatObject *o = c->to->objects[i];
        if (o->kind == ck && !cat_find(c->from, ck, o->schema, o->name) && !taken_new(r, k, o))
            ts[nt++] = o;
    }
    if (!nf || !nt)
        return;
    /* An index's signature once per side, not once per pair: nf x nt pairs. */
    const char **fsig = NULL, **tsig = NULL;
    if (ck == CAT_INDEX) {
        fsig = zalloc(r->a, sizeof(char *) * nf);
        tsig = zalloc(r->a, sizeof(char *) * nt);
        for (uint32_t i = 0; i < nf; i++)
            fsig[i] = index_sig(r, (const CatIndex *) fs[i], true);
        for (uint32_t j = 0; j < nt; j++)
            tsig[j] = index_sig(r, (const CatIndex *) ts[j], false);
    }
    CandVec v = {0};
    for (uint32_t i = 0; i < nf; i++) {
        for (uint32_t j = 0; j < nt; j++) {
            const CatObject *f = fs[i], *t = ts[j];
            if (!ag_streq(f->schema, t->schema))
                continue;
            double sim = diff_rename_name_similarity(f->name, t->name);
            Cand cd = {.f = i, .t = j, .score = 0};
            bool implicit = false;
            switch (cat_kind_of(k)) {
            case CAT_TABLE:
                cd.score = diff_rename_table_score(r->a, (const CatTable *) f, (const CatTable *) t,
                                                   &cd.evidence);
                break;
            case CAT_INDEX: {
                const CatIndex *fi = (const CatIndex *) f, *ti = (const CatIndex *) t;
                if (strcmp(fsig[i], tsig[j]) != 0)
                    break;
                implicit = table_touched(r, f->schema, fi->table) &&
                           follows_implicit(r, f->schema, fi->table, ti->table, f->name, t->name);
                cd.score = 0.6 + 0.4 * sim;
                cd.evidence = "same definition";
                break;
            }
            case CAT_SEQUENCE: {
                const CatSequence *fq = (const CatSequence *) f, *tq = (const CatSequence *) t;
                if (!diff_seq_equal(&fq->opts, &tq->opts, false))
                    break;
                bool owner = fq->owned_table && tq->owned_table &&
                             ag_streq(fq->owned_schema, tq->owned_schema) &&
                             strcmp(map_obj(r, DIFF_OBJ_TABLE,
                                            fq->owned_schema ? fq->owned_schema : f->schema,
                                            fq->owned_table),
                                    tq->owned_table) == 0 &&
                             strcmp(map_column(r, fq->owned_schema ? fq->owned_schema : f->schema,
                                               fq->owned_table, fq->owned_column),
                                    tq->owned_column) == 0;
                if (owner)
                    implicit = table_touched(r, fq->owned_schema ? fq->owned_schema : f->schema,
                                             fq->owned_table) &&
                               follows_implicit(r, f->schema, fq->owned_table, tq->owned_table,
                                                f->name, t->name);
                cd.score = 0.5 + (owner ? 0.2 : 0) + 0.3 * sim;
                cd.evidence = owner ? "same options, same owner column" : "same options";
                break;
            }
            case CAT_ENUM: {
                const CatEnum *fe = (const CatEnum *) f, *te = (const CatEnum *) t;
                uint32_t common = 0;
                for (uint32_t a = 0; a < fe->nlabels; a++)
                    for (uint32_t b = 0; b < te->nlabels; b++)
                        if (strcmp(fe->labels[a], te->labels[b]) == 0) {
                            common++;
                            break;
                        }
                uint32_t uni = fe->nlabels + te->nlabels - common;
                double jac = uni ? (double) common / (double) uni : 1;
                cd.score = 0.6 * jac + 0.4 * sim;
                cd.evidence = ag_arena_printf(r->a, "%u of %u labels the same", common, uni);
                break;
            }
            case CAT_SCHEMA:
            case CAT_EXTENSION:
            case CAT_DOMAIN:
            case CAT_COMPOSITE:
            case CAT_FUNCTION:
            case CAT_VIEW:
            case CAT_KIND_COUNT:
                AG_UNREACHABLE();
            }
            if (implicit) {
                cd.score = 2; /* certain, and taken before any guess */
                cd.evidence = "follows the implicit name";
            } else if (c->opts.no_rename_detection) {
                continue;
            }
            if (cd.score >= DIFF_RENAME_THRESHOLD)
                cand_push(&v, r->a, cd);
        }
    }
    uint32_t *pair = zalloc(r->a, sizeof(uint32_t) * (nf + 1));
    greedy(v.items, v.n, nf, nt, pair, r->a);
    for (uint32_t i = 0; i < nf; i++) {
        if (pair[i] == UINT32_MAX)
            continue;
        const Cand *cd = &v.items[pair[i]];
        bool implicit = cd->score >= 2;
        uint32_t parent = UINT32_MAX;
        if (implicit && k == DIFF_OBJ_INDEX)
            parent = table_ren_of(r, fs[i]->schema, ((const CatIndex *) fs[i])->table);
        add_obj_ren(r, k, fs[i], ts[cd->t], !implicit, cd->evidence, parent);
    }
}

/* ---- columns and constraints ------------------------------------------------------ */

static bool
column_taken(const RenCtx *r, const char *schema, const char *ft, const char *tt, const char *fc,
             const char *tc)
{
    return (fc && ren_find(r, DIFF_OBJ_COLUMN, false, schema, ft, fc, false)) ||
           (tc && ren_find(r, DIFF_OBJ_COLUMN, false, schema, tt, tc, true));
}

static void
add_sub_ren(RenCtx *r, DiffObjKind k, bool is_label, const char *schema, const char *fparent,
            const char *tparent, const char *old, const char *new_name, bool guess,
            const char *evidence, uint32_t parent)
{
    Ren x = {.kind = k,
             .is_label = is_label,
             .schema = schema,
             .parent_old = fparent,
             .parent_new = tparent,
             .old_name = old,
             .new_name = new_name,
             .guess = guess,
             .evidence = evidence,
             .parent = parent};
    ren_add(r, x);
}

static void
columns_of_pair(RenCtx *r, const CatTable *ft, const CatTable *tt)
{
    DiffCtx *c = r->c;
    const char *schema = ft->obj.schema;
    uint32_t parent = table_ren_of(r, schema, ft->obj.name);
    /* hints */
    for (size_t i = 0; i < c->opts.nrenames; i++) {
        const char *parts[3];
        if (split_hint(c->opts.renames[i].old, r->a, parts) != 3 || strcmp(parts[0], schema) != 0 ||
            strcmp(parts[1], ft->obj.name) != 0)
            continue;
        const char *nn = c->opts.renames[i].new_name;
        if (!cat_table_find_column(ft, parts[2]) || cat_table_find_column(tt, parts[2]) ||
            !cat_table_find_column(tt, nn) || cat_table_find_column(ft, nn) ||
            column_taken(r, schema, ft->obj.name, tt->obj.name, parts[2], nn))
            continue;
        add_sub_ren(r, DIFF_OBJ_COLUMN, false, schema, ft->obj.name, tt->obj.name, parts[2], nn,
                    c->opts.renames[i].is_guess,
                    c->opts.renames[i].evidence ? c->opts.renames[i].evidence : "given", parent);
    }
    for (int side = 0; side < 2; side++) {
        const CatTable *on = side ? ft : tt, *other = side ? tt : ft;
        for (uint32_t i = 0; i < on->ncolumns; i++) {
            const char *ann = on->columns[i].renamed_from;
            if (!ann)
                continue;
            const char *fc = side ? on->columns[i].name : ann;
            const char *tc = side ? ann : on->columns[i].name;
            (void) other;
            if (!cat_table_find_column(ft, fc) || cat_table_find_column(tt, fc) ||
                !cat_table_find_column(tt, tc) || cat_table_find_column(ft, tc) ||
                column_taken(r, schema, ft->obj.name, tt->obj.name, fc, tc))
                continue;
            add_sub_ren(r, DIFF_OBJ_COLUMN, false, schema, ft->obj.name, tt->obj.name, fc, tc,
                        false, "annotated", parent);
        }
    }
    if (c->opts.no_rename_detection)
        return;
    /* detection */
    const CatColumn **fs = zalloc(r->a, sizeof(void *) * (ft->ncolumns + 1));
    const CatColumn **ts = zalloc(r->a, sizeof(void *) * (tt->ncolumns + 1));
    uint32_t nf = 0, nt = 0;
    for (uint32_t i = 0; i < ft->ncolumns; i++)
        if (!cat_table_find_column(tt, ft->columns[i].name) &&
            !column_taken(r, schema, ft->obj.name, tt->obj.name, ft->columns[i].name, NULL))
            fs[nf++] = &ft->columns[i];
    for (uint32_t i = 0; i < tt->ncolumns; i++)
        if (!cat_table_find_column(ft, tt->columns[i].name) &&
            !column_taken(r, schema, ft->obj.name, tt->obj.name, NULL, tt->columns[i].name))
            ts[nt++] = &tt->columns[i];
    if (!nf || !nt)
        return;
    CandVec v = {0};
    for (uint32_t i = 0; i < nf; i++)
        for (uint32_t j = 0; j < nt; j++) {
            const char *ftype = map_type(r, fs[i]->type);
            if (strcmp(ftype, ts[j]->type) != 0)
                continue;
            uint32_t nsame_f = 0, nsame_t = 0;
            for (uint32_t a = 0; a < nf; a++)
                nsame_f += strcmp(map_type(r, fs[a]->type), ts[j]->type) == 0;
            for (uint32_t b = 0; b < nt; b++)
                nsame_t += strcmp(ts[b]->type, ts[j]->type) == 0;
            CatColumn fc = *fs[i];
            fc.type = ftype;
            Cand cd = {.f = i, .t = j};
            cd.score = diff_rename_column_score(r->a, &fc, ts[j], nsame_f == 1 && nsame_t == 1,
                                                &cd.evidence);
            if (cd.score >= DIFF_RENAME_THRESHOLD)
                cand_push(&v, r->a, cd);
        }
    uint32_t *pair = zalloc(r->a, sizeof(uint32_t) * (nf + 1));
    greedy(v.items, v.n, nf, nt, pair, r->a);
    for (uint32_t i = 0; i < nf; i++)
        if (pair[i] != UINT32_MAX)
            add_sub_ren(r, DIFF_OBJ_COLUMN, false, schema, ft->obj.name, tt->obj.name, fs[i]->name,
                        ts[v.items[pair[i]].t]->name, true, v.items[pair[i]].evidence, parent);
}

static void
constraints_of_pair(RenCtx *r, const CatTable *ft, const CatTable *tt)
{
    DiffCtx *c = r->c;
    const char *schema = ft->obj.schema;
    uint32_t parent = table_ren_of(r, schema, ft->obj.name);
    bool touched = table_touched(r, schema, ft->obj.name);
    const CatConstraint **fs = zalloc(r->a, sizeof(void *) * (ft->nconstraints + 1));
    const CatConstraint **ts = zalloc(r->a, sizeof(void *) * (tt->nconstraints + 1));
    uint32_t nf = 0, nt = 0;
    for (uint32_t i = 0; i < ft->nconstraints; i++)
        if (!cat_table_find_constraint(tt, ft->constraints[i].name))
            fs[nf++] = &ft->constraints[i];
    for (uint32_t i = 0; i < tt->nconstraints; i++)
        if (!cat_table_find_constraint(ft, tt->constraints[i].name))
            ts[nt++] = &tt->constraints[i];
    if (!nf || !nt)
        return;
    CandVec v = {0};
    for (uint32_t i = 0; i < nf; i++)
        for (uint32_t j = 0; j < nt; j++) {
            bool hinted = false;
            for (size_t h = 0; h < c->opts.nrenames; h++) {
                const char *parts[3];
                if (split_hint(c->opts.renames[h].old, r->a, parts) == 3 &&
                    strcmp(parts[0], schema) == 0 && strcmp(parts[1], ft->obj.name) == 0 &&
                    strcmp(parts[2], fs[i]->name) == 0 &&
                    strcmp(c->opts.renames[h].new_name, ts[j]->name) == 0)
                    hinted = true;
            }
            if (strcmp(con_sig(r, schema, ft->obj.name, fs[i], true),
                       con_sig(r, schema, tt->obj.name, ts[j], false)) != 0 &&
                !hinted)
                continue;
            Cand cd = {.f = i, .t = j};
            if (hinted) {
                cd.score = 3;
                cd.evidence = "given";
            } else if (touched && follows_implicit(r, schema, ft->obj.name, tt->obj.name,
                                                   fs[i]->name, ts[j]->name)) {
                cd.score = 2;
                cd.evidence = "follows the implicit name";
            } else if (!c->opts.no_rename_detection) {
                cd.score = 0.6 + 0.4 * diff_rename_name_similarity(fs[i]->name, ts[j]->name);
                cd.evidence = "same definition";
            } else {
                continue;
            }
            cand_push(&v, r->a, cd);
        }
    uint32_t *pair = zalloc(r->a, sizeof(uint32_t) * (nf + 1));
    greedy(v.items, v.n, nf, nt, pair, r->a);
    for (uint32_t i = 0; i < nf; i++) {
        if (pair[i] == UINT32_MAX)
            continue;
        const Cand *cd = &v.items[pair[i]];
        add_sub_ren(r, DIFF_OBJ_CONSTRAINT, false, schema, ft->obj.name, tt->obj.name, fs[i]->name,
                    ts[cd->t]->name, cd->score < 2, cd->evidence,
                    cd->score >= 2 ? parent : UINT32_MAX);
    }
}

static bool
has_label(const CatEnum *e, const char *label)
{
    for (uint32_t i = 0; i < e->nlabels; i++)
        if (strcmp(e->labels[i], label) == 0)
            return true;
    return false;
}

static void
labels_of_pair(RenCtx *r, const CatEnum *fe, const CatEnum *te)
{
    DiffCtx *c = r->c;
    const char *schema = fe->obj.schema;
    for (size_t h = 0; h < c->opts.nrenames; h++) {
        const char *parts[3];
        if (split_hint(c->opts.renames[h].old, r->a, parts) != 3 || strcmp(parts[0], schema) != 0 ||
            strcmp(parts[1], fe->obj.name) != 0)
            continue;
        const char *nn = c->opts.renames[h].new_name;
        if (!has_label(fe, parts[2]) || has_label(te, parts[2]) || !has_label(te, nn) ||
            has_label(fe, nn) ||
            ren_find(r, DIFF_OBJ_TYPE, true, schema, fe->obj.name, parts[2], false))
            continue;
        add_sub_ren(r, DIFF_OBJ_TYPE, true, schema, fe->obj.name, te->obj.name, parts[2], nn,
                    c->opts.renames[h].is_guess,
                    c->opts.renames[h].evidence ? c->opts.renames[h].evidence : "given",
                    UINT32_MAX);
    }
    if (c->opts.no_rename_detection || fe->nlabels != te->nlabels)
        return;
    /* Same number of labels: a label gone and one new at the same place. */
    for (uint32_t i = 0; i < fe->nlabels; i++) {
        const char *o = fe->labels[i], *n = te->labels[i];
        if (has_label(te, o) || has_label(fe, n) ||
            ren_find(r, DIFF_OBJ_TYPE, true, schema, fe->obj.name, o, false) ||
            ren_find(r, DIFF_OBJ_TYPE, true, schema, te->obj.name, n, true))
            continue;
        double score = 0.6 + 0.4 * diff_rename_name_similarity(o, n);
        if (score >= DIFF_RENAME_THRESHOLD)
            add_sub_ren(r, DIFF_OBJ_TYPE, true, schema, fe->obj.name, te->obj.name, o, n, true,
                        ag_arena_printf(r->a, "value %u of %u in both", i + 1, fe->nlabels),
                        UINT32_MAX);
    }
}

/* ---- the renamed catalog -------------------------------------------------------- */

static size_t
kind_size(CatKind k)
{
    switch (k) {
    case CAT_SCHEMA:
        return sizeof(CatSchema);
    case CAT_EXTENSION:
        return sizeof(CatExtension);
    case CAT_ENUM:
        return sizeof(CatEnum);
    case CAT_SEQUENCE:
        return sizeof(CatSequence);
    case CAT_TABLE:
        return sizeof(CatTable);
    case CAT_INDEX:
        return sizeof(CatIndex);
    case CAT_DOMAIN:
        return sizeof(CatDomain);
    case CAT_COMPOSITE:
        return sizeof(CatComposite);
    case CAT_FUNCTION:
        return sizeof(CatFunction);
    case CAT_VIEW:
        return sizeof(CatView);
    case CAT_KIND_COUNT:
        break;
    }
    AG_UNREACHABLE();
}

static DiffObjKind
diff_kind_of(CatKind k)
{
    switch (k) {
    case CAT_TABLE:
        return DIFF_OBJ_TABLE;
    case CAT_INDEX:
        return DIFF_OBJ_INDEX;
    case CAT_SEQUENCE:
        return DIFF_OBJ_SEQUENCE;
    case CAT_ENUM:
        return DIFF_OBJ_TYPE;
    case CAT_SCHEMA:
    case CAT_EXTENSION:
    case CAT_DOMAIN:
    case CAT_COMPOSITE:
    case CAT_FUNCTION:
    case CAT_VIEW:
    case CAT_KIND_COUNT:
        break;
    }
    return DIFF_OBJ_COUNT;
}

static const char **
map_names(RenCtx *r, const char *schema, const char *table, const char *const *names, uint32_t n)
{
    AgArena *a = r->c->arena;
    const char **out = zalloc(a, sizeof(char *) * (n + 1));
    for (uint32_t i = 0; i < n; i++)
        out[i] = map_column(r, schema, table, names[i]);
    return out;
}

static CatExpr *map_expr_columns(const RenCtx *r, const char *schema, const char *table, CatExpr *e);

static CatIndexElem *
map_elems(RenCtx *r, const char *schema, const char *table, const CatIndexElem *e, uint32_t n)
{
    CatIndexElem *out = zalloc(r->c->arena, sizeof(CatIndexElem) * (n + 1));
    for (uint32_t i = 0; i < n; i++) {
        out[i] = e[i];
        if (e[i].column)
            out[i].column = map_column(r, schema, table, e[i].column);
        out[i].expr = map_expr_columns(r, schema, table, e[i].expr);
    }
    return out;
}

/* text with every column reference spelled old (an identifier, plain or quoted, not
 * called as a function, not after "." or "::", outside string literals) spelled new,
 * in arena; text itself when there is none. Expressions of a table's CHECKs, defaults
 * and indexes name its columns unqualified, as both producers print them. */
static const char *
rename_ident(AgArena *a, const char *text, const char *old, const char *new_name)
{
    if (!text)
        return text;
    AgBuf b;
    ag_buf_init(&b);
    bool changed = false;
    const char *quoted_new = cat_quote_ident(a, new_name);
    for (const char *p = text; *p;) {
        if (*p == '\'') { /* a literal, '' inside */
            const char *q = p + 1;
            while (*q && !(*q == '\'' && q[1] != '\''))
                q += *q == '\'' ? 2 : 1;
            if (*q)
                q++;
            ag_buf_putn(&b, p, (size_t) (q - p));
            p = q;
            continue;
        }
        bool quoted = *p == '"';
        bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_' ||
                     (unsigned char) *p >= 0x80;
        if (!quoted && !plain) {
            ag_buf_putc(&b, *p++);
            continue;
        }
        const char *q = p;
        AgBuf id;
        ag_buf_init(&id);
        if (quoted) {
            for (q++; *q && !(*q == '"' && q[1] != '"'); q++) {
                if (*q == '"')
                    q++;
                ag_buf_putc(&id, *q);
            }
            if (*q)
                q++;
        } else {
            while ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || *q == '_' ||
                   (*q >= '0' && *q <= '9') || *q == '$' || (unsigned char) *q >= 0x80) {
                char ch = *q++;
                ag_buf_putc(&id, ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
            }
        }
        const char *after = q;
        while (*after == ' ')
            after++;
        bool after_dot = p > text && (p[-1] == '.' || (p - text >= 2 && p[-1] == ':' && p[-2] == ':'));
        if (strcmp(ag_buf_cstr(&id), old) == 0 && *after != '(' && *after != '.' && !after_dot) {
            ag_buf_puts(&b, quoted_new);
            changed = true;
        } else {
            ag_buf_putn(&b, p, (size_t) (q - p));
        }
        ag_buf_free(&id);
        p = q;
    }
    const char *out = changed ? ag_arena_strdup(a, ag_buf_cstr(&b)) : text;
    ag_buf_free(&b);
    return out;
}

/* e with the columns of schema.table renamed by this diff renamed in it. */
static CatExpr *
map_expr_columns(const RenCtx *r, const char *schema, const char *table, CatExpr *e)
{
    if (!e)
        return e;
    CatExpr *out = e;
    for (uint32_t i = 0; i < r->n; i++) {
        const Ren *x = &r->rens[i];
        if (x->kind != DIFF_OBJ_COLUMN || !ag_streq(x->schema, schema) ||
            !ag_streq(x->parent_old, table))
            continue;
        const char *sql = rename_ident(r->c->arena, out->sql, x->old_name, x->new_name);
        const char *canon = rename_ident(r->c->arena, out->canon, x->old_name, x->new_name);
        if (sql == out->sql && canon == out->canon)
            continue;
        CatExpr *n = zalloc(r->c->arena, sizeof(CatExpr));
        *n = *out;
        n->sql = sql;
        n->canon = canon;
        out = n;
    }
    return out;
}

/* text with every occurrence of needle replaced, in arena. */
static const char *
replace_all(AgArena *a, const char *text, const char *needle, const char *with)
{
    if (!text || !strstr(text, needle))
        return text;
    AgBuf b;
    ag_buf_init(&b);
    size_t n = strlen(needle);
    for (const char *p = text; *p;) {
        if (strncmp(p, needle, n) == 0) {
            ag_buf_puts(&b, with);
            p += n;
        } else {
            ag_buf_putc(&b, *p++);
        }
    }
    const char *r = ag_arena_strdup(a, ag_buf_cstr(&b));
    ag_buf_free(&b);
    return r;
}

/* A default naming a renamed sequence (nextval('s.old'::regclass)) names the new one:
 * PostgreSQL keeps the sequence's oid, so it prints the new name after the rename. */
static CatExpr *
map_sequences(RenCtx *r, const char *schema, CatExpr *e)
{
    if (!e || !e->sql || !strstr(e->sql, "nextval"))
        return e;
    CatExpr *out = NULL;
    for (uint32_t i = 0; i < r->n; i++) {
        const Ren *x = &r->rens[i];
        if (x->kind != DIFF_OBJ_SEQUENCE)
            continue;
        const char *forms[2][2] = {
            {ag_arena_printf(r->a, "'%s.%s'", x->schema, x->old_name),
             ag_arena_printf(r->a, "'%s.%s'", x->schema, x->new_name)},
            {ag_arena_printf(r->a, "'%s'", x->old_name),
             ag_arena_printf(r->a, "'%s'", x->new_name)},
        };
        for (int f = 0; f < 2; f++) {
            if (f == 1 && strcmp(x->schema, schema) != 0)
                continue;
            const CatExpr *cur = out ? out : e;
            if (!strstr(cur->sql, forms[f][0]))
                continue;
            CatExpr *n = zalloc(r->c->arena, sizeof(CatExpr));
            n->sql = replace_all(r->c->arena, cur->sql, forms[f][0], forms[f][1]);
            n->canon = replace_all(r->c->arena, cur->canon, forms[f][0], forms[f][1]);
            out = n;
        }
    }
    return out ? out : e;
}

static void
map_table(RenCtx *r, const CatTable *f, CatTable *t)
{
    AgArena *a = r->c->arena;
    const char *schema = f->obj.schema, *name = f->obj.name;
    t->columns = zalloc(a, sizeof(CatColumn) * (f->ncolumns + 1));
    for (uint32_t i = 0; i < f->ncolumns; i++) {
        t->columns[i] = f->columns[i];
        t->columns[i].name = map_column(r, schema, name, f->columns[i].name);
        t->columns[i].type = map_type(r, f->columns[i].type);
        t->columns[i].default_expr = map_expr_columns(
            r, schema, name, map_sequences(r, schema, f->columns[i].default_expr));
        t->columns[i].generated = map_expr_columns(r, schema, name, f->columns[i].generated);
    }
    t->constraints = zalloc(a, sizeof(CatConstraint) * (f->nconstraints + 1));
    for (uint32_t i = 0; i < f->nconstraints; i++) {
        const CatConstraint *k = &f->constraints[i];
        CatConstraint *o = &t->constraints[i];
        *o = *k;
        const Ren *x = ren_find(r, DIFF_OBJ_CONSTRAINT, false, schema, name, k->name, false);
        if (x)
            o->name = x->new_name;
        o->columns = map_names(r, schema, name, k->columns, k->ncolumns);
        o->include = map_names(r, schema, name, k->include, k->ninclude);
        o->elems = map_elems(r, schema, name, k->elems, k->nelems);
        o->check = map_expr_columns(r, schema, name, k->check);
        o->exclude_where = map_expr_columns(r, schema, name, k->exclude_where);
        if (k->type == CAT_CON_FOREIGN && k->ref_table) {
            const char *rs = k->ref_schema ? k->ref_schema : schema;
            o->ref_table = map_obj(r, DIFF_OBJ_TABLE, rs, k->ref_table);
            o->ref_columns = map_names(r, rs, k->ref_table, k->ref_columns, k->nref_columns);
        }
    }
    if (f->partition_of)
        t->partition_of =
            map_obj(r, DIFF_OBJ_TABLE, f->partition_of_schema ? f->partition_of_schema : schema,
                    f->partition_of);
}

/* Do the renames change anything inside table (schema, name) of the from side: its
 * columns or constraints, a table its keys reference, its parent? Type and sequence
 * renames reach into column types and defaults: then every table counts. */
static bool
table_touched_inside(const RenCtx *r, const CatTable *f)
{
    for (uint32_t i = 0; i < r->n; i++) {
        const Ren *x = &r->rens[i];
        if (x->kind == DIFF_OBJ_TYPE || x->kind == DIFF_OBJ_SEQUENCE)
            return true;
        if ((x->kind == DIFF_OBJ_COLUMN || x->kind == DIFF_OBJ_CONSTRAINT) &&
            ag_streq(x->schema, f->obj.schema) && ag_streq(x->parent_old, f->obj.name))
            return true;
        if (x->kind != DIFF_OBJ_TABLE && x->kind != DIFF_OBJ_COLUMN)
            continue;
        const char *tn = x->kind == DIFF_OBJ_TABLE ? x->old_name : x->parent_old;
        for (uint32_t k = 0; k < f->nconstraints; k++) {
            const CatConstraint *con = &f->constraints[k];
            if (con->type == CAT_CON_FOREIGN &&
                ag_streq(con->ref_schema ? con->ref_schema : f->obj.schema, x->schema) &&
                ag_streq(con->ref_table, tn))
                return true;
        }
        if (f->partition_of && x->kind == DIFF_OBJ_TABLE &&
            ag_streq(f->partition_of_schema ? f->partition_of_schema : f->obj.schema, x->schema) &&
            ag_streq(f->partition_of, tn))
            return true;
    }
    return false;
}

static const Catalog *
renamed_catalog(RenCtx *r)
{
    const Catalog *from = r->c->from;
    Catalog *out = cat_new(r->c->arena);
    for (uint32_t i = 0; i < from->nobjects; i++) {
        const CatObject *f = from->objects[i];
        DiffObjKind dk = diff_kind_of(f->kind);
        const char *name = dk == DIFF_OBJ_COUNT ? f->name : map_obj(r, dk, f->schema, f->name);
        CatObject *o = cat_add(out, f->kind, f->schema, name, f->loc);
        assert(o);
        size_t size = kind_size(f->kind);
        memcpy((char *) o + sizeof(CatObject), (const char *) f + sizeof(CatObject),
               size - sizeof(CatObject));
        o->comment = f->comment;
        o->renamed_from = f->renamed_from;
        switch (f->kind) {
        case CAT_TABLE:
            /* (untouched inside, it shares the from side's arrays: nothing writes them) */
            if (table_touched_inside(r, (const CatTable *) f))
                map_table(r, (const CatTable *) f, (CatTable *) o);
            break;
        case CAT_INDEX: {
            const CatIndex *fi = (const CatIndex *) f;
            CatIndex *ix = (CatIndex *) o;
            const CatTable *ft = cat_table_find(r->c->from, f->schema, fi->table);
            if (ft && !table_touched_inside(r, ft) &&
                !ren_find(r, DIFF_OBJ_TABLE, false, f->schema, NULL, fi->table, false))
                break;
            ix->table = map_obj(r, DIFF_OBJ_TABLE, f->schema, fi->table);
            ix->elems = map_elems(r, f->schema, fi->table, fi->elems, fi->nelems);
            ix->where = map_expr_columns(r, f->schema, fi->table, fi->where);
            ix->include = map_names(r, f->schema, fi->table, fi->include, fi->ninclude);
            break;
        }
        case CAT_SEQUENCE: {
            const CatSequence *fq = (const CatSequence *) f;
            CatSequence *q = (CatSequence *) o;
            if (fq->owned_table) {
                const char *os = fq->owned_schema ? fq->owned_schema : f->schema;
                q->owned_table = map_obj(r, DIFF_OBJ_TABLE, os, fq->owned_table);
                q->owned_column = map_column(r, os, fq->owned_table, fq->owned_column);
            }
            break;
        }
        case CAT_ENUM: {
            const CatEnum *fe = (const CatEnum *) f;
            CatEnum *e = (CatEnum *) o;
            e->labels = zalloc(r->c->arena, sizeof(char *) * (fe->nlabels + 1));
            for (uint32_t j = 0; j < fe->nlabels; j++) {
                const Ren *x =
                    ren_find(r, DIFF_OBJ_TYPE, true, f->schema, f->name, fe->labels[j], false);
                e->labels[j] = x ? x->new_name : fe->labels[j];
            }
            break;
        }
        case CAT_COMPOSITE: {
            const CatComposite *fc = (const CatComposite *) f;
            CatComposite *cc = (CatComposite *) o;
            cc->attrs = zalloc(r->c->arena, sizeof(CatColumn) * (fc->nattrs + 1));
            for (uint32_t j = 0; j < fc->nattrs; j++) {
                cc->attrs[j] = fc->attrs[j];
                cc->attrs[j].type = map_type(r, fc->attrs[j].type);
            }
            break;
        }
        case CAT_DOMAIN:
            ((CatDomain *) o)->type = map_type(r, ((const CatDomain *) f)->type);
            break;
        case CAT_SCHEMA:
        case CAT_EXTENSION:
        case CAT_FUNCTION:
        case CAT_VIEW:
            break;
        case CAT_KIND_COUNT:
            AG_UNREACHABLE();
        }
    }
    cat_finish(out);
    return out;
}

/* ---- steps ------------------------------------------------------------------------ */

static void
rename_steps(RenCtx *r)
{
    DiffCtx *c = r->c;
    for (uint32_t i = 0; i < r->n; i++) {
        Ren *x = &r->rens[i];
        bool sub = x->kind == DIFF_OBJ_COLUMN || x->kind == DIFF_OBJ_CONSTRAINT || x->is_label;
        uint32_t ch = diff_change_new(c, DIFF_OP_ALTER, x->kind, x->schema,
                                      sub ? x->parent_new : x->new_name, sub ? x->new_name : NULL);
        /* Names from hints and evidence live in scratch: the changeset keeps copies. */
        x->old_name = ag_arena_strdup(c->arena, x->old_name);
        x->evidence = x->evidence ? ag_arena_strdup(c->arena, x->evidence) : NULL;
        DiffChange *chg = &c->changes[ch];
        chg->renamed_from = x->old_name;
        uint32_t s = diff_step_new(c, DIFF_RENAME, ch);
        DiffStep *st = &c->steps[s];
        st->target = x->kind;
        st->old_name = x->old_name;
        st->new_name = x->new_name;
        st->is_label = x->is_label;
        st->evidence = x->evidence;
        if (!sub)
            st->name = x->old_name;
        if (x->guess)
            st->review = DIFF_REVIEW_RENAME;
        x->step = s;
        diff_step_key(c, s, KEY_PROVIDES, "ren");
        /* A column, constraint or value names its table or type by the new name. */
        if (sub) {
            DiffObjKind pk = x->is_label ? DIFF_OBJ_TYPE : DIFF_OBJ_TABLE;
            const Ren *p = ren_find(r, pk, false, x->schema, NULL, x->parent_old, false);
            if (p)
                diff_step_after(c, p->step, s);
        }
    }
}

/* Row lookups ask about the table's old name: the database still has it. */
static bool
rows_by_old_name(const char *schema, const char *table, void *ctx)
{
    RenCtx *r = ctx;
    const char *old = unmap_obj(r, DIFF_OBJ_TABLE, schema, table);
    if (r->orig.table_has_rows)
        return r->orig.table_has_rows(schema, old, r->orig.rows_ctx);
    AgBuf b;
    ag_buf_init(&b);
    ag_buf_printf(&b, "%s.%s", schema, old);
    bool found = false;
    for (size_t i = 0; i < r->orig.nnonempty_tables && !found; i++)
        found = strcmp(r->orig.nonempty_tables[i], ag_buf_cstr(&b)) == 0;
    ag_buf_free(&b);
    return found;
}

/* Every pass, in order: types first (column types compare through them), then tables,
 * what lives in tables, sequences, and indexes last (their names follow tables and
 * columns). Implicit-name follow-ups and hints count even with detection off. */
static void
find_all(RenCtx *r)
{
    const DiffCtx *c = r->c;
    bool detect = !c->opts.no_rename_detection;
    hint_objects(r, DIFF_OBJ_TYPE);
    if (detect)
        detect_objects(r, DIFF_OBJ_TYPE);
    for (uint32_t i = 0; i < c->from->nobjects; i++) {
        const CatEnum *fe = (const CatEnum *) c->from->objects[i];
        if (fe->obj.kind != CAT_ENUM)
            continue;
        const CatEnum *te =
            (const CatEnum *) cat_find(c->to, CAT_ENUM, fe->obj.schema,
                                       map_obj(r, DIFF_OBJ_TYPE, fe->obj.schema, fe->obj.name));
        if (te)
            labels_of_pair(r, fe, te);
    }
    hint_objects(r, DIFF_OBJ_TABLE);
    if (detect)
        detect_objects(r, DIFF_OBJ_TABLE);
    for (int pass = 0; pass < 2; pass++)
        for (uint32_t i = 0; i < c->from->nobjects; i++) {
            const CatTable *ft = (const CatTable *) c->from->objects[i];
            if (ft->obj.kind != CAT_TABLE)
                continue;
            const CatTable *tt = cat_table_find(
                c->to, ft->obj.schema, map_obj(r, DIFF_OBJ_TABLE, ft->obj.schema, ft->obj.name));
            if (tt && pass == 0)
                columns_of_pair(r, ft, tt);
            else if (tt)
                constraints_of_pair(r, ft, tt);
        }
    hint_objects(r, DIFF_OBJ_SEQUENCE);
    detect_objects(r, DIFF_OBJ_SEQUENCE);
    hint_objects(r, DIFF_OBJ_INDEX);
    detect_objects(r, DIFF_OBJ_INDEX);
}

const Catalog *
diff_renames(DiffCtx *c)
{
    RenCtx *r = zalloc(&c->scratch, sizeof(RenCtx));
    r->c = c;
    r->a = &c->scratch;
    r->orig = c->opts;
    find_all(r);
    if (!r->n)
        return c->from;
    rename_steps(r);
    if (c->opts.rows_known) {
        c->opts.table_has_rows = rows_by_old_name;
        c->opts.rows_ctx = r;
    }
    return renamed_catalog(r);
}

void
diff_rename_keys(DiffCtx *c)
{
    bool any = false;
    for (uint32_t s = 0; s < c->nsteps && !any; s++)
        any = c->steps[s].kind == DIFF_RENAME;
    if (!any)
        return;
    for (uint32_t s = 0; s < c->nsteps; s++)
        if (c->steps[s].kind != DIFF_RENAME)
            diff_step_key(c, s, KEY_NEEDS, "ren");
}

/* ---- public helpers ------------------------------------------------------------------ */

size_t
diff_rename_candidates(AgArena *arena, const Catalog *from, const Catalog *to,
                       const DiffOptions *opts, DiffRenameCandidate **out)
{
    DiffCtx c = {.arena = arena, .from = from, .to = to};
    if (opts)
        c.opts = *opts;
    ag_arena_init(&c.scratch);
    RenCtx r = {.c = &c, .a = &c.scratch, .orig = c.opts};
    RenCtx *rp = &r;
    find_all(rp);
    DiffRenameCandidate *v = zalloc(arena, sizeof(DiffRenameCandidate) * (r.n + 1));
    for (uint32_t i = 0; i < r.n; i++) {
        const Ren *x = &r.rens[i];
        bool sub = x->kind == DIFF_OBJ_COLUMN || x->kind == DIFF_OBJ_CONSTRAINT || x->is_label;
        DiffRenameCandidate *d = &v[i];
        d->kind = x->kind;
        d->is_label = x->is_label;
        d->rename.old =
            sub ? ag_arena_printf(arena, "%s.%s.%s", x->schema, x->parent_old, x->old_name)
                : ag_arena_printf(arena, "%s.%s", x->schema, x->old_name);
        d->rename.new_name = ag_arena_strdup(arena, x->new_name);
        d->rename.evidence = ag_arena_strdup(arena, x->evidence ? x->evidence : "");
        d->rename.is_guess = x->guess;
        d->old_display = sub ? ag_arena_printf(arena, "%s.%s", x->parent_old, x->old_name)
                             : ag_arena_strdup(arena, x->old_name);
        d->new_display = sub ? ag_arena_printf(arena, "%s.%s", x->parent_new, x->new_name)
                             : ag_arena_strdup(arena, x->new_name);
        d->parent = x->parent;
        if (sub && d->parent == UINT32_MAX) {
            DiffObjKind pk = x->is_label ? DIFF_OBJ_TYPE : DIFF_OBJ_TABLE;
            d->parent =
                ren_index(rp, ren_find(rp, pk, false, x->schema, NULL, x->parent_old, false));
        }
    }
    size_t n = r.n;
    ag_arena_free(&c.scratch);
    *out = v;
    return n;
}

size_t
diff_renames_invert(AgArena *arena, const DiffRename *renames, size_t n, DiffRename **out)
{
    DiffRename *v = zalloc(arena, sizeof(DiffRename) * (n + 1));
    for (size_t i = 0; i < n; i++) {
        const char *parts[3];
        int np = split_hint(renames[i].old, arena, parts);
        v[i] = renames[i];
        if (np == 2) {
            v[i].old = ag_arena_printf(arena, "%s.%s", parts[0], renames[i].new_name);
            v[i].new_name = parts[1];
            continue;
        }
        if (np != 3) {
            continue;
        }
        /* The parent (table or type) goes by its new name on the other side. */
        const char *parent = parts[1];
        for (size_t j = 0; j < n; j++) {
            const char *pp[3];
            if (split_hint(renames[j].old, arena, pp) == 2 && strcmp(pp[0], parts[0]) == 0 &&
                strcmp(pp[1], parts[1]) == 0)
                parent = renames[j].new_name;
        }
        v[i].old = ag_arena_printf(arena, "%s.%s.%s", parts[0], parent, renames[i].new_name);
        v[i].new_name = parts[2];
    }
    *out = v;
    return n;
}

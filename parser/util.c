/*
 * parser/util.c: helpers the statement walkers share: places (byte offsets and
 * libpg_query cursor positions to file:line:col), name sets mirroring PostgreSQL's
 * namespaces and its implicit-name rules, reading protobuf-c nodes (strings, type names,
 * DefElem values), and expressions (deparse to text, column references,
 * FigureIndexColname).
 * Not here: statement semantics (table.c, objects.c), files and splitting (parser.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include "parser/internal.h"

/* ---- places --------------------------------------------------------------- */

/* Skip blanks and comments (the splitter keeps them in front of a statement). */
static size_t
skip_space(const char *s, size_t i, size_t end)
{
    while (i < end) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f' ||
            s[i] == '\v') {
            i++;
        } else if (s[i] == '-' && i + 1 < end && s[i + 1] == '-') {
            while (i < end && s[i] != '\n')
                i++;
        } else if (s[i] == '/' && i + 1 < end && s[i + 1] == '*') {
            int depth = 0;
            do {
                if (s[i] == '/' && i + 1 < end && s[i + 1] == '*') {
                    depth++;
                    i += 2;
                } else if (s[i] == '*' && i + 1 < end && s[i + 1] == '/') {
                    depth--;
                    i += 2;
                } else {
                    i++;
                }
            } while (i < end && depth > 0);
        } else {
            break;
        }
    }
    return i;
}

AgLoc
prs_loc_from_offset(const PrsContext *ctx, int32_t offset)
{
    size_t off = offset < 0 ? skip_space(ctx->stmt_text, 0, ctx->stmt_len) : (size_t) offset;
    if (off > ctx->stmt_len)
        off = ctx->stmt_len;
    uint32_t line, col;
    ag_line_col(ctx->stmt_text, off, &line, &col);
    AgLoc loc = {.file = ctx->file};
    if (line == 1) {
        loc.line = ctx->stmt_line;
        loc.col = ctx->stmt_col + col - 1;
    } else {
        loc.line = ctx->stmt_line + line - 1;
        loc.col = col;
    }
    return loc;
}

AgLoc
prs_stmt_loc(const PrsContext *ctx)
{
    return prs_loc_from_offset(ctx, -1);
}

size_t
prs_char_to_byte(const char *s, int32_t cursorpos)
{
    size_t i = 0;
    for (int32_t c = 1; c < cursorpos && s[i]; c++) {
        i++;
        while (((unsigned char) s[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

void
prs_error_dup(PrsContext *ctx, AgLoc loc, AgLoc first, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char buf[1024];
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    ag_diag_error(ctx->diag, loc, "%s", buf);
    /* The note belongs to its error: none when the error was over the cap. */
    if (first.line && ctx->diag->nerrors <= AG_DIAG_MAX_ERRORS)
        ag_diag_note(ctx->diag, first, "first definition is here");
}

/* ---- name sets -------------------------------------------------------------- */

static uint64_t
name_hash(const char *schema, const char *name)
{
    return ag_hash_str(name, ag_hash_str(schema ? schema : "", 7) ^ 0x1f);
}

static bool
key_is(const char *key, const char *schema, const char *name)
{
    size_t sl = strlen(schema ? schema : "");
    return strncmp(key, schema ? schema : "", sl) == 0 && key[sl] == '\x1f' &&
           strcmp(key + sl + 1, name) == 0;
}

static PrsNameEntry *
names_slot(const PrsNameSet *set, const char *schema, const char *name, uint64_t h)
{
    if (!set->cap)
        return NULL;
    uint32_t mask = set->cap - 1;
    for (uint32_t i = (uint32_t) h & mask;; i = (i + 1) & mask) {
        PrsNameEntry *e = &set->items[i];
        if (!e->key || (e->hash == h && key_is(e->key, schema, name)))
            return e;
    }
}

PrsNameEntry *
prs_names_add(AgArena *arena, PrsNameSet *set, const char *schema, const char *name, AgLoc loc)
{
    if ((set->len + 1) * 2 > set->cap) {
        uint32_t cap = set->cap ? set->cap * 2 : 64;
        PrsNameEntry *old = set->items;
        uint32_t oldcap = set->cap;
        set->items = ag_arena_alloc(arena, sizeof(PrsNameEntry) * cap);
        set->cap = cap;
        for (uint32_t i = 0; i < oldcap; i++) {
            if (!old[i].key)
                continue;
            uint32_t j = (uint32_t) old[i].hash & (cap - 1);
            while (set->items[j].key)
                j = (j + 1) & (cap - 1);
            set->items[j] = old[i];
        }
    }
    uint64_t h = name_hash(schema, name);
    PrsNameEntry *e = names_slot(set, schema, name, h);
    if (!e->key) {
        e->key = ag_arena_printf(arena, "%s\x1f%s", schema ? schema : "", name);
        e->hash = h;
        set->len++;
    }
    if (e->count++ == 0) {
        e->loc = loc;
        e->obj = NULL;
    }
    return e;
}

void
prs_names_remove(PrsNameSet *set, const char *schema, const char *name)
{
    PrsNameEntry *e = names_slot(set, schema, name, name_hash(schema, name));
    if (e && e->key && e->count)
        e->count--;
}

const PrsNameEntry *
prs_names_find(const PrsNameSet *set, const char *schema, const char *name)
{
    const PrsNameEntry *e = names_slot(set, schema, name, name_hash(schema, name));
    return e && e->key && e->count ? e : NULL;
}

typedef struct TakenCtx {
    const PrsState *st;
    const char *schema;
    PrsNameSpace space;
} TakenCtx;

static bool
name_taken(const char *name, void *p)
{
    const TakenCtx *tc = p;
    bool rel = prs_names_find(&tc->st->relations, tc->schema, name) != NULL;
    bool con = prs_names_find(&tc->st->constraints, tc->schema, name) != NULL;
    switch (tc->space) {
    case PRS_NAME_RELATION:
        return rel;
    case PRS_NAME_RELATION_AND_CON:
        return rel || con;
    case PRS_NAME_CONSTRAINT_ONLY:
        return con;
    }
    return rel;
}

const char *
prs_choose_name(PrsContext *ctx, const char *schema, const char *table, const char *const *cols,
                uint32_t ncols, const char *label, PrsNameSpace space)
{
    TakenCtx tc = {.st = ctx->st, .schema = schema, .space = space};
    return cat_implicit_name(ctx->arena, table, cols, ncols, label, name_taken, &tc);
}

void
prs_remove_object(Catalog *cat, CatObject *o)
{
    uint32_t k = 0;
    for (uint32_t i = 0; i < cat->nobjects; i++)
        if (cat->objects[i] != o)
            cat->objects[k++] = cat->objects[i];
    cat->nobjects = k;
    o->name = "\x01removed";
}

/* ---- nodes ------------------------------------------------------------------ */

const char *
prs_str(const PrsNode *n)
{
    if (n && n->node_case == PG_QUERY__NODE__NODE_STRING)
        return n->string->sval;
    return NULL;
}

const char **
prs_str_list(AgArena *a, PrsNode **items, size_t nitems, uint32_t *n)
{
    const char **out = ag_arena_alloc(a, sizeof(char *) * (nitems + 1));
    uint32_t k = 0;
    for (size_t i = 0; i < nitems; i++) {
        const char *s = prs_str(items[i]);
        if (s)
            out[k++] = ag_arena_strdup(a, s);
    }
    *n = k;
    return out;
}

const char *
prs_dotted(AgArena *a, PrsNode **items, size_t nitems)
{
    AgBuf b;
    ag_buf_init(&b);
    for (size_t i = 0; i < nitems; i++) {
        const char *s = prs_str(items[i]);
        if (i)
            ag_buf_putc(&b, '.');
        ag_buf_puts(&b, s ? s : "*");
    }
    const char *r = ag_arena_strdup(a, ag_buf_cstr(&b));
    ag_buf_free(&b);
    return r;
}

const char *
prs_creation_schema(const PrsContext *ctx)
{
    return ctx->nsearch_path ? ctx->search_path[0] : "public";
}

const char *
prs_search_path_text(PrsContext *ctx)
{
    AgBuf b;
    ag_buf_init(&b);
    for (uint32_t i = 0; i < ctx->nsearch_path; i++) {
        if (i)
            ag_buf_puts(&b, ", ");
        ag_buf_puts(&b, cat_quote_ident(ctx->tmp, ctx->search_path[i]));
    }
    const char *r = ag_arena_strdup(ctx->arena, b.len ? ag_buf_cstr(&b) : "public");
    ag_buf_free(&b);
    return r;
}

const char *
prs_rel_schema(PrsContext *ctx, const char *schema, const char *name)
{
    if (schema && *schema)
        return schema;
    for (uint32_t i = 0; i < ctx->nsearch_path; i++)
        if (prs_names_find(&ctx->st->relations, ctx->search_path[i], name))
            return ctx->search_path[i];
    return prs_creation_schema(ctx);
}

bool
prs_is_ignored(const PrsContext *ctx, const char *schema, const char *name)
{
    return prs_names_find(&ctx->st->ignored, schema, name) != NULL;
}

bool
prs_defer(PrsContext *ctx)
{
    if (ctx->replaying)
        return false;
    PrsState *st = ctx->st;
    if (st->ndeferred == st->capdeferred) {
        uint32_t cap = st->capdeferred ? st->capdeferred * 2 : 16;
        PrsDeferred *d = ag_arena_alloc(ctx->arena, sizeof(PrsDeferred) * cap);
        if (st->ndeferred)
            memcpy(d, st->deferred, sizeof(PrsDeferred) * st->ndeferred);
        st->deferred = d;
        st->capdeferred = cap;
    }
    PrsDeferred *d = &st->deferred[st->ndeferred++];
    d->file = ctx->file;
    d->text = ag_arena_strndup(ctx->arena, ctx->stmt_text, ctx->stmt_len);
    d->line = ctx->stmt_line;
    d->col = ctx->stmt_col;
    d->search_path = ag_arena_alloc(ctx->arena, sizeof(char *) * (ctx->nsearch_path + 1));
    for (uint32_t i = 0; i < ctx->nsearch_path; i++)
        d->search_path[i] = ag_arena_strdup(ctx->arena, ctx->search_path[i]);
    d->nsearch_path = ctx->nsearch_path;
    return true;
}

CatTable *
prs_table_for_stmt(PrsContext *ctx, const PgQuery__RangeVar *rv, bool missing_ok, bool *skip)
{
    *skip = false;
    const char *schema = prs_rel_schema(ctx, rv->schemaname, rv->relname);
    CatTable *t = cat_table_find(ctx->cat, schema, rv->relname);
    if (t)
        return t;
    *skip = true;
    if (prs_is_ignored(ctx, schema, rv->relname) || missing_ok)
        return NULL;
    if (prs_names_find(&ctx->st->relations, schema, rv->relname)) {
        ag_diag_error(ctx->diag, prs_loc_from_offset(ctx, rv->location), "%s is not a table",
                      cat_qualified(ctx->tmp, schema, rv->relname));
        return NULL;
    }
    if (prs_defer(ctx))
        return NULL;
    ag_diag_error(ctx->diag, prs_loc_from_offset(ctx, rv->location),
                  "table %s is not defined in the model",
                  cat_qualified(ctx->tmp, schema, rv->relname));
    return NULL;
}

const char **
prs_index_colnames(PrsContext *ctx, const char *const *raw, uint32_t n)
{
    const char **out = ag_arena_alloc(ctx->tmp, sizeof(char *) * (n + 1));
    for (uint32_t i = 0; i < n; i++) {
        const char *orig = raw[i] ? raw[i] : "expr";
        const char *cur = orig;
        for (int k = 1;; k++) {
            bool clash = false;
            for (uint32_t j = 0; j < i && !clash; j++)
                clash = strcmp(out[j], cur) == 0;
            if (!clash)
                break;
            char num[16];
            snprintf(num, sizeof(num), "%d", k);
            /* keep the result under NAMEDATALEN, cut on a character boundary */
            size_t len = strlen(orig), max = 63 - strlen(num);
            if (len > max) {
                len = max;
                while (len > 0 && ((unsigned char) orig[len] & 0xC0) == 0x80)
                    len--;
            }
            cur = ag_arena_printf(ctx->tmp, "%.*s%s", (int) len, orig, num);
        }
        out[i] = cur;
    }
    return out;
}

static const char *extension_type_schema(PrsContext *ctx, const char *name);

/* ---- types ------------------------------------------------------------------ */

/* Interval field masks as the grammar builds them (datetime.h: MONTH 1, YEAR 2, DAY 3,
 * HOUR 10, MINUTE 11, SECOND 12), and the words format_type prints for them. */
static const struct {
    int32_t mask;
    const char *text;
} interval_fields[] = {
    {1 << 2, "year"},
    {1 << 1, "month"},
    {1 << 3, "day"},
    {1 << 10, "hour"},
    {1 << 11, "minute"},
    {1 << 12, "second"},
    {(1 << 2) | (1 << 1), "year to month"},
    {(1 << 3) | (1 << 10), "day to hour"},
    {(1 << 3) | (1 << 10) | (1 << 11), "day to minute"},
    {(1 << 3) | (1 << 10) | (1 << 11) | (1 << 12), "day to second"},
    {(1 << 10) | (1 << 11), "hour to minute"},
    {(1 << 10) | (1 << 11) | (1 << 12), "hour to second"},
    {(1 << 11) | (1 << 12), "minute to second"},
};
#define INTERVAL_FULL_RANGE 0x7FFF

static const char *
typmod_text(AgArena *a, const PrsNode *n)
{
    if (!n)
        return NULL;
    switch (n->node_case) {
    case PG_QUERY__NODE__NODE_A_CONST: {
        const PgQuery__AConst *c = n->a_const;
        switch (c->val_case) {
        case PG_QUERY__A__CONST__VAL_IVAL:
            return ag_arena_printf(a, "%d", c->ival->ival);
        case PG_QUERY__A__CONST__VAL_FVAL:
            return ag_arena_strdup(a, c->fval->fval);
        case PG_QUERY__A__CONST__VAL_SVAL:
            return ag_arena_strdup(a, c->sval->sval);
        case PG_QUERY__A__CONST__VAL_BOOLVAL:
            return c->boolval->boolval ? "true" : "false";
        case PG_QUERY__A__CONST__VAL_BSVAL:
            return ag_arena_strdup(a, c->bsval->bsval);
        default:
            return NULL;
        }
        return NULL;
    }
    case PG_QUERY__NODE__NODE_COLUMN_REF:
        if (n->column_ref->n_fields)
            return prs_str(n->column_ref->fields[n->column_ref->n_fields - 1]);
        return NULL;
    default:
        return NULL;
    }
}

static const char *const serial_types[][2] = {
    {"serial", "integer"}, {"serial4", "integer"},      {"bigserial", "bigint"},
    {"serial8", "bigint"}, {"smallserial", "smallint"}, {"serial2", "smallint"},
};

const char *
prs_type_name(PrsContext *ctx, const PgQuery__TypeName *tn, const char **serial)
{
    if (serial)
        *serial = NULL;
    uint32_t nnames;
    const char **names = prs_str_list(ctx->tmp, tn->names, tn->n_names, &nnames);
    if (nnames == 0)
        return NULL;
    if (serial && nnames == 1 && tn->n_typmods == 0 && tn->n_array_bounds == 0) {
        for (size_t i = 0; i < ARRAY_LEN(serial_types); i++)
            if (strcmp(names[0], serial_types[i][0]) == 0) {
                *serial = serial_types[i][1];
                return serial_types[i][1];
            }
    }
    const char **mods = ag_arena_alloc(ctx->tmp, sizeof(char *) * (tn->n_typmods + 1));
    uint32_t nmods = 0;
    bool is_interval = strcmp(names[nnames - 1], "interval") == 0 &&
                       (nnames == 1 || strcmp(names[0], "pg_catalog") == 0);
    for (size_t i = 0; i < tn->n_typmods; i++) {
        const PrsNode *m = tn->typmods[i];
        if (is_interval && i == 0 && m->node_case == PG_QUERY__NODE__NODE_A_CONST &&
            m->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
            int32_t mask = m->a_const->ival->ival;
            if (mask == INTERVAL_FULL_RANGE)
                continue;
            for (size_t k = 0; k < ARRAY_LEN(interval_fields); k++)
                if (interval_fields[k].mask == mask)
                    mods[nmods++] = interval_fields[k].text;
            continue;
        }
        const char *t = typmod_text(ctx->tmp, m);
        if (t)
            mods[nmods++] = t;
    }
    /* An unqualified user type is found through the search path; where no schema of the
     * path has it (yet), it is taken to be in the creation schema, or in its extension's. */
    const char *def_schema = prs_creation_schema(ctx);
    const char *ext_schema = nnames == 1 ? extension_type_schema(ctx, names[0]) : NULL;
    if (ext_schema)
        def_schema = ext_schema;
    else if (nnames == 1) {
        for (uint32_t i = 0; i < ctx->nsearch_path; i++)
            if (cat_find(ctx->cat, CAT_ENUM, ctx->search_path[i], names[0]) ||
                prs_names_find(&ctx->st->types, ctx->search_path[i], names[0])) {
                def_schema = ctx->search_path[i];
                break;
            }
    }
    return cat_canon_type(ctx->arena, names, nnames, mods, nmods, (uint32_t) tn->n_array_bounds,
                          def_schema);
}

/* Types that contrib extensions create, by name: an unqualified one is found in the
 * schema its extension was created in. */
static const char *const extension_types[][2] = {
    {"citext", "citext"},   {"hstore", "hstore"},
    {"ltree", "ltree"},     {"lquery", "ltree"},
    {"ltxtquery", "ltree"}, {"cube", "cube"},
    {"seg", "seg"},         {"earth", "earthdistance"},
    {"ean13", "isn"},       {"isbn", "isn"},
    {"isbn13", "isn"},      {"ismn", "isn"},
    {"ismn13", "isn"},      {"issn", "isn"},
    {"issn13", "isn"},      {"upc", "isn"},
    {"lo", "lo"},           {"query_int", "intarray"},
};

static const char *
extension_type_schema(PrsContext *ctx, const char *name)
{
    for (size_t i = 0; i < ARRAY_LEN(extension_types); i++) {
        if (strcmp(extension_types[i][0], name) != 0)
            continue;
        const PrsNameEntry *e = prs_names_find(&ctx->st->extensions, "", extension_types[i][1]);
        if (e && e->obj)
            return ((const CatObject *) e->obj)->schema;
    }
    return NULL;
}

void
prs_note_type_use(PrsContext *ctx, const PgQuery__TypeName *tn, const char *canon, AgLoc loc)
{
    size_t n = tn->n_names;
    const char *name = n ? prs_str(tn->names[n - 1]) : NULL;
    if (!name || !canon || (n == 2 && ag_streq(prs_str(tn->names[0]), "pg_catalog")))
        return;
    /* qualified in the canonical spelling: not a built-in type */
    const char *dot = NULL;
    bool quoted = false;
    for (const char *p = canon; *p && !dot; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (*p == '.' && !quoted)
            dot = p;
    }
    if (!dot)
        return;
    /* the schema is what the canonical spelling starts with, quotes removed */
    AgBuf b;
    ag_buf_init(&b);
    for (const char *p = canon; p < dot; p++) {
        if (*p == '"') {
            if (p[1] == '"' && p + 1 < dot)
                ag_buf_putc(&b, *++p);
            continue;
        }
        ag_buf_putc(&b, *p);
    }
    const char *schema = ag_arena_strdup(ctx->arena, ag_buf_cstr(&b));
    ag_buf_free(&b);
    PrsState *st = ctx->st;
    if (st->ntype_uses == st->captype_uses) {
        uint32_t cap = st->captype_uses ? st->captype_uses * 2 : 16;
        PrsTypeUse *u = ag_arena_alloc(ctx->arena, sizeof(PrsTypeUse) * cap);
        if (st->ntype_uses)
            memcpy(u, st->type_uses, sizeof(PrsTypeUse) * st->ntype_uses);
        st->type_uses = u;
        st->captype_uses = cap;
    }
    st->type_uses[st->ntype_uses++] = (PrsTypeUse){
        .schema = schema,
        .name = ag_arena_strdup(ctx->arena, name),
        .loc = loc,
    };
}

/* ---- expressions ------------------------------------------------------------ */

const char *
prs_deparse_stmt(PrsContext *ctx, const char *what, const PrsNode *stmt)
{
    PgQuery__RawStmt raw;
    pg_query__raw_stmt__init(&raw);
    /* protobuf-c wants a mutable pointer; packing only reads through it */
    memcpy(&raw.stmt, &stmt, sizeof(raw.stmt));
    PgQuery__RawStmt *stmts[1] = {&raw};
    PgQuery__ParseResult pr;
    pg_query__parse_result__init(&pr);
    pr.version = PG_VERSION_NUM;
    pr.n_stmts = 1;
    pr.stmts = stmts;
    size_t len = pg_query__parse_result__get_packed_size(&pr);
    uint8_t *buf = ag_arena_alloc(ctx->tmp, len ? len : 1);
    pg_query__parse_result__pack(&pr, buf);
    PgQueryProtobuf pb = {.len = len, .data = (char *) buf};
    PgQueryDeparseResult dr = pg_query_deparse_protobuf(pb);
    const char *out = NULL;
    if (dr.error)
        ag_diag_error(ctx->diag, prs_stmt_loc(ctx), "cannot print this %s back: %s", what,
                      dr.error->message);
    else /* copied out of the deparse result: it is freed below */
        out = ag_arena_strdup(ctx->tmp, dr.query);
    pg_query_free_deparse_result(dr);
    return out;
}

const char *
prs_deparse_expr(PrsContext *ctx, const PrsNode *expr)
{
    /* SELECT <expr>: the deparser prints whole statements only. The wrapper borrows
     * expr; nothing here is freed but the packed buffer and the deparse result. */
    PgQuery__ResTarget rt;
    pg_query__res_target__init(&rt);
    /* protobuf-c wants a mutable pointer; packing only reads through it */
    memcpy(&rt.val, &expr, sizeof(rt.val));
    rt.location = -1;
    PgQuery__Node rt_node;
    pg_query__node__init(&rt_node);
    rt_node.node_case = PG_QUERY__NODE__NODE_RES_TARGET;
    rt_node.res_target = &rt;
    PgQuery__Node *targets[1] = {&rt_node};
    PgQuery__SelectStmt sel;
    pg_query__select_stmt__init(&sel);
    sel.n_target_list = 1;
    sel.target_list = targets;
    sel.limit_option = PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_DEFAULT;
    sel.op = PG_QUERY__SET_OPERATION__SETOP_NONE;
    PgQuery__Node sel_node;
    pg_query__node__init(&sel_node);
    sel_node.node_case = PG_QUERY__NODE__NODE_SELECT_STMT;
    sel_node.select_stmt = &sel;
    const char *out = prs_deparse_stmt(ctx, "expression", &sel_node);
    if (!out)
        return NULL;
    if (strncmp(out, "SELECT ", 7) != 0) {
        ag_diag_error(ctx->diag, prs_stmt_loc(ctx), "cannot print this expression back");
        return NULL;
    }
    return out + 7;
}

/* Walk every message below m through protobuf-c's descriptors, calling fn on each
 * Node; a generic walker, so no node kind can be forgotten. */
typedef void (*NodeFn)(PrsNode *n, void *ctx);

static void
walk_message(ProtobufCMessage *m, NodeFn fn, void *ctx)
{
    if (!m)
        return;
    const ProtobufCMessageDescriptor *d = m->descriptor;
    if (d == &pg_query__node__descriptor)
        fn((PrsNode *) m, ctx);
    for (unsigned i = 0; i < d->n_fields; i++) {
        const ProtobufCFieldDescriptor *f = &d->fields[i];
        if (f->type != PROTOBUF_C_TYPE_MESSAGE)
            continue;
        char *base = (char *) m;
        if (f->label == PROTOBUF_C_LABEL_REPEATED) {
            size_t n = *(size_t *) (base + f->quantifier_offset);
            ProtobufCMessage **arr = *(ProtobufCMessage ***) (base + f->offset);
            for (size_t k = 0; k < n; k++)
                walk_message(arr[k], fn, ctx);
        } else {
            if (f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
                uint32_t which = *(uint32_t *) (base + f->quantifier_offset);
                if (which != f->id)
                    continue;
            }
            walk_message(*(ProtobufCMessage **) (base + f->offset), fn, ctx);
        }
    }
}

/* The walkers only read or restore what they change; they take the tree mutable. */
static ProtobufCMessage *
mutable_tree(const PrsNode *n)
{
    ProtobufCMessage *m;
    memcpy(&m, &n, sizeof(m));
    return m;
}

/* ---- names in expressions that only the model's context resolves ---------------- */

/* A change made to the libpg_query tree for printing, undone right after: the tree's
 * strings and arrays belong to protobuf-c, which frees them. */
typedef struct Undo {
    void **slot;
    void *old;
    size_t *nslot;
    size_t oldn;
} Undo;

typedef struct QualCtx {
    PrsContext *ctx;
    Undo items[64];
    size_t n;
} QualCtx;

static PrsNode *
string_node(AgArena *a, const char *s)
{
    PgQuery__String *str = ag_arena_alloc(a, sizeof(PgQuery__String));
    pg_query__string__init(str);
    str->sval = ag_arena_strdup(a, s);
    PrsNode *n = ag_arena_alloc(a, sizeof(PrsNode));
    pg_query__node__init(n);
    n->node_case = PG_QUERY__NODE__NODE_STRING;
    n->string = str;
    return n;
}

/* Replace a one-name list (funcname, type names) with schema + name. */
static void
qualify_list(QualCtx *q, PrsNode ***items, size_t *n, const char *schema)
{
    if (q->n == ARRAY_LEN(q->items))
        return;
    PrsNode **two = ag_arena_alloc(q->ctx->tmp, sizeof(PrsNode *) * 2);
    two[0] = string_node(q->ctx->tmp, schema);
    two[1] = (*items)[0];
    q->items[q->n++] = (Undo){.slot = (void **) items, .old = *items, .nslot = n, .oldn = *n};
    *items = two;
    *n = 2;
}

/* Identifier parts of a regclass literal ('s', '"My".t'): NULL when it has a schema
 * already or does not parse. */
static const char *
unqualified_relname(AgArena *a, const char *lit)
{
    AgBuf b;
    ag_buf_init(&b);
    const char *p = lit;
    if (*p == '"') {
        for (p++; *p; p++) {
            if (*p == '"') {
                if (p[1] != '"')
                    break;
                p++;
            }
            ag_buf_putc(&b, *p);
        }
        if (*p != '"' || p[1]) {
            ag_buf_free(&b);
            return NULL;
        }
    } else {
        for (; *p; p++) {
            if (*p == '.' || *p == '"' || *p == ' ') {
                ag_buf_free(&b);
                return NULL;
            }
            ag_buf_putc(&b, (char) (*p >= 'A' && *p <= 'Z' ? *p + 32 : *p));
        }
    }
    const char *r = b.len ? ag_arena_strdup(a, ag_buf_cstr(&b)) : NULL;
    ag_buf_free(&b);
    return r;
}

static bool
is_type(const PgQuery__TypeName *tn, const char *name)
{
    if (tn->n_names == 1)
        return ag_streq(prs_str(tn->names[0]), name);
    return tn->n_names == 2 && ag_streq(prs_str(tn->names[0]), "pg_catalog") &&
           ag_streq(prs_str(tn->names[1]), name);
}

static void
qualify_node(PrsNode *n, void *p)
{
    QualCtx *q = p;
    PrsContext *ctx = q->ctx;
    if (n->node_case == PG_QUERY__NODE__NODE_FUNC_CALL && n->func_call->n_funcname == 1) {
        /* a function of the model, called by its bare name: printed qualified */
        const char *name = prs_str(n->func_call->funcname[0]);
        for (uint32_t i = 0; name && i < ctx->nsearch_path; i++)
            if (prs_names_find(&ctx->st->functions, ctx->search_path[i], name)) {
                qualify_list(q, &n->func_call->funcname, &n->func_call->n_funcname,
                             ctx->search_path[i]);
                break;
            }
        return;
    }
    if (n->node_case != PG_QUERY__NODE__NODE_TYPE_CAST || !n->type_cast->type_name)
        return;
    PgQuery__TypeCast *tc = n->type_cast;
    PgQuery__TypeName *tn = tc->type_name;
    if (is_type(tn, "regclass") && tc->arg && tc->arg->node_case == PG_QUERY__NODE__NODE_A_CONST &&
        tc->arg->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL) {
        /* 'seq'::regclass names a relation through the search path */
        PgQuery__String *sv = tc->arg->a_const->sval;
        const char *rel = unqualified_relname(ctx->tmp, sv->sval);
        if (!rel || q->n == ARRAY_LEN(q->items))
            return;
        const char *lit = cat_qualified(ctx->tmp, prs_rel_schema(ctx, NULL, rel), rel);
        q->items[q->n++] = (Undo){.slot = (void **) &sv->sval, .old = sv->sval};
        sv->sval = (char *) (uintptr_t) lit;
        return;
    }
    if (tn->n_names == 1 && !tn->pct_type) {
        /* a cast to a type of the model: printed qualified */
        const char *name = prs_str(tn->names[0]);
        for (uint32_t i = 0; name && i < ctx->nsearch_path; i++)
            if (cat_find(ctx->cat, CAT_ENUM, ctx->search_path[i], name) ||
                prs_names_find(&ctx->st->types, ctx->search_path[i], name)) {
                qualify_list(q, &tn->names, &tn->n_names, ctx->search_path[i]);
                break;
            }
    }
}

CatExpr *
prs_expr(PrsContext *ctx, const PrsNode *expr)
{
    QualCtx q = {.ctx = ctx};
    walk_message(mutable_tree(expr), qualify_node, &q);
    const char *sql = prs_deparse_expr(ctx, expr);
    for (size_t i = q.n; i > 0; i--) {
        Undo *u = &q.items[i - 1];
        *u->slot = u->old;
        if (u->nslot)
            *u->nslot = u->oldn;
    }
    if (!sql)
        return NULL;
    CatExpr *e = cat_expr_new(ctx->arena, sql);
    if (!e) {
        /* Deparsed text that does not parse again is our bug, not the model's: keep the
         * text so the object still loads, compared as written. */
        e = ag_arena_alloc(ctx->arena, sizeof(CatExpr));
        e->sql = ag_arena_strdup(ctx->arena, sql);
        e->canon = e->sql;
    }
    return e;
}

bool
prs_is_null_default(PrsContext *ctx, const PrsNode *expr, const char *coltype)
{
    /* AddRelationNewConstraints stores no default that is a bare NULL constant. A NULL
     * cast to the column's own type folds to one; a cast to another type, even one
     * differing only in its modifier (NULL::character varying for varchar(50)), leaves
     * a coercion call, and that default is stored. */
    while (expr && expr->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) {
        const char *t = expr->type_cast->type_name
                            ? prs_type_name(ctx, expr->type_cast->type_name, NULL)
                            : NULL;
        if (!t || !coltype || strcmp(t, coltype) != 0)
            return false;
        expr = expr->type_cast->arg;
    }
    return expr && expr->node_case == PG_QUERY__NODE__NODE_A_CONST && expr->a_const->isnull;
}

typedef struct ColsCtx {
    const char **out;
    uint32_t n;
    uint32_t max;
} ColsCtx;

static void
collect_column(PrsNode *n, void *p)
{
    ColsCtx *c = p;
    if (n->node_case != PG_QUERY__NODE__NODE_COLUMN_REF || n->column_ref->n_fields == 0)
        return;
    const char *name = prs_str(n->column_ref->fields[n->column_ref->n_fields - 1]);
    if (!name)
        return;
    for (uint32_t i = 0; i < c->n; i++)
        if (strcmp(c->out[i], name) == 0)
            return;
    if (c->n < c->max)
        c->out[c->n] = name;
    c->n++;
}

uint32_t
prs_expr_columns(const PrsNode *expr, const char **out, uint32_t max)
{
    ColsCtx c = {.out = out, .max = max};
    walk_message(mutable_tree(expr), collect_column, &c);
    return c.n;
}

/* FigureColnameInternal (parse_target.c) reduced to what names an index column:
 * strength 2 for a real name, 1 for a fallback from a type or CASE. */
static int
figure_colname(const PrsNode *n, const char **name)
{
    if (!n)
        return 0;
    switch (n->node_case) {
    case PG_QUERY__NODE__NODE_COLUMN_REF: {
        const PgQuery__ColumnRef *cr = n->column_ref;
        for (size_t i = cr->n_fields; i > 0; i--) {
            const char *s = prs_str(cr->fields[i - 1]);
            if (s) {
                *name = s;
                return 2;
            }
            break;
        }
        return 0;
    }
    case PG_QUERY__NODE__NODE_A_INDIRECTION: {
        const PgQuery__AIndirection *ind = n->a_indirection;
        for (size_t i = ind->n_indirection; i > 0; i--) {
            const char *s = prs_str(ind->indirection[i - 1]);
            if (s) {
                *name = s;
                return 2;
            }
            if (ind->indirection[i - 1]->node_case == PG_QUERY__NODE__NODE_A_STAR)
                break;
        }
        return figure_colname(ind->arg, name);
    }
    case PG_QUERY__NODE__NODE_FUNC_CALL:
        if (n->func_call->n_funcname) {
            *name = prs_str(n->func_call->funcname[n->func_call->n_funcname - 1]);
            return 2;
        }
        return 0;
    case PG_QUERY__NODE__NODE_A_EXPR:
        if (n->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF) {
            *name = "nullif";
            return 2;
        }
        return 0;
    case PG_QUERY__NODE__NODE_TYPE_CAST: {
        int s = figure_colname(n->type_cast->arg, name);
        if (s <= 1 && n->type_cast->type_name && n->type_cast->type_name->n_names) {
            const PgQuery__TypeName *tn = n->type_cast->type_name;
            *name = prs_str(tn->names[tn->n_names - 1]);
            return 1;
        }
        return s;
    }
    case PG_QUERY__NODE__NODE_COLLATE_CLAUSE:
        return figure_colname(n->collate_clause->arg, name);
    case PG_QUERY__NODE__NODE_GROUPING_FUNC:
        *name = "grouping";
        return 2;
    case PG_QUERY__NODE__NODE_SUB_LINK:
        switch (n->sub_link->sub_link_type) {
        case PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK:
            *name = "exists";
            return 2;
        case PG_QUERY__SUB_LINK_TYPE__ARRAY_SUBLINK:
            *name = "array";
            return 2;
        default:
            return 0;
        }
    case PG_QUERY__NODE__NODE_CASE_EXPR: {
        int s = figure_colname(n->case_expr->defresult, name);
        if (s <= 1) {
            *name = "case";
            return 1;
        }
        return s;
    }
    case PG_QUERY__NODE__NODE_A_ARRAY_EXPR:
        *name = "array";
        return 2;
    case PG_QUERY__NODE__NODE_ROW_EXPR:
        *name = "row";
        return 2;
    case PG_QUERY__NODE__NODE_COALESCE_EXPR:
        *name = "coalesce";
        return 2;
    case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
        *name = n->min_max_expr->op == PG_QUERY__MIN_MAX_OP__IS_GREATEST ? "greatest" : "least";
        return 2;
    case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION: {
        static const char *const names[] = {
            [PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_DATE] = "current_date",
            [PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME] = "current_time",
            [PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME_N] = "current_time",
            [PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP] = "current_timestamp",
            [PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP_N] = "current_timestamp",
            [PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME] = "localtime",
            [PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME_N] = "localtime",
            [PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP] = "localtimestamp",
            [PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP_N] = "localtimestamp",
            [PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_ROLE] = "current_role",
            [PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_USER] = "current_user",
            [PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_USER] = "user",
            [PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_SESSION_USER] = "session_user",
            [PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_CATALOG] = "current_catalog",
            [PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_SCHEMA] = "current_schema",
        };
        unsigned op = (unsigned) n->sqlvalue_function->op;
        if (op < ARRAY_LEN(names) && names[op]) {
            *name = names[op];
            return 2;
        }
        return 0;
    }
    case PG_QUERY__NODE__NODE_XML_EXPR: {
        static const char *const names[] = {
            [PG_QUERY__XML_EXPR_OP__IS_XMLCONCAT] = "xmlconcat",
            [PG_QUERY__XML_EXPR_OP__IS_XMLELEMENT] = "xmlelement",
            [PG_QUERY__XML_EXPR_OP__IS_XMLFOREST] = "xmlforest",
            [PG_QUERY__XML_EXPR_OP__IS_XMLPARSE] = "xmlparse",
            [PG_QUERY__XML_EXPR_OP__IS_XMLPI] = "xmlpi",
            [PG_QUERY__XML_EXPR_OP__IS_XMLROOT] = "xmlroot",
            [PG_QUERY__XML_EXPR_OP__IS_XMLSERIALIZE] = "xmlserialize",
        };
        unsigned op = (unsigned) n->xml_expr->op;
        if (op < ARRAY_LEN(names) && names[op]) {
            *name = names[op];
            return 2;
        }
        return 0;
    }
    case PG_QUERY__NODE__NODE_XML_SERIALIZE:
        *name = "xmlserialize";
        return 2;
    default:
        return 0;
    }
}

const char *
prs_figure_colname(const PrsNode *expr)
{
    const char *name = NULL;
    figure_colname(expr, &name);
    return name;
}

/* ---- DefElem values ----------------------------------------------------------- */

bool
prs_defelem_int64(const PrsNode *arg, int64_t *out)
{
    if (!arg)
        return false;
    const char *s = NULL;
    switch (arg->node_case) {
    case PG_QUERY__NODE__NODE_INTEGER:
        *out = arg->integer->ival;
        return true;
    case PG_QUERY__NODE__NODE_FLOAT:
        s = arg->float_->fval;
        break;
    case PG_QUERY__NODE__NODE_STRING:
        s = arg->string->sval;
        break;
    case PG_QUERY__NODE__NODE_A_CONST:
        if (arg->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
            *out = arg->a_const->ival->ival;
            return true;
        }
        if (arg->a_const->val_case == PG_QUERY__A__CONST__VAL_FVAL)
            s = arg->a_const->fval->fval;
        break;
    default:
        break;
    }
    if (!s || !*s)
        return false;
    char *end;
    long long v = strtoll(s, &end, 10);
    if (*end)
        return false;
    *out = v;
    return true;
}

const char *
prs_defelem_str(AgArena *a, const PrsNode *arg)
{
    if (!arg)
        return NULL;
    switch (arg->node_case) {
    case PG_QUERY__NODE__NODE_INTEGER:
        return ag_arena_printf(a, "%d", arg->integer->ival);
    case PG_QUERY__NODE__NODE_FLOAT:
        return ag_arena_strdup(a, arg->float_->fval);
    case PG_QUERY__NODE__NODE_STRING:
        return ag_arena_strdup(a, arg->string->sval);
    case PG_QUERY__NODE__NODE_BOOLEAN:
        return arg->boolean->boolval ? "true" : "false";
    case PG_QUERY__NODE__NODE_TYPE_NAME:
        return prs_dotted(a, arg->type_name->names, arg->type_name->n_names);
    case PG_QUERY__NODE__NODE_LIST:
        return prs_dotted(a, arg->list->items, arg->list->n_items);
    case PG_QUERY__NODE__NODE_A_CONST:
        return typmod_text(a, arg);
    default:
        return NULL;
    }
}

void
prs_collation(PrsContext *ctx, const PgQuery__CollateClause *cc, const char **name,
              const char **schema)
{
    *name = NULL;
    *schema = NULL;
    if (!cc || !cc->n_collname)
        return;
    const char *n = prs_str(cc->collname[cc->n_collname - 1]);
    const char *s = cc->n_collname > 1 ? prs_str(cc->collname[cc->n_collname - 2]) : NULL;
    if (!n || (!s && strcmp(n, "default") == 0))
        return;
    *name = ag_arena_strdup(ctx->arena, n);
    *schema = ag_arena_strdup(ctx->arena, s ? s : prs_collation_schema(ctx, n));
}

const char *
prs_collation_schema(PrsContext *ctx, const char *name)
{
    for (uint32_t i = 0; i < ctx->nsearch_path; i++)
        if (prs_names_find(&ctx->st->collations, ctx->search_path[i], name))
            return ctx->search_path[i];
    return "pg_catalog";
}

/*
 * catalog/dump.c: a deterministic, line-oriented text dump of a whole catalog, so tests
 * can compare two catalogs with one string comparison (and print a readable diff), and
 * so a person can see what a producer built.
 * Owns: the dump format. One line per object, column, constraint, index key and
 * identity sequence; fields written name=value; identifiers spelt as quote_ident does,
 * other text as a quoted literal with control characters escaped, NULL as "-".
 * Order: objects by (kind, schema, name), constraints by name, whatever order the
 * producers left; columns, keys and enum labels keep their meaningful order.
 * Must not: change the catalog (it sorts copies), or print anything but the catalog.
 * When a field is added to catalog.h, add it here too: the dump is only a complete
 * comparison while it names every field.
 */
#include <stdlib.h>
#include <string.h>

#include "catalog/catalog.h"

typedef struct Dump {
    AgBuf *out;
    AgArena scratch; /* quoted identifiers; freed at the end of the dump */
    bool debug;      /* also print loc, ids, CatExpr.sql and extension versions */
} Dump;

/* ---- values --------------------------------------------------------------------- */

static void
put_ident(Dump *d, const char *s)
{
    ag_buf_puts(d->out, s ? cat_quote_ident(&d->scratch, s) : "-");
}

/* 'text' with quotes doubled and control characters (and backslash) escaped, so that
 * every item stays on one line. */
static void
put_text(Dump *d, const char *s)
{
    if (!s) {
        ag_buf_putc(d->out, '-');
        return;
    }
    ag_buf_putc(d->out, '\'');
    for (const unsigned char *p = (const unsigned char *) s; *p; p++) {
        if (*p == '\'')
            ag_buf_puts(d->out, "''");
        else if (*p == '\\')
            ag_buf_puts(d->out, "\\\\");
        else if (*p == '\n')
            ag_buf_puts(d->out, "\\n");
        else if (*p == '\t')
            ag_buf_puts(d->out, "\\t");
        else if (*p < 0x20 || *p == 0x7f)
            ag_buf_printf(d->out, "\\x%02x", *p);
        else
            ag_buf_putc(d->out, (char) *p);
    }
    ag_buf_putc(d->out, '\'');
}

static void
field_ident(Dump *d, const char *name, const char *value)
{
    ag_buf_printf(d->out, " %s=", name);
    put_ident(d, value);
}

static void
field_text(Dump *d, const char *name, const char *value)
{
    ag_buf_printf(d->out, " %s=", name);
    put_text(d, value);
}

static void
field_bool(Dump *d, const char *name, bool value)
{
    ag_buf_printf(d->out, " %s=%s", name, value ? "true" : "false");
}

static void
field_char(Dump *d, const char *name, char value)
{
    if (value >= 0x21 && value < 0x7f)
        ag_buf_printf(d->out, " %s=%c", name, value);
    else
        ag_buf_printf(d->out, " %s=\\x%02x", name, (unsigned char) value);
}

/* schema.name of something that may live in another schema (collation, opclass). */
static void
field_qualified(Dump *d, const char *name, const char *schema, const char *value)
{
    ag_buf_printf(d->out, " %s=", name);
    if (!value) {
        ag_buf_putc(d->out, '-');
        return;
    }
    if (schema) {
        put_ident(d, schema);
        ag_buf_putc(d->out, '.');
    }
    put_ident(d, value);
}

/* (a, "B", c) */
static void
field_idents(Dump *d, const char *name, const char *const *items, uint32_t n)
{
    ag_buf_printf(d->out, " %s=(", name);
    for (uint32_t i = 0; i < n; i++) {
        if (i)
            ag_buf_puts(d->out, ", ");
        put_ident(d, items[i]);
    }
    ag_buf_putc(d->out, ')');
}

static void
field_texts(Dump *d, const char *name, const char *const *items, uint32_t n)
{
    ag_buf_printf(d->out, " %s=(", name);
    for (uint32_t i = 0; i < n; i++) {
        if (i)
            ag_buf_puts(d->out, ", ");
        put_text(d, items[i]);
    }
    ag_buf_putc(d->out, ')');
}

/* An expression compares by its canon; sql is the text it came from (debug only). */
static void
field_expr(Dump *d, const char *name, const CatExpr *e)
{
    ag_buf_printf(d->out, " %s=", name);
    if (!e) {
        ag_buf_putc(d->out, '-');
        return;
    }
    put_text(d, e->canon);
    if (d->debug) {
        ag_buf_printf(d->out, " %s.sql=", name);
        put_text(d, e->sql);
    }
}

static void
field_loc(Dump *d, AgLoc loc)
{
    if (!d->debug)
        return;
    ag_buf_puts(d->out, " loc=");
    if (!loc.file && !loc.line) {
        ag_buf_putc(d->out, '-');
        return;
    }
    put_text(d, loc.file);
    ag_buf_printf(d->out, ":%u:%u", loc.line, loc.col);
}

static void
indent(Dump *d, int level)
{
    for (int i = 0; i < level; i++)
        ag_buf_puts(d->out, "  ");
}

/* ---- parts ---------------------------------------------------------------------- */

static void
put_seq_options(Dump *d, const CatSeqOptions *o)
{
    field_text(d, "type", o->type);
    ag_buf_printf(d->out, " start=%lld increment=%lld min=%lld max=%lld cache=%lld",
                  (long long) o->start, (long long) o->increment, (long long) o->min,
                  (long long) o->max, (long long) o->cache);
    field_bool(d, "cycle", o->cycle);
}

static void
put_elem(Dump *d, int level, uint32_t i, const CatIndexElem *e, bool exclude)
{
    indent(d, level);
    ag_buf_printf(d->out, "elem %u", i + 1);
    field_ident(d, "column", e->column);
    field_expr(d, "expr", e->expr);
    field_qualified(d, "collation", e->collation_schema, e->collation);
    field_qualified(d, "opclass", e->opclass_schema, e->opclass);
    field_bool(d, "desc", e->desc);
    field_bool(d, "nulls_first", e->nulls_first);
    if (exclude || d->debug)
        field_text(d, "exclude_op", e->exclude_op);
    ag_buf_putc(d->out, '\n');
}

static const char *
identity_word(CatIdentity id)
{
    switch (id) {
    case CAT_IDENTITY_NONE:
        return "none";
    case CAT_IDENTITY_ALWAYS:
        return "always";
    case CAT_IDENTITY_BY_DEFAULT:
        return "by_default";
    }
    return "?";
}

static void
put_column(Dump *d, uint32_t attnum, const CatColumn *c)
{
    ag_buf_printf(d->out, "  column %u ", attnum);
    put_ident(d, c->name);
    field_text(d, "type", c->type);
    field_qualified(d, "collation", c->collation_schema, c->collation);
    field_bool(d, "not_null", c->not_null);
    field_expr(d, "default", c->default_expr);
    ag_buf_printf(d->out, " identity=%s", identity_word(c->identity));
    field_expr(d, "generated", c->generated);
    field_text(d, "comment", c->comment);
    field_loc(d, c->loc);
    ag_buf_putc(d->out, '\n');
    if (c->identity != CAT_IDENTITY_NONE || d->debug) {
        ag_buf_puts(d->out, "    identity_seq");
        put_seq_options(d, &c->identity_seq);
        ag_buf_putc(d->out, '\n');
    }
}

static const char *
con_type_word(CatConType t)
{
    switch (t) {
    case CAT_CON_PRIMARY:
        return "primary_key";
    case CAT_CON_UNIQUE:
        return "unique";
    case CAT_CON_CHECK:
        return "check";
    case CAT_CON_FOREIGN:
        return "foreign_key";
    case CAT_CON_EXCLUDE:
        return "exclude";
    }
    return "?";
}

/* Fields that mean nothing for a constraint's type are printed only in debug mode,
 * so that two producers leaving them differently (0 or ' ') do not differ. */
static void
put_constraint(Dump *d, const CatConstraint *c)
{
    bool dbg = d->debug;
    bool p = c->type == CAT_CON_PRIMARY, u = c->type == CAT_CON_UNIQUE;
    bool ck = c->type == CAT_CON_CHECK, f = c->type == CAT_CON_FOREIGN;
    bool x = c->type == CAT_CON_EXCLUDE;
    ag_buf_puts(d->out, "  constraint ");
    put_ident(d, c->name);
    ag_buf_printf(d->out, " type=%s", con_type_word(c->type));
    if (p || u || f || dbg)
        field_idents(d, "columns", c->columns, c->ncolumns);
    if (p || u || x || dbg)
        field_idents(d, "include", c->include, c->ninclude);
    if (u || dbg)
        field_bool(d, "nulls_not_distinct", c->nulls_not_distinct);
    field_bool(d, "deferrable", c->deferrable);
    field_bool(d, "initially_deferred", c->initially_deferred);
    if (ck || dbg)
        field_bool(d, "no_inherit", c->no_inherit);
    if (ck || f || dbg)
        field_bool(d, "not_valid", c->not_valid);
    if (ck || dbg)
        field_expr(d, "check", c->check);
    if (f || dbg) {
        field_qualified(d, "references", c->ref_schema, c->ref_table);
        field_idents(d, "ref_columns", c->ref_columns, c->nref_columns);
        field_char(d, "match", c->match);
        field_char(d, "on_update", c->on_update);
        field_char(d, "on_delete", c->on_delete);
    }
    if (x || dbg) {
        field_text(d, "exclude_method", c->exclude_method);
        field_expr(d, "exclude_where", c->exclude_where);
    }
    field_text(d, "comment", c->comment);
    field_loc(d, c->loc);
    ag_buf_putc(d->out, '\n');
    if (x || dbg)
        for (uint32_t i = 0; i < c->nelems; i++)
            put_elem(d, 2, i, &c->elems[i], true);
}

static int
cmp_constraint_ptr(const void *pa, const void *pb)
{
    const CatConstraint *a = *(const CatConstraint *const *) pa;
    const CatConstraint *b = *(const CatConstraint *const *) pb;
    return strcmp(a->name ? a->name : "", b->name ? b->name : "");
}

/* One row-level security policy of a table (policies are sorted by cat_finish). */
static void
put_policy(Dump *d, const CatPolicy *p)
{
    ag_buf_puts(d->out, "  policy ");
    put_ident(d, p->name);
    field_bool(d, "permissive", p->permissive);
    field_char(d, "cmd", p->cmd);
    field_idents(d, "roles", p->roles, p->nroles);
    field_expr(d, "using", p->using_expr);
    field_expr(d, "with_check", p->check_expr);
    field_text(d, "comment", p->comment);
    field_loc(d, p->loc);
    ag_buf_putc(d->out, '\n');
}

/* One trigger of a table (sorted by cat_finish): its statement's canon and its state;
 * the model's search_path only when debugging. */
static void
put_trigger(Dump *d, const CatTrigger *t)
{
    ag_buf_puts(d->out, "  trigger ");
    put_ident(d, t->name);
    field_expr(d, "def", t->def);
    field_char(d, "enabled", t->enabled);
    field_text(d, "comment", t->comment);
    if (d->debug)
        field_text(d, "search_path", t->search_path);
    field_loc(d, t->loc);
    ag_buf_putc(d->out, '\n');
}

static void
put_table(Dump *d, const CatTable *t)
{
    field_bool(d, "unlogged", t->unlogged);
    /* Shown only when set, so dumps of tables without them read as before. */
    if (t->rls_enabled || t->rls_forced) {
        field_bool(d, "rls_enabled", t->rls_enabled);
        field_bool(d, "rls_forced", t->rls_forced);
    }
    if (t->partition_key)
        field_expr(d, "partition_key", t->partition_key);
    if (t->partition_of || t->partition_bound) {
        field_qualified(d, "partition_of", t->partition_of_schema, t->partition_of);
        field_expr(d, "partition_bound", t->partition_bound);
    }
    ag_buf_putc(d->out, '\n');
    for (uint32_t i = 0; i < t->npolicies; i++)
        put_policy(d, &t->policies[i]);
    for (uint32_t i = 0; i < t->ntriggers; i++)
        put_trigger(d, &t->triggers[i]);
    for (uint32_t i = 0; i < t->ncolumns; i++)
        put_column(d, i + 1, &t->columns[i]);
    if (t->nconstraints == 0)
        return;
    const CatConstraint **cons = ag_xmalloc(sizeof(*cons) * t->nconstraints);
    for (uint32_t i = 0; i < t->nconstraints; i++)
        cons[i] = &t->constraints[i];
    ag_qsort(cons, t->nconstraints, sizeof(*cons), cmp_constraint_ptr);
    for (uint32_t i = 0; i < t->nconstraints; i++)
        put_constraint(d, cons[i]);
    free(cons);
}

static int
cmp_cstr(const void *pa, const void *pb)
{
    return strcmp(*(const char *const *) pa, *(const char *const *) pb);
}

static void
put_index(Dump *d, const CatIndex *ix)
{
    field_ident(d, "table", ix->table);
    field_bool(d, "unique", ix->is_unique);
    field_bool(d, "nulls_not_distinct", ix->nulls_not_distinct);
    field_text(d, "method", ix->method);
    field_idents(d, "include", ix->include, ix->ninclude);
    field_expr(d, "where", ix->where);
    /* Options are a set: sorted here too, in case cat_finish has not run. */
    const char **opts = ag_xmalloc(sizeof(*opts) * (ix->noptions + 1));
    for (uint32_t i = 0; i < ix->noptions; i++)
        opts[i] = ix->options[i] ? ix->options[i] : "";
    if (ix->noptions > 1)
        ag_qsort(opts, ix->noptions, sizeof(*opts), cmp_cstr);
    field_texts(d, "options", opts, ix->noptions);
    free(opts);
    ag_buf_putc(d->out, '\n');
    for (uint32_t i = 0; i < ix->nelems; i++)
        put_elem(d, 1, i, &ix->elems[i], false);
}

/* A domain: its base type and settings, then its CHECK constraints by name. */
static void
put_domain(Dump *d, const CatDomain *dom)
{
    field_text(d, "type", dom->type);
    field_qualified(d, "collation", dom->collation_schema, dom->collation);
    field_bool(d, "not_null", dom->not_null);
    field_expr(d, "default", dom->default_expr);
    ag_buf_putc(d->out, '\n');
    if (dom->nconstraints == 0)
        return;
    const CatConstraint **cons = ag_xmalloc(sizeof(*cons) * dom->nconstraints);
    for (uint32_t i = 0; i < dom->nconstraints; i++)
        cons[i] = &dom->constraints[i];
    ag_qsort(cons, dom->nconstraints, sizeof(*cons), cmp_constraint_ptr);
    for (uint32_t i = 0; i < dom->nconstraints; i++)
        put_constraint(d, cons[i]);
    free(cons);
}

/* A function: every compared field; the definition (text to emit) and the model's
 * search_path only when debugging. */
static void
put_function(Dump *d, const CatFunction *f)
{
    field_ident(d, "fname", f->fname);
    field_bool(d, "procedure", f->is_procedure);
    field_text(d, "identity", f->identity_args);
    field_text(d, "arguments", f->arguments);
    field_text(d, "result", f->result);
    field_text(d, "language", f->language);
    field_char(d, "volatility", f->volatility);
    field_bool(d, "strict", f->strict);
    field_bool(d, "security_definer", f->security_definer);
    field_bool(d, "leakproof", f->leakproof);
    field_char(d, "parallel", f->parallel);
    ag_buf_printf(d->out, " cost=%g rows=%g", f->cost, f->rows);
    field_texts(d, "config", f->config, f->nconfig);
    field_text(d, "body", f->body);
    field_text(d, "aggregate", f->aggregate);
    if (d->debug) {
        field_text(d, "definition", f->definition);
        field_text(d, "search_path", f->search_path);
    }
    ag_buf_putc(d->out, '\n');
}

/* A view: kind, query canon, options, columns (when known) and column comments; deps,
 * column types, WITH NO DATA and the model's search_path only when debugging (they order
 * and emit, never decide a change). */
static void
put_view(Dump *d, const CatView *v)
{
    field_bool(d, "materialized", v->materialized);
    field_texts(d, "options", v->options, v->noptions);
    if (v->columns)
        field_idents(d, "columns", v->columns, v->ncolumns);
    else
        ag_buf_puts(d->out, " columns=-");
    for (uint32_t i = 0; i < v->ncolumn_comments; i++) {
        ag_buf_puts(d->out, " column_comment.");
        put_ident(d, v->comment_columns[i]);
        ag_buf_putc(d->out, '=');
        put_text(d, v->column_comments[i]);
    }
    if (d->debug) {
        field_texts(d, "deps", v->deps, v->ndeps);
        if (v->column_types)
            field_texts(d, "column_types", v->column_types, v->ncolumns);
        field_bool(d, "with_no_data", v->with_no_data);
        field_text(d, "search_path", v->search_path);
        field_text(d, "sql", v->query ? v->query->sql : NULL);
    }
    field_expr(d, "query", v->query);
    ag_buf_putc(d->out, '\n');
}

static const char *const kind_word[] = {
    [CAT_SCHEMA] = "schema",     [CAT_EXTENSION] = "extension", [CAT_ENUM] = "enum",
    [CAT_SEQUENCE] = "sequence", [CAT_TABLE] = "table",         [CAT_INDEX] = "index",
    [CAT_DOMAIN] = "domain",     [CAT_COMPOSITE] = "composite", [CAT_FUNCTION] = "function",
    [CAT_VIEW] = "view",
};
_Static_assert(ARRAY_LEN(kind_word) == CAT_KIND_COUNT, "kind_word must name every CatKind");

static void
put_object(Dump *d, const CatObject *o)
{
    ag_buf_puts(d->out, kind_word[o->kind]);
    ag_buf_putc(d->out, ' ');
    if (o->kind != CAT_SCHEMA && o->kind != CAT_EXTENSION) {
        put_ident(d, o->schema);
        ag_buf_putc(d->out, '.');
    }
    put_ident(d, o->name);
    if (o->kind == CAT_EXTENSION)
        field_ident(d, "schema", o->schema);
    else if (o->kind == CAT_SCHEMA && o->schema)
        field_ident(d, "schema", o->schema); /* never set; shown if a producer does */
    field_text(d, "comment", o->comment);
    for (uint32_t i = 0; i < o->ngrants; i++)
        field_text(d, "grant", o->grants[i]);
    if (d->debug)
        ag_buf_printf(d->out, " id=%u", o->id);
    field_loc(d, o->loc);
    switch (o->kind) {
    case CAT_SCHEMA:
        ag_buf_putc(d->out, '\n');
        return;
    case CAT_EXTENSION:
        if (d->debug)
            field_text(d, "version", ((const CatExtension *) o)->version);
        ag_buf_putc(d->out, '\n');
        return;
    case CAT_ENUM: {
        const CatEnum *e = (const CatEnum *) o;
        field_texts(d, "labels", e->labels, e->nlabels);
        ag_buf_putc(d->out, '\n');
        return;
    }
    case CAT_SEQUENCE: {
        const CatSequence *s = (const CatSequence *) o;
        put_seq_options(d, &s->opts);
        ag_buf_puts(d->out, " owned_by=");
        if (s->owned_table || s->owned_column || s->owned_schema) {
            put_ident(d, s->owned_schema);
            ag_buf_putc(d->out, '.');
            put_ident(d, s->owned_table);
            ag_buf_putc(d->out, '.');
            put_ident(d, s->owned_column);
        } else {
            ag_buf_putc(d->out, '-');
        }
        ag_buf_putc(d->out, '\n');
        return;
    }
    case CAT_TABLE:
        put_table(d, (const CatTable *) o);
        return;
    case CAT_INDEX:
        put_index(d, (const CatIndex *) o);
        return;
    case CAT_DOMAIN:
        put_domain(d, (const CatDomain *) o);
        return;
    case CAT_COMPOSITE: {
        const CatComposite *ct = (const CatComposite *) o;
        ag_buf_putc(d->out, '\n');
        for (uint32_t i = 0; i < ct->nattrs; i++)
            put_column(d, i + 1, &ct->attrs[i]);
        return;
    }
    case CAT_FUNCTION:
        put_function(d, (const CatFunction *) o);
        return;
    case CAT_VIEW:
        put_view(d, (const CatView *) o);
        return;
    case CAT_KIND_COUNT:
        break;
    }
    AG_UNREACHABLE();
}

static int
cmp_object(const void *pa, const void *pb)
{
    const CatObject *a = *(const CatObject *const *) pa;
    const CatObject *b = *(const CatObject *const *) pb;
    if (a->kind != b->kind)
        return (int) a->kind - (int) b->kind;
    int c = strcmp(a->schema ? a->schema : "", b->schema ? b->schema : "");
    if (c)
        return c;
    return strcmp(a->name ? a->name : "", b->name ? b->name : "");
}

static void
dump(const Catalog *cat, AgBuf *out, bool debug)
{
    Dump d = {.out = out, .debug = debug};
    ag_arena_init(&d.scratch);
    const CatObject **objs = ag_xmalloc(sizeof(*objs) * (cat->nobjects + 1));
    for (uint32_t i = 0; i < cat->nobjects; i++)
        objs[i] = cat->objects[i];
    ag_qsort(objs, cat->nobjects, sizeof(*objs), cmp_object);
    for (uint32_t i = 0; i < cat->nobjects; i++)
        put_object(&d, objs[i]);
    free(objs);
    ag_arena_free(&d.scratch);
}

void
cat_dump(const Catalog *cat, AgBuf *out)
{
    dump(cat, out, false);
}

void
cat_dump_debug(const Catalog *cat, AgBuf *out)
{
    dump(cat, out, true);
}

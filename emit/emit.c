/*
 * emit/emit.c: the SQL of each changeset step, and the script (emit_sql). Every name is
 * quoted through catalog's cat_quote_ident / cat_qualified, every literal through
 * cat_quote_literal; expressions are printed from CatExpr.sql, types as stored.
 * Statements printed from the model's own text run under the model's search_path
 * (emit_step_search_path): SET before them, RESET after.
 * Not here: summaries and JSON (report.c), choosing or ordering steps (diff/).
 */
#include <inttypes.h>
#include <string.h>

#include "emit/emit.h"

static const char *
qi(AgArena *a, const char *ident)
{
    return cat_quote_ident(a, ident);
}

static const char *
qn(AgArena *a, const char *schema, const char *name)
{
    return schema ? cat_qualified(a, schema, name) : cat_quote_ident(a, name);
}

static const char *
table_of(AgArena *a, const DiffStep *st)
{
    return qn(a, st->schema, st->name);
}

static const char *
col_of(const DiffStep *st)
{
    return st->column ? st->column->name : st->old_column->name;
}

static void
ident_list(AgBuf *out, AgArena *a, const char *const *names, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        if (i)
            ag_buf_puts(out, ", ");
        ag_buf_puts(out, qi(a, names[i]));
    }
}

static void
collate(AgBuf *out, AgArena *a, const char *schema, const char *name)
{
    if (name)
        ag_buf_printf(out, " COLLATE %s", qn(a, schema, name));
}

/* ---- sequences and identity ---------------------------------------------------- */

/* The options that differ from PostgreSQL's defaults (or, with old set, from old),
 * each preceded by a space and by prefix ("SET " inside ALTER COLUMN). */
static void
seq_options(AgBuf *out, const CatSeqOptions *o, const CatSeqOptions *old, bool with_type,
            const char *prefix)
{
    CatSeqOptions d;
    diff_seq_defaults(o->type, o->increment, &d);
    const char *type = o->type ? o->type : "bigint";
    if (with_type &&
        (old ? !ag_streq(type, old->type ? old->type : "bigint") : strcmp(type, "bigint") != 0))
        ag_buf_printf(out, " %sAS %s", prefix, type);
    if (old ? o->increment != old->increment : o->increment != 1)
        ag_buf_printf(out, " %sINCREMENT BY %" PRId64, prefix, o->increment);
    if (old ? o->min != old->min : o->min != d.min)
        ag_buf_printf(out, " %sMINVALUE %" PRId64, prefix, o->min);
    if (old ? o->max != old->max : o->max != d.max)
        ag_buf_printf(out, " %sMAXVALUE %" PRId64, prefix, o->max);
    int64_t start_default = o->increment > 0 ? o->min : o->max;
    if (old ? o->start != old->start : o->start != start_default)
        ag_buf_printf(out, " %sSTART WITH %" PRId64, prefix, o->start);
    if (old ? o->cache != old->cache : o->cache != d.cache)
        ag_buf_printf(out, " %sCACHE %" PRId64, prefix, o->cache);
    if (old ? o->cycle != old->cycle : o->cycle)
        ag_buf_printf(out, " %s%s", prefix, o->cycle ? "CYCLE" : "NO CYCLE");
    /* A sequence turned round counts from its new start: its current value lies outside
     * the new bounds, which PostgreSQL refuses. (RESTART takes no SET in ALTER COLUMN.) */
    if (old && (o->increment > 0) != (old->increment > 0))
        ag_buf_puts(out, " RESTART");
}

static const char *
identity_kind(CatIdentity id)
{
    switch (id) {
    case CAT_IDENTITY_ALWAYS:
        return "ALWAYS";
    case CAT_IDENTITY_BY_DEFAULT:
        return "BY DEFAULT";
    case CAT_IDENTITY_NONE:
        break;
    }
    return "";
}

/* " GENERATED ... AS IDENTITY" with the options that are not the defaults. */
static void
identity_clause(AgBuf *out, const CatColumn *col)
{
    ag_buf_printf(out, " GENERATED %s AS IDENTITY", identity_kind(col->identity));
    AgBuf o;
    ag_buf_init(&o);
    CatSeqOptions opts = col->identity_seq;
    if (!opts.type)
        opts.type = col->type; /* an identity sequence has its column's type */
    seq_options(&o, &opts, NULL, false, "");
    if (o.len)
        ag_buf_printf(out, " (%s)", ag_buf_cstr(&o) + 1);
    ag_buf_free(&o);
}

/* ---- columns, constraints, indexes -------------------------------------------------- */

static void
column_def(AgBuf *out, AgArena *a, const CatColumn *col, bool nullable)
{
    ag_buf_printf(out, "%s %s", qi(a, col->name), col->type);
    collate(out, a, col->collation_schema, col->collation);
    if (col->generated)
        ag_buf_printf(out, " GENERATED ALWAYS AS (%s) STORED", col->generated->sql);
    if (col->identity != CAT_IDENTITY_NONE)
        identity_clause(out, col);
    if (col->default_expr)
        ag_buf_printf(out, " DEFAULT %s", col->default_expr->sql);
    if (col->not_null && !nullable)
        ag_buf_puts(out, " NOT NULL");
}

static void
index_elems(AgBuf *out, AgArena *a, const CatIndexElem *e, uint32_t n, bool exclude)
{
    for (uint32_t i = 0; i < n; i++) {
        if (i)
            ag_buf_puts(out, ", ");
        if (e[i].column)
            ag_buf_puts(out, qi(a, e[i].column));
        else
            ag_buf_printf(out, "(%s)", e[i].expr ? e[i].expr->sql : "");
        collate(out, a, e[i].collation_schema, e[i].collation);
        if (e[i].opclass)
            ag_buf_printf(out, " %s", qn(a, e[i].opclass_schema, e[i].opclass));
        if (e[i].desc)
            ag_buf_puts(out, " DESC");
        if (e[i].nulls_first && !e[i].desc)
            ag_buf_puts(out, " NULLS FIRST");
        if (!e[i].nulls_first && e[i].desc)
            ag_buf_puts(out, " NULLS LAST");
        if (exclude && e[i].exclude_op)
            ag_buf_printf(out, " WITH %s", e[i].exclude_op);
    }
}

static const char *
fk_action(char c)
{
    switch (c) {
    case 'r':
        return "RESTRICT";
    case 'c':
        return "CASCADE";
    case 'n':
        return "SET NULL";
    case 'd':
        return "SET DEFAULT";
    default: /* 'a' NO ACTION, the default: a plain char, not one of our enums */
        return NULL;
    }
}

/* The constraint's definition after "CONSTRAINT name ". nn_column: the temporary
 * CHECK (col IS NOT NULL) of the online SET NOT NULL. */
static void
constraint_def(AgBuf *out, AgArena *a, const CatConstraint *k, const char *nn_column)
{
    switch (k->type) {
    case CAT_CON_PRIMARY:
        ag_buf_puts(out, "PRIMARY KEY (");
        ident_list(out, a, k->columns, k->ncolumns);
        ag_buf_putc(out, ')');
        break;
    case CAT_CON_UNIQUE:
        ag_buf_puts(out, k->nulls_not_distinct ? "UNIQUE NULLS NOT DISTINCT (" : "UNIQUE (");
        ident_list(out, a, k->columns, k->ncolumns);
        ag_buf_putc(out, ')');
        break;
    case CAT_CON_CHECK:
        if (k->check)
            ag_buf_printf(out, "CHECK (%s)", k->check->sql);
        else
            ag_buf_printf(out, "CHECK (%s IS NOT NULL)", qi(a, nn_column ? nn_column : ""));
        if (k->no_inherit)
            ag_buf_puts(out, " NO INHERIT");
        break;
    case CAT_CON_FOREIGN: {
        ag_buf_puts(out, "FOREIGN KEY (");
        ident_list(out, a, k->columns, k->ncolumns);
        ag_buf_printf(out, ") REFERENCES %s", qn(a, k->ref_schema, k->ref_table));
        if (k->nref_columns) {
            ag_buf_puts(out, " (");
            ident_list(out, a, k->ref_columns, k->nref_columns);
            ag_buf_putc(out, ')');
        }
        if (k->match == 'f')
            ag_buf_puts(out, " MATCH FULL");
        else if (k->match == 'p')
            ag_buf_puts(out, " MATCH PARTIAL");
        const char *u = fk_action(k->on_update), *d = fk_action(k->on_delete);
        if (u)
            ag_buf_printf(out, " ON UPDATE %s", u);
        if (d)
            ag_buf_printf(out, " ON DELETE %s", d);
        break;
    }
    case CAT_CON_EXCLUDE:
        ag_buf_printf(out, "EXCLUDE USING %s (", k->exclude_method ? k->exclude_method : "gist");
        index_elems(out, a, k->elems, k->nelems, true);
        ag_buf_putc(out, ')');
        break;
    }
    if (k->ninclude) {
        ag_buf_puts(out, " INCLUDE (");
        ident_list(out, a, k->include, k->ninclude);
        ag_buf_putc(out, ')');
    }
    if (k->type == CAT_CON_EXCLUDE && k->exclude_where)
        ag_buf_printf(out, " WHERE (%s)", k->exclude_where->sql);
    if (k->deferrable)
        ag_buf_puts(out, k->initially_deferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE");
}

static void
create_table(AgBuf *out, AgArena *a, const DiffStep *st)
{
    const CatTable *t = (const CatTable *) st->obj;
    if (t->as_query && !t->ncolumns) { /* CREATE TABLE ... AS, columns unknown (no database) */
        ag_buf_printf(out, "-- columns unknown without a database: created from its query\n"
                           "CREATE %sTABLE %s %s\nWITH NO DATA;\n",
                      t->unlogged ? "UNLOGGED " : "", qn(a, t->obj.schema, t->obj.name),
                      t->as_query);
        return;
    }
    ag_buf_printf(out, "CREATE %sTABLE %s", t->unlogged ? "UNLOGGED " : "",
                  qn(a, t->obj.schema, t->obj.name));
    if (t->partition_of)
        emit_partition_of(out, a, t); /* columns come from the parent */
    /* PARTITION OF parent takes a list only for constraints of its own */
    bool list = !t->partition_of || st->ncons;
    if (list)
        ag_buf_puts(out, " (");
    uint32_t n = 0;
    for (uint32_t i = 0; i < t->ncolumns && !t->partition_of; i++, n++) {
        ag_buf_puts(out, n ? ",\n    " : "\n    ");
        column_def(out, a, &t->columns[i], false);
    }
    for (uint32_t i = 0; i < st->ncons; i++, n++) {
        ag_buf_printf(out, "%sCONSTRAINT %s ", n ? ",\n    " : "\n    ", qi(a, st->cons[i]->name));
        constraint_def(out, a, st->cons[i], NULL);
    }
    if (list)
        ag_buf_puts(out, n ? "\n)" : ")");
    emit_partition_tail(out, t);
    ag_buf_puts(out, ";\n");
}

static void
create_index(AgBuf *out, AgArena *a, const DiffStep *st)
{
    const CatIndex *ix = (const CatIndex *) st->obj;
    ag_buf_printf(out, "CREATE %sINDEX %s%s ON %s", ix->is_unique ? "UNIQUE " : "",
                  st->concurrently ? "CONCURRENTLY " : "", qi(a, ix->obj.name),
                  qn(a, ix->obj.schema, ix->table));
    if (ix->method && strcmp(ix->method, "btree") != 0)
        ag_buf_printf(out, " USING %s", ix->method);
    ag_buf_puts(out, " (");
    index_elems(out, a, ix->elems, ix->nelems, false);
    ag_buf_putc(out, ')');
    if (ix->ninclude) {
        ag_buf_puts(out, " INCLUDE (");
        ident_list(out, a, ix->include, ix->ninclude);
        ag_buf_putc(out, ')');
    }
    if (ix->nulls_not_distinct)
        ag_buf_puts(out, " NULLS NOT DISTINCT");
    if (ix->noptions) {
        ag_buf_puts(out, " WITH (");
        for (uint32_t i = 0; i < ix->noptions; i++)
            ag_buf_printf(out, "%s%s", i ? ", " : "", ix->options[i]);
        ag_buf_putc(out, ')');
    }
    if (ix->where)
        ag_buf_printf(out, " WHERE %s", ix->where->sql);
    ag_buf_puts(out, ";\n");
}

/* The object of COMMENT ON: "TABLE public.jobs", "COLUMN public.jobs.id", ... */
static void
comment_target(AgBuf *out, AgArena *a, const DiffStep *st)
{
    switch (st->target) {
    case DIFF_OBJ_SCHEMA:
        ag_buf_printf(out, "SCHEMA %s", qi(a, st->obj->name));
        break;
    case DIFF_OBJ_EXTENSION:
        ag_buf_printf(out, "EXTENSION %s", qi(a, st->obj->name));
        break;
    case DIFF_OBJ_TYPE:
        ag_buf_printf(out, "TYPE %s", qn(a, st->obj->schema, st->obj->name));
        break;
    case DIFF_OBJ_SEQUENCE:
        ag_buf_printf(out, "SEQUENCE %s", qn(a, st->obj->schema, st->obj->name));
        break;
    case DIFF_OBJ_TABLE:
        ag_buf_printf(out, "TABLE %s", qn(a, st->obj->schema, st->obj->name));
        break;
    case DIFF_OBJ_POLICY:
        ag_buf_printf(out, "POLICY %s ON %s", qi(a, st->policy->name),
                      qn(a, st->table->obj.schema, st->table->obj.name));
        break;
    case DIFF_OBJ_INDEX:
        ag_buf_printf(out, "INDEX %s", qn(a, st->obj->schema, st->obj->name));
        break;
    case DIFF_OBJ_COLUMN:
        ag_buf_printf(out, "COLUMN %s.%s", table_of(a, st), qi(a, col_of(st)));
        break;
    case DIFF_OBJ_CONSTRAINT:
        ag_buf_printf(out, "CONSTRAINT %s ON %s", qi(a, st->con->name), table_of(a, st));
        break;
    case DIFF_OBJ_FUNCTION:
    case DIFF_OBJ_TRIGGER:
        emit_function_comment_target(out, a, st);
        break;
    case DIFF_OBJ_VIEW:
        emit_view_comment_target(out, a, st);
        break;
    case DIFF_OBJ_COUNT:
        AG_UNREACHABLE();
    }
}

static void
using_clause(AgBuf *out, AgArena *a, const DiffStep *st)
{
    const char *col = qi(a, st->column->name);
    const char *type = st->column->type;
    switch (st->using) {
    case DIFF_USING_NONE:
        break;
    case DIFF_USING_CAST:
        ag_buf_printf(out, " USING %s::%s", col, type);
        break;
    case DIFF_USING_TEXT_CAST: {
        size_t len = strlen(type);
        bool arr = len > 2 && strcmp(type + len - 2, "[]") == 0;
        ag_buf_printf(out, " USING %s::%s::%s", col, arr ? "text[]" : "text", type);
        break;
    }
    }
}

void
emit_step_sql(AgBuf *out, AgArena *a, const DiffStep *st)
{
    switch (st->kind) {
    case DIFF_CREATE_SCHEMA:
        ag_buf_printf(out, "CREATE SCHEMA %s;\n", qi(a, st->obj->name));
        break;
    case DIFF_DROP_SCHEMA:
        ag_buf_printf(out, "DROP SCHEMA %s;\n", qi(a, st->obj->name));
        break;
    case DIFF_CREATE_EXTENSION: {
        const char *ver = ((const CatExtension *) st->obj)->version;
        ag_buf_printf(out, "CREATE EXTENSION %s", qi(a, st->obj->name));
        if (st->obj->schema)
            ag_buf_printf(out, " WITH SCHEMA %s", qi(a, st->obj->schema));
        if (ver)
            ag_buf_printf(out, " VERSION %s", cat_quote_literal(a, ver));
        ag_buf_puts(out, ";\n");
        break;
    }
    case DIFF_ALTER_EXTENSION_VERSION:
        ag_buf_printf(out, "ALTER EXTENSION %s UPDATE TO %s;\n", qi(a, st->obj->name),
                      cat_quote_literal(a, ((const CatExtension *) st->obj)->version));
        break;
    case DIFF_DROP_EXTENSION:
        ag_buf_printf(out, "DROP EXTENSION %s;\n", qi(a, st->obj->name));
        break;
    case DIFF_ALTER_EXTENSION_SCHEMA:
        ag_buf_printf(out, "ALTER EXTENSION %s SET SCHEMA %s;\n", qi(a, st->obj->name),
                      qi(a, st->obj->schema));
        break;
    case DIFF_CREATE_ENUM: {
        const CatEnum *e = (const CatEnum *) st->obj;
        ag_buf_printf(out, "CREATE TYPE %s AS ENUM (", qn(a, e->obj.schema, e->obj.name));
        for (uint32_t i = 0; i < e->nlabels; i++)
            ag_buf_printf(out, "%s%s", i ? ", " : "", cat_quote_literal(a, e->labels[i]));
        ag_buf_puts(out, ");\n");
        break;
    }
    case DIFF_DROP_ENUM:
        ag_buf_printf(out, "DROP TYPE %s;\n",
                      qn(a, st->obj->schema, st->temp_name ? st->temp_name : st->obj->name));
        break;
    case DIFF_ENUM_ADD_VALUE:
        ag_buf_printf(out, "ALTER TYPE %s ADD VALUE %s", qn(a, st->obj->schema, st->obj->name),
                      cat_quote_literal(a, st->label));
        if (st->neighbor)
            ag_buf_printf(out, " %s %s", st->before ? "BEFORE" : "AFTER",
                          cat_quote_literal(a, st->neighbor));
        ag_buf_puts(out, ";\n");
        break;
    case DIFF_ENUM_RENAME:
        ag_buf_printf(out, "ALTER TYPE %s RENAME TO %s;\n", qn(a, st->obj->schema, st->obj->name),
                      qi(a, st->temp_name));
        break;
    case DIFF_CREATE_SEQUENCE: {
        const CatSequence *q = (const CatSequence *) st->obj;
        ag_buf_printf(out, "CREATE SEQUENCE %s", qn(a, q->obj.schema, q->obj.name));
        seq_options(out, &q->opts, NULL, true, "");
        ag_buf_puts(out, ";\n");
        break;
    }
    case DIFF_DROP_SEQUENCE:
        ag_buf_printf(out, "DROP SEQUENCE %s;\n", qn(a, st->obj->schema, st->obj->name));
        break;
    case DIFF_ALTER_SEQUENCE: {
        const CatSequence *q = (const CatSequence *) st->obj;
        const CatSequence *o = (const CatSequence *) st->old_obj;
        ag_buf_printf(out, "ALTER SEQUENCE %s", qn(a, q->obj.schema, q->obj.name));
        seq_options(out, &q->opts, &o->opts, true, "");
        ag_buf_puts(out, ";\n");
        break;
    }
    case DIFF_SEQUENCE_OWNED_BY: {
        const CatSequence *q = (const CatSequence *) st->obj;
        ag_buf_printf(out, "ALTER SEQUENCE %s OWNED BY ", qn(a, q->obj.schema, q->obj.name));
        if (st->owner_none)
            ag_buf_puts(out, "NONE");
        else
            ag_buf_printf(out, "%s.%s",
                          qn(a, q->owned_schema ? q->owned_schema : q->obj.schema, q->owned_table),
                          qi(a, q->owned_column));
        ag_buf_puts(out, ";\n");
        break;
    }
    case DIFF_CREATE_TABLE:
        create_table(out, a, st);
        break;
    case DIFF_DROP_TABLE:
        ag_buf_printf(out, "DROP TABLE %s;\n", table_of(a, st));
        break;
    case DIFF_SET_LOGGED:
        ag_buf_printf(out, "ALTER TABLE %s SET %s;\n", table_of(a, st),
                      ((const CatTable *) st->obj)->unlogged ? "UNLOGGED" : "LOGGED");
        break;
    case DIFF_ADD_COLUMN:
        ag_buf_printf(out, "ALTER TABLE %s ADD COLUMN ", table_of(a, st));
        column_def(out, a, st->column, st->add_nullable);
        ag_buf_puts(out, ";\n");
        break;
    case DIFF_DROP_COLUMN:
        ag_buf_printf(out, "ALTER TABLE %s DROP COLUMN %s;\n", table_of(a, st),
                      qi(a, st->old_column->name));
        break;
    case DIFF_ALTER_COLUMN_TYPE:
        ag_buf_printf(out, "ALTER TABLE %s ALTER COLUMN %s TYPE %s", table_of(a, st),
                      qi(a, st->column->name), st->column->type);
        collate(out, a, st->column->collation_schema, st->column->collation);
        using_clause(out, a, st);
        ag_buf_puts(out, ";\n");
        break;
    case DIFF_SET_DEFAULT: {
        ag_buf_printf(out, "ALTER TABLE %s ALTER COLUMN %s SET DEFAULT %s;\n", table_of(a, st),
                      qi(a, st->column->name), st->column->default_expr->sql);
        const CatSequence *q = st->sync_sequence;
        if (q && q->opts.increment > 0)
            ag_buf_printf(out, "SELECT pg_catalog.setval(%s, max(%s)) FROM %s HAVING max(%s) >= %" PRId64
                               ";\n",
                          cat_quote_literal(a, qn(a, q->obj.schema, q->obj.name)),
                          qi(a, st->column->name), table_of(a, st), qi(a, st->column->name),
                          q->opts.min > 0 ? q->opts.min : 1);
        break;
    }
    case DIFF_DROP_DEFAULT:
        ag_buf_printf(out, "ALTER TABLE %s ALTER COLUMN %s DROP DEFAULT;\n", table_of(a, st),
                      qi(a, col_of(st)));
        break;
    case DIFF_DROP_EXPRESSION:
        ag_buf_printf(out, "ALTER TABLE %s ALTER COLUMN %s DROP EXPRESSION;\n", table_of(a, st),
                      qi(a, col_of(st)));
        break;
    case DIFF_SET_NOT_NULL:
        ag_buf_printf(out, "ALTER TABLE %s ALTER COLUMN %s SET NOT NULL;\n", table_of(a, st),
                      qi(a, col_of(st)));
        break;
    case DIFF_DROP_NOT_NULL:
        ag_buf_printf(out, "ALTER TABLE %s ALTER COLUMN %s DROP NOT NULL;\n", table_of(a, st),
                      qi(a, col_of(st)));
        break;
    case DIFF_BACKFILL: {
        const char *c = qi(a, col_of(st));
        ag_buf_printf(out, "UPDATE %s SET %s = NULL WHERE %s IS NULL;\n", table_of(a, st), c, c);
        break;
    }
    case DIFF_ADD_IDENTITY: {
        const char *col = qi(a, st->column->name);
        ag_buf_printf(out, "ALTER TABLE %s ALTER COLUMN %s ADD", table_of(a, st), col);
        identity_clause(out, st->column);
        ag_buf_puts(out, ";\n");
        /* The column has values already (a serial's, say): the new sequence starts after
         * them, or the next insert takes one again. An empty table leaves it as it is. */
        if (st->column->identity_seq.increment >= 0)
            ag_buf_printf(out,
                          "SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence(%s, %s), "
                          "max(%s)) FROM %s HAVING max(%s) >= %" PRId64 ";\n",
                          cat_quote_literal(a, table_of(a, st)),
                          cat_quote_literal(a, st->column->name), col, table_of(a, st), col,
                          st->column->identity_seq.min > 0 ? st->column->identity_seq.min : 1);
        break;
    }
    case DIFF_DROP_IDENTITY:
        ag_buf_printf(out, "ALTER TABLE %s ALTER COLUMN %s DROP IDENTITY;\n", table_of(a, st),
                      qi(a, col_of(st)));
        break;
    case DIFF_ALTER_IDENTITY: {
        ag_buf_printf(out, "ALTER TABLE %s ALTER COLUMN %s", table_of(a, st),
                      qi(a, st->column->name));
        if (st->column->identity != st->old_column->identity)
            ag_buf_printf(out, " SET GENERATED %s", identity_kind(st->column->identity));
        CatSeqOptions o = st->old_column->identity_seq, n = st->column->identity_seq;
        seq_options(out, &n, &o, false, "SET ");
        ag_buf_puts(out, ";\n");
        break;
    }
    case DIFF_ADD_CONSTRAINT:
        ag_buf_printf(out, "ALTER TABLE %s ADD CONSTRAINT %s ", table_of(a, st),
                      qi(a, st->con->name));
        if (st->using_index) {
            ag_buf_printf(out, "%s USING INDEX %s",
                          st->con->type == CAT_CON_PRIMARY ? "PRIMARY KEY" : "UNIQUE",
                          qi(a, st->con->name));
            if (st->con->deferrable)
                ag_buf_puts(out, st->con->initially_deferred ? " DEFERRABLE INITIALLY DEFERRED"
                                                             : " DEFERRABLE");
            ag_buf_puts(out, ";\n");
            break;
        }
        constraint_def(out, a, st->con, st->column ? st->column->name : NULL);
        ag_buf_puts(out, st->not_valid ? " NOT VALID;\n" : ";\n");
        break;
    case DIFF_DROP_CONSTRAINT:
        ag_buf_printf(out, "ALTER TABLE %s DROP CONSTRAINT %s;\n", table_of(a, st),
                      qi(a, st->con->name));
        break;
    case DIFF_VALIDATE_CONSTRAINT:
        ag_buf_printf(out, "ALTER TABLE %s VALIDATE CONSTRAINT %s;\n", table_of(a, st),
                      qi(a, st->con->name));
        break;
    case DIFF_CREATE_INDEX:
        create_index(out, a, st);
        break;
    case DIFF_DROP_INDEX:
        ag_buf_printf(out, "DROP INDEX %s%s;\n", st->concurrently ? "CONCURRENTLY " : "",
                      qn(a, st->obj->schema, st->obj->name));
        break;
    case DIFF_ATTACH_PARTITION:
    case DIFF_DETACH_PARTITION:
    case DIFF_SET_RLS:
    case DIFF_CREATE_POLICY:
    case DIFF_DROP_POLICY:
    case DIFF_ALTER_POLICY:
        emit_partition_sql(out, a, st);
        break;
    case DIFF_COMMENT:
        ag_buf_puts(out, "COMMENT ON ");
        comment_target(out, a, st);
        ag_buf_printf(out, " IS %s;\n", st->comment ? cat_quote_literal(a, st->comment) : "NULL");
        break;
    case DIFF_RENAME:
        emit_rename(out, a, st);
        break;
    case DIFF_CREATE_FUNCTION:
    case DIFF_REPLACE_FUNCTION:
    case DIFF_DROP_FUNCTION:
    case DIFF_CREATE_TRIGGER:
    case DIFF_DROP_TRIGGER:
    case DIFF_TRIGGER_STATE:
        emit_function_sql(out, a, st);
        break;
    case DIFF_CREATE_VIEW:
    case DIFF_REPLACE_VIEW:
    case DIFF_DROP_VIEW:
        emit_view_sql(out, a, st);
        break;
    case DIFF_CREATE_DOMAIN:
    case DIFF_DROP_DOMAIN:
    case DIFF_ALTER_DOMAIN:
    case DIFF_CREATE_COMPOSITE:
    case DIFF_DROP_COMPOSITE:
    case DIFF_ALTER_COMPOSITE:
        emit_type_sql(out, a, st);
        break;
    case DIFF_GRANT:
        emit_grant_sql(out, a, st);
        break;
    case DIFF_STEP_KIND_COUNT:
        AG_UNREACHABLE();
    }
}

void
emit_step_review(AgBuf *out, AgArena *a, const DiffStep *st)
{
    switch (st->review) {
    case DIFF_REVIEW_NONE:
        break;
    case DIFF_REVIEW_BACKFILL:
        ag_buf_printf(out,
                      "backfill %s.%s: it is NOT NULL without a default and the table may "
                      "have rows; replace NULL in the UPDATE below with the value for them",
                      table_of(a, st), qi(a, col_of(st)));
        break;
    case DIFF_REVIEW_USING:
        ag_buf_printf(out,
                      "check the conversion of %s.%s from %s to %s: rows that do not convert "
                      "make it fail",
                      table_of(a, st), qi(a, col_of(st)), st->old_column->type, st->column->type);
        break;
    case DIFF_REVIEW_RENAME:
        emit_rename_review(out, a, st);
        break;
    case DIFF_REVIEW_PARTKEY:
        emit_partition_review(out, a, st);
        break;
    }
}

static const char *
model_path(const char *path)
{
    return path && strcmp(path, "public") != 0 ? path : NULL;
}

/* An if chain, as in emit_function_sql: a switch would list every other kind. */
const char *
emit_step_search_path(const DiffStep *st)
{
    if (st->kind == DIFF_CREATE_FUNCTION || st->kind == DIFF_REPLACE_FUNCTION)
        return model_path(((const CatFunction *) st->obj)->search_path);
    if (st->kind == DIFF_CREATE_TRIGGER)
        return model_path(st->trigger->search_path);
    if (st->kind == DIFF_CREATE_VIEW || st->kind == DIFF_REPLACE_VIEW)
        return model_path(((const CatView *) st->obj)->search_path);
    if (st->kind == DIFF_CREATE_TABLE) {
        const CatTable *t = (const CatTable *) st->obj;
        return t->as_query && !t->ncolumns ? model_path(t->as_search_path) : NULL;
    }
    return NULL;
}

/* Consecutive statements under the same model search_path share one SET; RESET goes back
 * to the session's setting (what psql -f and autogen upgrade start with), so the rest of
 * the script, and the next revision, read names as if nothing had been set. */
static void
switch_search_path(AgBuf *out, const char **cur, const char *want)
{
    if (ag_streq(*cur, want))
        return;
    if (want)
        ag_buf_printf(out, "SET search_path = %s;\n", want);
    else
        ag_buf_puts(out, "RESET search_path;\n");
    *cur = want;
}

void
emit_sql(AgBuf *out, const DiffChangeset *cs, const EmitOptions *opts)
{
    AgArena a;
    ag_arena_init(&a);
    uint32_t last_change = UINT32_MAX;
    const char *path = NULL;
    if (emit_needs_function_settings(cs))
        ag_buf_puts(out, "SET check_function_bodies = false;\n"); /* as pg_dump does */
    for (uint32_t i = 0; i < cs->nsteps; i++) {
        const DiffStep *st = &cs->steps[i];
        switch_search_path(out, &path, emit_step_search_path(st));
        if (opts && opts->annotate && st->change != last_change) {
            ag_buf_puts(out, "-- ");
            emit_change_line(out, &a, cs, &cs->changes[st->change]);
            ag_buf_putc(out, '\n');
        }
        last_change = st->change;
        if (st->review != DIFF_REVIEW_NONE) {
            ag_buf_puts(out, EMIT_REVIEW_MARKER " ");
            emit_step_review(out, &a, st);
            ag_buf_putc(out, '\n');
        }
        emit_step_sql(out, &a, st);
    }
    switch_search_path(out, &path, NULL);
    ag_arena_free(&a);
}

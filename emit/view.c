/*
 * emit/view.c: the SQL of view steps (CREATE [MATERIALIZED] VIEW, CREATE OR REPLACE
 * VIEW, DROP [MATERIALIZED] VIEW), the COMMENT ON target of a view or its column, and
 * hazard labels. The query is printed from CatView.query.sql: after tier 2 that is the
 * server's qualified text, else the model's deparsed query.
 * Not here: deciding between replace and recreate (diff/view.c).
 */
#include <string.h>

#include "emit/emit.h"

static const char *
view_name(AgArena *a, const CatObject *o)
{
    return cat_qualified(a, o->schema, o->name);
}

static void
options(AgBuf *out, AgArena *a, const CatView *v)
{
    if (!v->noptions)
        return;
    ag_buf_puts(out, " WITH (");
    for (uint32_t i = 0; i < v->noptions; i++) {
        const char *eq = strchr(v->options[i], '=');
        if (i)
            ag_buf_puts(out, ", ");
        if (!eq) {
            ag_buf_puts(out, v->options[i]);
            continue;
        }
        ag_buf_printf(out, "%.*s = %s", (int) (eq - v->options[i]), v->options[i],
                      cat_quote_literal(a, eq + 1));
    }
    ag_buf_putc(out, ')');
}

static void
create(AgBuf *out, AgArena *a, const CatView *v, bool replace)
{
    ag_buf_printf(out, "CREATE %s%sVIEW %s", replace ? "OR REPLACE " : "",
                  v->materialized ? "MATERIALIZED " : "", view_name(a, &v->obj));
    if (v->columns && v->ncolumns) {
        ag_buf_puts(out, " (");
        for (uint32_t i = 0; i < v->ncolumns; i++)
            ag_buf_printf(out, "%s%s", i ? ", " : "", cat_quote_ident(a, v->columns[i]));
        ag_buf_putc(out, ')');
    }
    options(out, a, v);
    ag_buf_printf(out, " AS\n%s", v->query && v->query->sql ? v->query->sql : "SELECT");
    if (v->materialized)
        ag_buf_puts(out, v->with_no_data ? "\nWITH NO DATA" : "\nWITH DATA");
    ag_buf_puts(out, ";\n");
}

void
emit_view_sql(AgBuf *out, AgArena *a, const DiffStep *st)
{
    const CatView *v = (const CatView *) st->obj;
    /* only view steps come here (emit.c's switch) */
    if (st->kind == DIFF_DROP_VIEW)
        ag_buf_printf(out, "DROP %sVIEW %s;\n", v->materialized ? "MATERIALIZED " : "",
                      view_name(a, &v->obj));
    else
        create(out, a, v, st->kind == DIFF_REPLACE_VIEW);
}

void
emit_view_comment_target(AgBuf *out, AgArena *a, const DiffStep *st)
{
    const CatView *v = (const CatView *) st->obj;
    if (st->view_column)
        ag_buf_printf(out, "COLUMN %s.%s", view_name(a, &v->obj),
                      cat_quote_ident(a, st->view_column));
    else
        ag_buf_printf(out, "%sVIEW %s", v->materialized ? "MATERIALIZED " : "",
                      view_name(a, &v->obj));
}

void
emit_view_label(AgBuf *out, AgArena *a, const DiffStep *st)
{
    const CatView *v = (const CatView *) st->obj;
    const char *verb = st->kind == DIFF_DROP_VIEW      ? "DROP"
                       : st->kind == DIFF_REPLACE_VIEW ? "CREATE OR REPLACE"
                                                       : "CREATE";
    ag_buf_printf(out, "%s %sVIEW %s", verb, v->materialized ? "MATERIALIZED " : "",
                  view_name(a, &v->obj));
}

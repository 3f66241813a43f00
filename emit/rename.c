/*
 * emit/rename.c: the SQL of a DIFF_RENAME step (ALTER TABLE ... RENAME TO / RENAME
 * COLUMN / RENAME CONSTRAINT, ALTER INDEX / SEQUENCE / TYPE ... RENAME TO, ALTER TYPE ...
 * RENAME VALUE), the review text of a guessed rename, and its summary details.
 * Not here: deciding what is a rename (diff/rename.c).
 */
#include <string.h>

#include "emit/emit.h"

static const char *
qn(AgArena *a, const char *schema, const char *name)
{
    return schema ? cat_qualified(a, schema, name) : cat_quote_ident(a, name);
}

void
emit_rename(AgBuf *out, AgArena *a, const DiffStep *st)
{
    const char *obj = qn(a, st->schema, st->name);
    const char *to = cat_quote_ident(a, st->new_name);
    const char *old = cat_quote_ident(a, st->old_name);
    /* ifs, not a switch: six of the object kinds can be renamed */
    if (st->target == DIFF_OBJ_TABLE)
        ag_buf_printf(out, "ALTER TABLE %s RENAME TO %s;\n", obj, to);
    else if (st->target == DIFF_OBJ_COLUMN)
        ag_buf_printf(out, "ALTER TABLE %s RENAME COLUMN %s TO %s;\n", obj, old, to);
    else if (st->target == DIFF_OBJ_CONSTRAINT)
        ag_buf_printf(out, "ALTER TABLE %s RENAME CONSTRAINT %s TO %s;\n", obj, old, to);
    else if (st->target == DIFF_OBJ_INDEX)
        ag_buf_printf(out, "ALTER INDEX %s RENAME TO %s;\n", obj, to);
    else if (st->target == DIFF_OBJ_SEQUENCE)
        ag_buf_printf(out, "ALTER SEQUENCE %s RENAME TO %s;\n", obj, to);
    else if (st->target == DIFF_OBJ_TYPE && st->is_label)
        ag_buf_printf(out, "ALTER TYPE %s RENAME VALUE %s TO %s;\n", obj,
                      cat_quote_literal(a, st->old_name), cat_quote_literal(a, st->new_name));
    else if (st->target == DIFF_OBJ_TYPE)
        ag_buf_printf(out, "ALTER TYPE %s RENAME TO %s;\n", obj, to);
    else
        AG_UNREACHABLE();
}

/* "jobs" for public.jobs (the usual schema reads better bare), else "s.jobs". */
static const char *
short_name(AgArena *a, const char *schema, const char *name)
{
    if (!schema || strcmp(schema, "public") == 0)
        return cat_quote_ident(a, name);
    return cat_qualified(a, schema, name);
}

void
emit_rename_review(AgBuf *out, AgArena *a, const DiffStep *st)
{
    const char *parent = short_name(a, st->schema, st->name);
    bool sub = st->target == DIFF_OBJ_COLUMN || st->target == DIFF_OBJ_CONSTRAINT || st->is_label;
    ag_buf_puts(out, "rename guessed: ");
    if (st->is_label)
        ag_buf_printf(out, "%s value %s -> %s", parent, cat_quote_literal(a, st->old_name),
                      cat_quote_literal(a, st->new_name));
    else if (sub)
        ag_buf_printf(out, "%s.%s -> %s.%s", parent, cat_quote_ident(a, st->old_name), parent,
                      cat_quote_ident(a, st->new_name));
    else
        ag_buf_printf(out, "%s %s -> %s", diff_obj_kind_name(st->target), parent,
                      short_name(a, st->schema, st->new_name));
    if (st->evidence)
        ag_buf_printf(out, " (%s)", st->evidence);
    ag_buf_puts(out, "; confirm or replace with DROP/ADD");
}

void
emit_rename_details(AgBuf *out, AgArena *a, const DiffChange *ch)
{
    if (ch->kind == DIFF_OBJ_TYPE && ch->sub)
        ag_buf_printf(out, ": value %s renamed to %s", cat_quote_literal(a, ch->renamed_from),
                      cat_quote_literal(a, ch->sub));
    else
        ag_buf_printf(out, ": renamed from %s", cat_quote_ident(a, ch->renamed_from));
}

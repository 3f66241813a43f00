/*
 * emit/types.c: the SQL of domain and composite type steps (CREATE / DROP / ALTER
 * DOMAIN, CREATE / DROP / ALTER TYPE ... ATTRIBUTE, comments on domain constraints and
 * composite attributes), and the details of their summary lines.
 * Not here: which steps run or in what order (diff/types.c).
 */
#include <string.h>

#include "emit/emit.h"

static const char *
qn(AgArena *a, const CatObject *o)
{
    return cat_qualified(a, o->schema, o->name);
}

static void
collate(AgBuf *out, AgArena *a, const char *schema, const char *name)
{
    if (name)
        ag_buf_printf(out, " COLLATE %s", cat_qualified(a, schema, name));
}

static void
comment_is(AgBuf *out, AgArena *a, const char *text)
{
    if (text)
        ag_buf_printf(out, " IS %s;\n", cat_quote_literal(a, text));
    else
        ag_buf_puts(out, " IS NULL;\n");
}

static void
create_domain(AgBuf *out, AgArena *a, const CatDomain *d)
{
    ag_buf_printf(out, "CREATE DOMAIN %s AS %s", qn(a, &d->obj), d->type);
    collate(out, a, d->collation_schema, d->collation);
    if (d->default_expr)
        ag_buf_printf(out, " DEFAULT %s", d->default_expr->sql);
    if (d->not_null)
        ag_buf_puts(out, " NOT NULL");
    for (uint32_t i = 0; i < d->nconstraints; i++) {
        const CatConstraint *k = &d->constraints[i];
        if (k->not_valid)
            continue; /* added NOT VALID by a step of its own */
        ag_buf_printf(out, "\n    CONSTRAINT %s CHECK (%s)", cat_quote_ident(a, k->name),
                      k->check->sql);
    }
    ag_buf_puts(out, ";\n");
}

static void
alter_domain(AgBuf *out, AgArena *a, const DiffStep *st)
{
    const CatDomain *d = (const CatDomain *) st->obj;
    const char *name = qn(a, st->obj);
    switch (st->type_alter) {
    case DIFF_TA_SET_DEFAULT:
        ag_buf_printf(out, "ALTER DOMAIN %s SET DEFAULT %s;\n", name, d->default_expr->sql);
        return;
    case DIFF_TA_DROP_DEFAULT:
        ag_buf_printf(out, "ALTER DOMAIN %s DROP DEFAULT;\n", name);
        return;
    case DIFF_TA_SET_NOT_NULL:
        ag_buf_printf(out, "ALTER DOMAIN %s SET NOT NULL;\n", name);
        return;
    case DIFF_TA_DROP_NOT_NULL:
        ag_buf_printf(out, "ALTER DOMAIN %s DROP NOT NULL;\n", name);
        return;
    case DIFF_TA_ADD_CONSTRAINT:
        ag_buf_printf(out, "ALTER DOMAIN %s ADD CONSTRAINT %s CHECK (%s)%s;\n", name,
                      cat_quote_ident(a, st->con->name), st->con->check->sql,
                      st->not_valid ? " NOT VALID" : "");
        return;
    case DIFF_TA_DROP_CONSTRAINT:
        ag_buf_printf(out, "ALTER DOMAIN %s DROP CONSTRAINT %s;\n", name,
                      cat_quote_ident(a, st->con->name));
        return;
    case DIFF_TA_VALIDATE_CONSTRAINT:
        ag_buf_printf(out, "ALTER DOMAIN %s VALIDATE CONSTRAINT %s;\n", name,
                      cat_quote_ident(a, st->con->name));
        return;
    case DIFF_TA_COMMENT_CONSTRAINT:
        ag_buf_printf(out, "COMMENT ON CONSTRAINT %s ON DOMAIN %s",
                      cat_quote_ident(a, st->con->name), name);
        comment_is(out, a, st->comment);
        return;
    case DIFF_TA_RENAME:
        ag_buf_printf(out, "ALTER DOMAIN %s RENAME TO %s;\n", name,
                      cat_quote_ident(a, st->temp_name));
        return;
    case DIFF_TA_ADD_ATTRIBUTE:
    case DIFF_TA_DROP_ATTRIBUTE:
    case DIFF_TA_ALTER_ATTRIBUTE:
    case DIFF_TA_COMMENT_ATTRIBUTE:
        break;
    }
    AG_UNREACHABLE();
}

static void
attr_def(AgBuf *out, AgArena *a, const CatColumn *col)
{
    ag_buf_printf(out, "%s %s", cat_quote_ident(a, col->name), col->type);
    collate(out, a, col->collation_schema, col->collation);
}

static void
alter_composite(AgBuf *out, AgArena *a, const DiffStep *st)
{
    const char *name = qn(a, st->obj);
    switch (st->type_alter) {
    case DIFF_TA_ADD_ATTRIBUTE:
        ag_buf_printf(out, "ALTER TYPE %s ADD ATTRIBUTE ", name);
        attr_def(out, a, st->column);
        ag_buf_puts(out, ";\n");
        return;
    case DIFF_TA_DROP_ATTRIBUTE:
        ag_buf_printf(out, "ALTER TYPE %s DROP ATTRIBUTE %s;\n", name,
                      cat_quote_ident(a, st->old_column->name));
        return;
    case DIFF_TA_ALTER_ATTRIBUTE:
        ag_buf_printf(out, "ALTER TYPE %s ALTER ATTRIBUTE %s TYPE %s", name,
                      cat_quote_ident(a, st->column->name), st->column->type);
        collate(out, a, st->column->collation_schema, st->column->collation);
        ag_buf_puts(out, ";\n");
        return;
    case DIFF_TA_COMMENT_ATTRIBUTE:
        ag_buf_printf(out, "COMMENT ON COLUMN %s.%s", name, cat_quote_ident(a, st->column->name));
        comment_is(out, a, st->comment);
        return;
    case DIFF_TA_RENAME:
        ag_buf_printf(out, "ALTER TYPE %s RENAME TO %s;\n", name,
                      cat_quote_ident(a, st->temp_name));
        return;
    case DIFF_TA_SET_DEFAULT:
    case DIFF_TA_DROP_DEFAULT:
    case DIFF_TA_SET_NOT_NULL:
    case DIFF_TA_DROP_NOT_NULL:
    case DIFF_TA_ADD_CONSTRAINT:
    case DIFF_TA_DROP_CONSTRAINT:
    case DIFF_TA_VALIDATE_CONSTRAINT:
    case DIFF_TA_COMMENT_CONSTRAINT:
        break;
    }
    AG_UNREACHABLE();
}

void
emit_type_sql(AgBuf *out, AgArena *a, const DiffStep *st)
{
    /* if, not switch: only the six kinds below are routed here (emit.c). */
    if (st->kind == DIFF_CREATE_DOMAIN) {
        create_domain(out, a, (const CatDomain *) st->obj);
    } else if (st->kind == DIFF_DROP_DOMAIN) {
        ag_buf_printf(
            out, "DROP DOMAIN %s;\n",
            cat_qualified(a, st->obj->schema, st->temp_name ? st->temp_name : st->obj->name));
    } else if (st->kind == DIFF_ALTER_DOMAIN) {
        alter_domain(out, a, st);
    } else if (st->kind == DIFF_CREATE_COMPOSITE) {
        const CatComposite *ct = (const CatComposite *) st->obj;
        ag_buf_printf(out, "CREATE TYPE %s AS (", qn(a, st->obj));
        for (uint32_t i = 0; i < ct->nattrs; i++) {
            ag_buf_puts(out, i ? ",\n    " : "\n    ");
            attr_def(out, a, &ct->attrs[i]);
        }
        ag_buf_puts(out, ct->nattrs ? "\n);\n" : ");\n");
    } else if (st->kind == DIFF_DROP_COMPOSITE) {
        ag_buf_printf(
            out, "DROP TYPE %s;\n",
            cat_qualified(a, st->obj->schema, st->temp_name ? st->temp_name : st->obj->name));
    } else if (st->kind == DIFF_ALTER_COMPOSITE) {
        alter_composite(out, a, st);
    } else {
        AG_UNREACHABLE();
    }
}

/* "default 0 -> 1, add constraint x": what a domain or composite change alters. */
void
emit_type_details(AgBuf *out, AgArena *a, const DiffChangeset *cs, const DiffChange *ch,
                  bool *first)
{
    if (ch->from_obj && ch->to_obj && ch->from_obj->kind == CAT_DOMAIN &&
        ch->to_obj->kind == CAT_DOMAIN) {
        const CatDomain *f = (const CatDomain *) ch->from_obj;
        const CatDomain *t = (const CatDomain *) ch->to_obj;
        if (strcmp(f->type, t->type) != 0) {
            ag_buf_printf(out, "%sbase type %s -> %s", *first ? ": " : ", ", f->type, t->type);
            *first = false;
        }
        if (!ag_streq(f->collation, t->collation) ||
            !ag_streq(f->collation_schema, t->collation_schema)) {
            ag_buf_printf(
                out, "%scollation %s -> %s", *first ? ": " : ", ",
                f->collation ? cat_qualified(a, f->collation_schema, f->collation) : "default",
                t->collation ? cat_qualified(a, t->collation_schema, t->collation) : "default");
            *first = false;
        }
    }
    for (uint32_t i = 0; i < ch->nsteps; i++) {
        const DiffStep *st = &cs->steps[ch->steps[i]];
        if (st->kind != DIFF_ALTER_DOMAIN && st->kind != DIFF_ALTER_COMPOSITE)
            continue;
        const char *what = NULL;
        const char *sub = NULL;
        switch (st->type_alter) {
        case DIFF_TA_SET_DEFAULT:
            what = "set default";
            break;
        case DIFF_TA_DROP_DEFAULT:
            what = "drop default";
            break;
        case DIFF_TA_SET_NOT_NULL:
            what = "set not null";
            break;
        case DIFF_TA_DROP_NOT_NULL:
            what = "drop not null";
            break;
        case DIFF_TA_ADD_CONSTRAINT:
            what = "add constraint";
            sub = st->con->name;
            break;
        case DIFF_TA_DROP_CONSTRAINT:
            what = "drop constraint";
            sub = st->con->name;
            break;
        case DIFF_TA_VALIDATE_CONSTRAINT:
        case DIFF_TA_COMMENT_CONSTRAINT:
        case DIFF_TA_RENAME:
        case DIFF_TA_COMMENT_ATTRIBUTE:
            break;
        case DIFF_TA_ADD_ATTRIBUTE:
            what = "add attribute";
            sub = st->column->name;
            break;
        case DIFF_TA_DROP_ATTRIBUTE:
            what = "drop attribute";
            sub = st->old_column->name;
            break;
        case DIFF_TA_ALTER_ATTRIBUTE:
            what = "alter attribute";
            sub = st->column->name;
            break;
        }
        if (!what)
            continue;
        ag_buf_puts(out, *first ? ": " : ", ");
        *first = false;
        ag_buf_puts(out, what);
        if (sub)
            ag_buf_printf(out, " %s", cat_quote_ident(a, sub));
    }
}

/*
 * emit/partition.c: the SQL of partition and row-level security steps: ATTACH / DETACH
 * PARTITION, ENABLE / DISABLE / FORCE / NO FORCE ROW LEVEL SECURITY, CREATE / DROP /
 * ALTER POLICY, and the PARTITION OF / PARTITION BY parts of CREATE TABLE.
 * Not here: choosing or ordering steps (diff/partition.c).
 */
#include <string.h>

#include "emit/emit.h"

static const char *
qn(AgArena *a, const char *schema, const char *name)
{
    return cat_qualified(a, schema, name);
}

static const char *
cmd_word(char cmd)
{
    switch (cmd) {
    case 'r':
        return "SELECT";
    case 'a':
        return "INSERT";
    case 'w':
        return "UPDATE";
    case 'd':
        return "DELETE";
    default: /* '*': a plain char, not one of our enums */
        return "ALL";
    }
}

static void
roles(AgBuf *out, AgArena *a, const CatPolicy *p)
{
    ag_buf_puts(out, " TO ");
    for (uint32_t i = 0; i < p->nroles; i++) {
        if (i)
            ag_buf_puts(out, ", ");
        /* "public" is the PUBLIC pseudo-role: a keyword, not a quoted name */
        ag_buf_puts(out, strcmp(p->roles[i], "public") == 0 ? "PUBLIC"
                                                             : cat_quote_ident(a, p->roles[i]));
    }
    if (!p->nroles)
        ag_buf_puts(out, "PUBLIC");
}

void
emit_partition_sql(AgBuf *out, AgArena *a, const DiffStep *st)
{
    const CatTable *t = st->table;
    const char *tq = qn(a, t->obj.schema, t->obj.name);
    switch (st->kind) {
    case DIFF_ATTACH_PARTITION:
        ag_buf_printf(out, "ALTER TABLE %s ATTACH PARTITION %s %s;\n",
                      qn(a, t->partition_of_schema, t->partition_of), tq,
                      t->partition_bound ? t->partition_bound->sql : "DEFAULT");
        return;
    case DIFF_DETACH_PARTITION:
        ag_buf_printf(out, "ALTER TABLE %s DETACH PARTITION %s;\n",
                      qn(a, t->partition_of_schema, t->partition_of), tq);
        return;
    case DIFF_SET_RLS: {
        const CatTable *f = (const CatTable *) st->old_obj;
        bool en = f && f->rls_enabled, force = f && f->rls_forced;
        if (en != t->rls_enabled)
            ag_buf_printf(out, "ALTER TABLE %s %s ROW LEVEL SECURITY;\n", tq,
                          t->rls_enabled ? "ENABLE" : "DISABLE");
        if (force != t->rls_forced)
            ag_buf_printf(out, "ALTER TABLE %s %s ROW LEVEL SECURITY;\n", tq,
                          t->rls_forced ? "FORCE" : "NO FORCE");
        return;
    }
    case DIFF_CREATE_POLICY: {
        const CatPolicy *p = st->policy;
        ag_buf_printf(out, "CREATE POLICY %s ON %s", cat_quote_ident(a, p->name), tq);
        if (!p->permissive)
            ag_buf_puts(out, " AS RESTRICTIVE");
        if (p->cmd != '*')
            ag_buf_printf(out, " FOR %s", cmd_word(p->cmd));
        roles(out, a, p);
        if (p->using_expr)
            ag_buf_printf(out, " USING (%s)", p->using_expr->sql);
        if (p->check_expr)
            ag_buf_printf(out, " WITH CHECK (%s)", p->check_expr->sql);
        ag_buf_puts(out, ";\n");
        if (p->comment)
            ag_buf_printf(out, "COMMENT ON POLICY %s ON %s IS %s;\n", cat_quote_ident(a, p->name),
                          tq, cat_quote_literal(a, p->comment));
        return;
    }
    case DIFF_DROP_POLICY:
        ag_buf_printf(out, "DROP POLICY %s ON %s;\n", cat_quote_ident(a, st->policy->name), tq);
        return;
    case DIFF_ALTER_POLICY: {
        const CatPolicy *p = st->policy, *o = st->old_policy;
        ag_buf_printf(out, "ALTER POLICY %s ON %s", cat_quote_ident(a, p->name), tq);
        roles(out, a, p);
        /* ALTER POLICY cannot remove an expression; diff recreates when one goes. */
        if (p->using_expr)
            ag_buf_printf(out, " USING (%s)", p->using_expr->sql);
        if (p->check_expr)
            ag_buf_printf(out, " WITH CHECK (%s)", p->check_expr->sql);
        ag_buf_puts(out, ";\n");
        if (!ag_streq(p->comment, o->comment))
            ag_buf_printf(out, "COMMENT ON POLICY %s ON %s IS %s;\n", cat_quote_ident(a, p->name),
                          tq, p->comment ? cat_quote_literal(a, p->comment) : "NULL");
        return;
    }
    default: /* not a step of this file */
        return;
    }
}

void
emit_partition_review(AgBuf *out, AgArena *a, const DiffStep *st)
{
    const CatTable *t = (const CatTable *) st->obj;
    ag_buf_printf(out,
                  "the partition key of %s changes (%s): the table is dropped and created "
                  "again; kept partitions are detached and attached again (that fails when "
                  "their rows do not fit their new bounds), the others lose their rows; "
                  "move rows first if needed, then remove this line",
                  qn(a, t->obj.schema, t->obj.name), st->evidence ? st->evidence : "changed");
}

void
emit_partition_of(AgBuf *out, AgArena *a, const CatTable *t)
{
    ag_buf_printf(out, " PARTITION OF %s", qn(a, t->partition_of_schema, t->partition_of));
}

void
emit_partition_tail(AgBuf *out, const CatTable *t)
{
    if (t->partition_of)
        ag_buf_printf(out, " %s", t->partition_bound ? t->partition_bound->sql : "DEFAULT");
    if (t->partition_key)
        ag_buf_printf(out, " PARTITION BY %s", t->partition_key->sql);
}

/*
 * emit/function.c: the SQL of function, procedure and trigger steps, and their names in
 * comments, summaries and hazard lines. Aggregates too (AGGREGATE, "(*)" for none).
 * A function is created from its definition (the model's statement, or what
 * pg_get_functiondef printed), always as CREATE OR REPLACE; it is dropped by its
 * identity signature. A trigger is created from its statement, dropped by name.
 * Not here: deciding what changes (diff/function.c), the script's order (diff/order.c).
 */
#include <string.h>

#include "emit/emit.h"

static bool
word_at(const char *s, const char *w)
{
    size_t n = strlen(w);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'a' && c <= 'z')
            c = (char) (c - 32);
        if (c != w[i])
            return false;
    }
    return true;
}

static const char *
skip_blank(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    return s;
}

/* The statement without trailing blanks and semicolons, then ";\n". */
static void
statement(AgBuf *out, const char *sql)
{
    size_t len = strlen(sql);
    while (len > 0 && (sql[len - 1] == ';' || sql[len - 1] == ' ' || sql[len - 1] == '\n' ||
                       sql[len - 1] == '\t' || sql[len - 1] == '\r'))
        len--;
    ag_buf_putn(out, sql, len);
    ag_buf_puts(out, ";\n");
}

/* A definition as CREATE OR REPLACE (both producers store it so; kept safe here). */
static void
definition(AgBuf *out, const CatFunction *f)
{
    const char *s = skip_blank(f->definition ? f->definition : "");
    if (word_at(s, "CREATE")) {
        const char *k = skip_blank(s + 6);
        if (!word_at(k, "OR")) {
            ag_buf_puts(out, "CREATE OR REPLACE ");
            statement(out, k);
            return;
        }
    }
    statement(out, s);
}

const char *
emit_function_name(AgArena *a, const CatObject *o)
{
    const CatFunction *f = (const CatFunction *) o;
    const char *args = f->identity_args ? f->identity_args : "";
    if (f->aggregate && !*args)
        args = "*";
    return ag_arena_printf(a, "%s(%s)", cat_qualified(a, f->obj.schema, f->fname), args);
}

static const char *
routine_word(const CatObject *o)
{
    const CatFunction *f = (const CatFunction *) o;
    return f->aggregate ? "AGGREGATE" : f->is_procedure ? "PROCEDURE" : "FUNCTION";
}

void
emit_function_comment_target(AgBuf *out, AgArena *a, const DiffStep *st)
{
    if (st->trigger) {
        ag_buf_printf(out, "TRIGGER %s ON %s", cat_quote_ident(a, st->trigger->name),
                      cat_qualified(a, st->table->obj.schema, st->table->obj.name));
        return;
    }
    ag_buf_printf(out, "%s %s", routine_word(st->obj), emit_function_name(a, st->obj));
}

static const char *
state_clause(char enabled)
{
    switch (enabled) {
    case 'D':
        return "DISABLE";
    case 'R':
        return "ENABLE REPLICA";
    case 'A':
        return "ENABLE ALWAYS";
    default:
        return "ENABLE";
    }
}

/* The kinds below only: emit.c and report.c dispatch them here (if chains rather than
 * switches, which would have to list every other kind). */
void
emit_function_sql(AgBuf *out, AgArena *a, const DiffStep *st)
{
    const char *table =
        st->table ? cat_qualified(a, st->table->obj.schema, st->table->obj.name) : NULL;
    if (st->kind == DIFF_CREATE_FUNCTION || st->kind == DIFF_REPLACE_FUNCTION)
        definition(out, (const CatFunction *) st->obj);
    else if (st->kind == DIFF_DROP_FUNCTION)
        ag_buf_printf(out, "DROP %s %s;\n", routine_word(st->obj),
                      emit_function_name(a, st->obj));
    else if (st->kind == DIFF_CREATE_TRIGGER)
        statement(out, st->trigger->def->sql);
    else if (st->kind == DIFF_DROP_TRIGGER)
        ag_buf_printf(out, "DROP TRIGGER %s ON %s;\n", cat_quote_ident(a, st->trigger->name),
                      table);
    else if (st->kind == DIFF_TRIGGER_STATE)
        ag_buf_printf(out, "ALTER TABLE %s %s TRIGGER %s;\n", table,
                      state_clause(st->trigger->enabled), cat_quote_ident(a, st->trigger->name));
    else
        AG_UNREACHABLE();
}

void
emit_function_label(AgBuf *out, AgArena *a, const DiffStep *st)
{
    if (st->kind == DIFF_CREATE_FUNCTION || st->kind == DIFF_REPLACE_FUNCTION ||
        st->kind == DIFF_DROP_FUNCTION) {
        ag_buf_printf(out, "%s %s %s",
                      st->kind == DIFF_CREATE_FUNCTION    ? "CREATE"
                      : st->kind == DIFF_REPLACE_FUNCTION ? "CREATE OR REPLACE"
                                                          : "DROP",
                      routine_word(st->obj), emit_function_name(a, st->obj));
        return;
    }
    ag_buf_printf(out, "%s TRIGGER %s ON %s",
                  st->kind == DIFF_CREATE_TRIGGER ? "CREATE"
                  : st->kind == DIFF_DROP_TRIGGER ? "DROP"
                                                  : state_clause(st->trigger->enabled),
                  cat_quote_ident(a, st->trigger->name),
                  cat_qualified(a, st->table->obj.schema, st->table->obj.name));
}

bool
emit_needs_function_settings(const DiffChangeset *cs)
{
    for (uint32_t i = 0; i < cs->nsteps; i++)
        if (cs->steps[i].kind == DIFF_CREATE_FUNCTION || cs->steps[i].kind == DIFF_REPLACE_FUNCTION)
            return true;
    return false;
}

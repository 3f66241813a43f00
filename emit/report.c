/*
 * emit/report.c: the changeset for readers: the summary (one line per change, then
 * hazards, review items and a cycle error) that cmd/ puts in a revision's header, and
 * the JSON report for tools (cJSON, released before returning).
 * Not here: the statements themselves (emit.c).
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "emit/emit.h"

static const char *
qn(AgArena *a, const char *schema, const char *name)
{
    return schema ? cat_qualified(a, schema, name) : cat_quote_ident(a, name);
}

static const char *const op_sign[] = {
    [DIFF_OP_CREATE] = "+",
    [DIFF_OP_DROP] = "-",
    [DIFF_OP_ALTER] = "~",
};
static const char *const op_name[] = {
    [DIFF_OP_CREATE] = "create",
    [DIFF_OP_DROP] = "drop",
    [DIFF_OP_ALTER] = "alter",
};
_Static_assert(ARRAY_LEN(op_sign) == DIFF_OP_ALTER + 1, "a sign per DiffOp");
_Static_assert(ARRAY_LEN(op_name) == DIFF_OP_ALTER + 1, "a name per DiffOp");

/* The object as SQL names it: public.jobs, public.jobs.status, jobs_pkey on public.jobs. */
static void
object_name(AgBuf *out, AgArena *a, const DiffChange *ch)
{
    switch (ch->kind) {
    case DIFF_OBJ_SCHEMA:
    case DIFF_OBJ_EXTENSION:
        ag_buf_puts(out, cat_quote_ident(a, ch->name));
        break;
    case DIFF_OBJ_TYPE:
    case DIFF_OBJ_SEQUENCE:
    case DIFF_OBJ_TABLE:
    case DIFF_OBJ_INDEX:
        ag_buf_puts(out, qn(a, ch->schema, ch->name));
        break;
    case DIFF_OBJ_COLUMN:
        ag_buf_printf(out, "%s.%s", qn(a, ch->schema, ch->name), cat_quote_ident(a, ch->sub));
        break;
    case DIFF_OBJ_CONSTRAINT:
    case DIFF_OBJ_TRIGGER:
    case DIFF_OBJ_POLICY:
        ag_buf_printf(out, "%s on %s", cat_quote_ident(a, ch->sub), qn(a, ch->schema, ch->name));
        break;
    case DIFF_OBJ_FUNCTION:
        ag_buf_puts(out, emit_function_name(a, ch->to_obj ? ch->to_obj : ch->from_obj));
        break;
    case DIFF_OBJ_VIEW:
        ag_buf_puts(out, qn(a, ch->schema, ch->name));
        break;
    case DIFF_OBJ_COUNT:
        AG_UNREACHABLE();
    }
}

static bool
expr_same(const CatExpr *x, const CatExpr *y)
{
    if (!x || !y)
        return x == y;
    if (x->canon && y->canon)
        return strcmp(x->canon, y->canon) == 0;
    return ag_streq(x->sql, y->sql);
}

/* Options an ALTER IDENTITY sets (the type follows the column and is left out). */
static bool
seq_options_differ(const CatSeqOptions *a, const CatSeqOptions *b)
{
    return a->increment != b->increment || a->start != b->start || a->min != b->min ||
           a->max != b->max || a->cache != b->cache || a->cycle != b->cycle;
}

static void
part(AgBuf *out, bool *first, const char *text)
{
    ag_buf_puts(out, *first ? ": " : ", ");
    ag_buf_puts(out, text);
    *first = false;
}

static bool
change_has_step(const DiffChangeset *cs, const DiffChange *ch, DiffStepKind kind)
{
    for (uint32_t i = 0; i < ch->nsteps; i++)
        if (cs->steps[ch->steps[i]].kind == kind)
            return true;
    return false;
}

/* What an ALTER changed, for the summary line. */
static void
alter_details(AgBuf *out, AgArena *a, const DiffChangeset *cs, const DiffChange *ch)
{
    bool first = true;
    AgBuf t;
    ag_buf_init(&t);
    if (ch->recreated)
        part(out, &first, "recreated");
    if (change_has_step(cs, ch, DIFF_GRANT))
        part(out, &first, "privileges");
    switch (ch->kind) {
    case DIFF_OBJ_COLUMN: {
        const CatColumn *f = ch->from_column, *c = ch->to_column;
        if (!f || !c)
            break;
        if (strcmp(f->type, c->type) != 0) {
            ag_buf_reset(&t);
            ag_buf_printf(&t, "type %s -> %s", f->type, c->type);
            part(out, &first, ag_buf_cstr(&t));
        } else if (change_has_step(cs, ch, DIFF_ALTER_COLUMN_TYPE) &&
                   ag_streq(f->collation, c->collation) &&
                   ag_streq(f->collation_schema, c->collation_schema)) {
            ag_buf_reset(&t);
            ag_buf_printf(&t, "converted to the new %s", c->type);
            part(out, &first, ag_buf_cstr(&t));
        }
        if (!ag_streq(f->collation, c->collation) ||
            !ag_streq(f->collation_schema, c->collation_schema)) {
            ag_buf_reset(&t);
            ag_buf_printf(&t, "collation %s -> %s",
                          f->collation ? qn(a, f->collation_schema, f->collation) : "default",
                          c->collation ? qn(a, c->collation_schema, c->collation) : "default");
            part(out, &first, ag_buf_cstr(&t));
        }
        if (!expr_same(f->default_expr, c->default_expr)) {
            ag_buf_reset(&t);
            ag_buf_printf(&t, "default %s -> %s", f->default_expr ? f->default_expr->sql : "none",
                          c->default_expr ? c->default_expr->sql : "none");
            part(out, &first, ag_buf_cstr(&t));
        }
        if (f->not_null != c->not_null)
            part(out, &first, c->not_null ? "set not null" : "drop not null");
        if (f->generated && !c->generated)
            part(out, &first, "no longer generated");
        else if (!ch->recreated && f->generated != c->generated)
            part(out, &first, "generated");
        if (f->identity != c->identity)
            part(out, &first,
                 c->identity == CAT_IDENTITY_NONE   ? "drop identity"
                 : f->identity == CAT_IDENTITY_NONE ? "add identity"
                                                    : "identity kind");
        if (f->identity != CAT_IDENTITY_NONE && c->identity != CAT_IDENTITY_NONE &&
            change_has_step(cs, ch, DIFF_ALTER_IDENTITY) &&
            seq_options_differ(&f->identity_seq, &c->identity_seq))
            part(out, &first, "identity options");
        if (!ag_streq(f->comment, c->comment))
            part(out, &first, "comment");
        break;
    }
    case DIFF_OBJ_TYPE: {
        const CatEnum *f = (const CatEnum *) ch->from_obj, *c = (const CatEnum *) ch->to_obj;
        emit_type_details(out, a, cs, ch, &first); /* domains and composites (types.c) */
        if (change_has_step(cs, ch, DIFF_ENUM_ADD_VALUE)) {
            ag_buf_reset(&t);
            ag_buf_puts(&t, "add value");
            bool one = true;
            for (uint32_t i = 0; i < ch->nsteps; i++) {
                const DiffStep *st = &cs->steps[ch->steps[i]];
                if (st->kind != DIFF_ENUM_ADD_VALUE)
                    continue;
                ag_buf_printf(&t, "%s%s", one ? " " : ", ", cat_quote_literal(a, st->label));
                one = false;
            }
            part(out, &first, ag_buf_cstr(&t));
        } else if (change_has_step(cs, ch, DIFF_ENUM_RENAME)) {
            ag_buf_reset(&t);
            ag_buf_puts(&t, "values (");
            for (uint32_t i = 0; i < f->nlabels; i++)
                ag_buf_printf(&t, "%s%s", i ? ", " : "", cat_quote_literal(a, f->labels[i]));
            ag_buf_puts(&t, ") -> (");
            for (uint32_t i = 0; i < c->nlabels; i++)
                ag_buf_printf(&t, "%s%s", i ? ", " : "", cat_quote_literal(a, c->labels[i]));
            ag_buf_puts(&t, "), by a type swap");
            part(out, &first, ag_buf_cstr(&t));
        }
        if (change_has_step(cs, ch, DIFF_COMMENT))
            part(out, &first, "comment");
        break;
    }
    case DIFF_OBJ_SEQUENCE:
        if (change_has_step(cs, ch, DIFF_ALTER_SEQUENCE))
            part(out, &first, "options");
        if (change_has_step(cs, ch, DIFF_SEQUENCE_OWNED_BY))
            part(out, &first, "owned by");
        if (change_has_step(cs, ch, DIFF_COMMENT))
            part(out, &first, "comment");
        break;
    case DIFF_OBJ_TABLE:
        if (change_has_step(cs, ch, DIFF_SET_LOGGED))
            part(out, &first,
                 ((const CatTable *) ch->to_obj)->unlogged ? "set unlogged" : "set logged");
        if (change_has_step(cs, ch, DIFF_DETACH_PARTITION))
            part(out, &first, "detach partition");
        if (change_has_step(cs, ch, DIFF_ATTACH_PARTITION))
            part(out, &first, "attach partition");
        if (change_has_step(cs, ch, DIFF_SET_RLS))
            part(out, &first, "row level security");
        if (change_has_step(cs, ch, DIFF_COMMENT))
            part(out, &first, "comment");
        break;
    case DIFF_OBJ_EXTENSION:
        if (ch->from_obj && ch->to_obj && !ag_streq(ch->from_obj->schema, ch->to_obj->schema)) {
            ag_buf_reset(&t);
            ag_buf_printf(&t, "schema %s -> %s", cat_quote_ident(a, ch->from_obj->schema),
                          cat_quote_ident(a, ch->to_obj->schema));
            part(out, &first, ag_buf_cstr(&t));
        }
        if (change_has_step(cs, ch, DIFF_COMMENT))
            part(out, &first, "comment");
        break;
    case DIFF_OBJ_CONSTRAINT:
        if (!ch->recreated && change_has_step(cs, ch, DIFF_VALIDATE_CONSTRAINT))
            part(out, &first, "validate");
        if (!ch->recreated && change_has_step(cs, ch, DIFF_COMMENT))
            part(out, &first, "comment");
        break;
    case DIFF_OBJ_SCHEMA:
    case DIFF_OBJ_INDEX:
        if (!ch->recreated && change_has_step(cs, ch, DIFF_COMMENT))
            part(out, &first, "comment");
        break;
    case DIFF_OBJ_FUNCTION:
        if (ch->recreated)
            part(out, &first, "arguments or result, by drop and create");
        if (change_has_step(cs, ch, DIFF_REPLACE_FUNCTION))
            part(out, &first, "body or attributes");
        if (!ch->recreated && change_has_step(cs, ch, DIFF_COMMENT))
            part(out, &first, "comment");
        break;
    case DIFF_OBJ_POLICY:
        if (ch->recreated)
            part(out, &first, "command, kind or a removed expression, by drop and create");
        if (!ch->recreated && change_has_step(cs, ch, DIFF_ALTER_POLICY))
            part(out, &first, "roles or expressions");
        if (!ch->recreated && change_has_step(cs, ch, DIFF_COMMENT))
            part(out, &first, "comment");
        break;
    case DIFF_OBJ_TRIGGER:
        if (ch->recreated)
            part(out, &first, "definition, by drop and create");
        if (!ch->recreated && change_has_step(cs, ch, DIFF_TRIGGER_STATE))
            part(out, &first, "enabled state");
        if (!ch->recreated && change_has_step(cs, ch, DIFF_COMMENT))
            part(out, &first, "comment");
        break;
    case DIFF_OBJ_VIEW:
        if (change_has_step(cs, ch, DIFF_REPLACE_VIEW))
            part(out, &first, "definition");
        if (!ch->recreated && change_has_step(cs, ch, DIFF_COMMENT))
            part(out, &first, "comment");
        break;
    case DIFF_OBJ_COUNT:
        AG_UNREACHABLE();
    }
    ag_buf_free(&t);
}

void
emit_change_line(AgBuf *out, AgArena *a, const DiffChangeset *cs, const DiffChange *ch)
{
    ag_buf_printf(out, "%s %s ", op_sign[ch->op], diff_obj_kind_name(ch->kind));
    object_name(out, a, ch);
    if (ch->op == DIFF_OP_ALTER && ch->renamed_from)
        emit_rename_details(out, a, ch);
    else if (ch->op == DIFF_OP_ALTER)
        alter_details(out, a, cs, ch);
    if (ch->hazards & DIFF_HAZARD_BIT(DIFF_HAZARD_DATA_LOSS))
        ag_buf_puts(out, " (data loss)");
}

void
emit_step_label(AgBuf *out, AgArena *a, const DiffStep *st)
{
    const char *obj = qn(a, st->schema, st->name);
    const char *col = st->column ? st->column->name : st->old_column ? st->old_column->name : NULL;
    switch (st->kind) {
    case DIFF_CREATE_SCHEMA:
    case DIFF_DROP_SCHEMA:
    case DIFF_CREATE_DOMAIN:
    case DIFF_DROP_DOMAIN:
    case DIFF_ALTER_DOMAIN:
    case DIFF_CREATE_COMPOSITE:
    case DIFF_DROP_COMPOSITE:
    case DIFF_ALTER_COMPOSITE:
    case DIFF_CREATE_EXTENSION:
    case DIFF_DROP_EXTENSION:
    case DIFF_ALTER_EXTENSION_SCHEMA:
    case DIFF_ALTER_EXTENSION_VERSION:
    case DIFF_CREATE_ENUM:
    case DIFF_DROP_ENUM:
    case DIFF_ENUM_RENAME:
    case DIFF_CREATE_SEQUENCE:
    case DIFF_DROP_SEQUENCE:
    case DIFF_ALTER_SEQUENCE:
    case DIFF_SEQUENCE_OWNED_BY:
    case DIFF_CREATE_TABLE:
    case DIFF_DROP_TABLE:
    case DIFF_ATTACH_PARTITION:
    case DIFF_DETACH_PARTITION:
    case DIFF_SET_RLS:
    case DIFF_CREATE_POLICY:
    case DIFF_DROP_POLICY:
    case DIFF_ALTER_POLICY:
    case DIFF_COMMENT:
    case DIFF_GRANT:
    case DIFF_RENAME: {
        /* The statement's head is label enough: "DROP TABLE public.jobs". */
        AgBuf s;
        ag_buf_init(&s);
        emit_step_sql(&s, a, st);
        const char *sql = ag_buf_cstr(&s);
        size_t n = strcspn(sql, "(;\n");
        while (n > 0 && sql[n - 1] == ' ')
            n--;
        ag_buf_putn(out, sql, n);
        ag_buf_free(&s);
        break;
    }
    case DIFF_ENUM_ADD_VALUE:
        ag_buf_printf(out, "ALTER TYPE %s ADD VALUE %s", obj, cat_quote_literal(a, st->label));
        break;
    case DIFF_SET_LOGGED:
        ag_buf_printf(out, "SET %s %s",
                      ((const CatTable *) st->obj)->unlogged ? "UNLOGGED" : "LOGGED", obj);
        break;
    case DIFF_ADD_COLUMN:
        ag_buf_printf(out, "ADD COLUMN %s.%s", obj, cat_quote_ident(a, col));
        break;
    case DIFF_DROP_COLUMN:
        ag_buf_printf(out, "DROP COLUMN %s.%s", obj, cat_quote_ident(a, col));
        break;
    case DIFF_ALTER_COLUMN_TYPE:
        ag_buf_printf(out, "ALTER COLUMN %s.%s TYPE %s", obj, cat_quote_ident(a, col),
                      st->column->type);
        break;
    case DIFF_SET_DEFAULT:
        ag_buf_printf(out, "SET DEFAULT %s.%s", obj, cat_quote_ident(a, col));
        break;
    case DIFF_DROP_DEFAULT:
        ag_buf_printf(out, "DROP DEFAULT %s.%s", obj, cat_quote_ident(a, col));
        break;
    case DIFF_DROP_EXPRESSION:
        ag_buf_printf(out, "DROP EXPRESSION %s.%s", obj, cat_quote_ident(a, col));
        break;
    case DIFF_SET_NOT_NULL:
        ag_buf_printf(out, "SET NOT NULL %s.%s", obj, cat_quote_ident(a, col));
        break;
    case DIFF_DROP_NOT_NULL:
        ag_buf_printf(out, "DROP NOT NULL %s.%s", obj, cat_quote_ident(a, col));
        break;
    case DIFF_BACKFILL:
        ag_buf_printf(out, "UPDATE %s SET %s", obj, cat_quote_ident(a, col));
        break;
    case DIFF_ADD_IDENTITY:
        ag_buf_printf(out, "ADD IDENTITY %s.%s", obj, cat_quote_ident(a, col));
        break;
    case DIFF_DROP_IDENTITY:
        ag_buf_printf(out, "DROP IDENTITY %s.%s", obj, cat_quote_ident(a, col));
        break;
    case DIFF_ALTER_IDENTITY:
        ag_buf_printf(out, "SET IDENTITY OPTIONS %s.%s", obj, cat_quote_ident(a, col));
        break;
    case DIFF_ADD_CONSTRAINT:
        ag_buf_printf(out, "ADD CONSTRAINT %s ON %s", cat_quote_ident(a, st->con->name), obj);
        break;
    case DIFF_DROP_CONSTRAINT:
        ag_buf_printf(out, "DROP CONSTRAINT %s ON %s", cat_quote_ident(a, st->con->name), obj);
        break;
    case DIFF_VALIDATE_CONSTRAINT:
        ag_buf_printf(out, "VALIDATE CONSTRAINT %s ON %s", cat_quote_ident(a, st->con->name), obj);
        break;
    case DIFF_CREATE_INDEX: {
        const CatIndex *ix = (const CatIndex *) st->obj;
        ag_buf_printf(out, "CREATE INDEX %s ON %s", cat_quote_ident(a, ix->obj.name),
                      qn(a, ix->obj.schema, ix->table));
        break;
    }
    case DIFF_DROP_INDEX:
        ag_buf_printf(out, "DROP INDEX %s", obj);
        break;
    case DIFF_CREATE_FUNCTION:
    case DIFF_REPLACE_FUNCTION:
    case DIFF_DROP_FUNCTION:
    case DIFF_CREATE_TRIGGER:
    case DIFF_DROP_TRIGGER:
    case DIFF_TRIGGER_STATE:
        emit_function_label(out, a, st);
        break;
    case DIFF_CREATE_VIEW:
    case DIFF_REPLACE_VIEW:
    case DIFF_DROP_VIEW:
        emit_view_label(out, a, st);
        break;
    case DIFF_STEP_KIND_COUNT:
        AG_UNREACHABLE();
    }
}

static void
hazard_line(AgBuf *out, AgArena *a, const DiffStep *st, DiffHazard h)
{
    ag_buf_printf(out, "%s: ", diff_hazard_name(h));
    emit_step_label(out, a, st);
    if (h == DIFF_HAZARD_DATA_LOSS && st->kind == DIFF_ALTER_COLUMN_TYPE)
        ag_buf_puts(out, st->using == DIFF_USING_TEXT_CAST
                             ? " (rows holding a removed value fail the conversion)"
                             : " (values may be rounded or cut)");
}

/* One summary line: a line break inside a value (an enum label, a default, a comment)
 * prints as \n, so every change stays on one line (a value's own backslashes are
 * doubled by the E'' literals, so \n cannot be read two ways). */
static void
put_line(AgBuf *out, AgBuf *line)
{
    for (size_t i = 0; i < line->len; i++) {
        char ch = line->data[i];
        if (ch == '\n' || ch == '\r')
            ag_buf_puts(out, ch == '\n' ? "\\n" : "\\r");
        else
            ag_buf_putc(out, ch);
    }
    ag_buf_putc(out, '\n');
    ag_buf_reset(line);
}

void
emit_summary(AgBuf *out, const DiffChangeset *cs)
{
    AgArena a;
    ag_arena_init(&a);
    AgBuf line;
    ag_buf_init(&line);
    for (uint32_t i = 0; i < cs->nchanges; i++) {
        emit_change_line(&line, &a, cs, &cs->changes[i]);
        put_line(out, &line);
    }
    for (uint32_t i = 0; i < cs->nsteps; i++)
        for (int h = 0; h < DIFF_HAZARD_COUNT; h++)
            if (cs->steps[i].hazards & DIFF_HAZARD_BIT(h)) {
                ag_buf_puts(&line, "hazard: ");
                hazard_line(&line, &a, &cs->steps[i], (DiffHazard) h);
                put_line(out, &line);
            }
    for (uint32_t i = 0; i < cs->nsteps; i++)
        if (cs->steps[i].review != DIFF_REVIEW_NONE) {
            ag_buf_puts(&line, "review: ");
            emit_step_review(&line, &a, &cs->steps[i]);
            put_line(out, &line);
        }
    if (cs->has_cycle) {
        ag_buf_puts(out, "error: dependency cycle: these steps could not be ordered:");
        for (uint32_t i = cs->cycle_from; i < cs->nsteps; i++) {
            ag_buf_puts(out, i == cs->cycle_from ? " " : ", ");
            emit_step_label(out, &a, &cs->steps[i]);
        }
        ag_buf_putc(out, '\n');
    }
    ag_buf_free(&line);
    ag_arena_free(&a);
}

void
emit_json(AgBuf *out, const DiffChangeset *cs)
{
    AgArena a;
    ag_arena_init(&a);
    AgBuf b;
    ag_buf_init(&b);
    cJSON *root = cJSON_CreateArray();
    for (uint32_t i = 0; i < cs->nchanges; i++) {
        const DiffChange *ch = &cs->changes[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "op", op_name[ch->op]);
        cJSON_AddStringToObject(o, "kind", diff_obj_kind_name(ch->kind));
        ag_buf_reset(&b);
        object_name(&b, &a, ch);
        cJSON_AddStringToObject(o, "object", ag_buf_cstr(&b));
        ag_buf_reset(&b);
        emit_change_line(&b, &a, cs, ch);
        cJSON_AddStringToObject(o, "summary", ag_buf_cstr(&b));
        cJSON *sql = cJSON_AddArrayToObject(o, "sql");
        cJSON *hz = cJSON_AddArrayToObject(o, "hazards");
        cJSON *rv = cJSON_AddArrayToObject(o, "review");
        for (uint32_t j = 0; j < ch->nsteps; j++) {
            const DiffStep *st = &cs->steps[ch->steps[j]];
            const char *path = emit_step_search_path(st);
            if (path)
                cJSON_AddItemToArray(
                    sql, cJSON_CreateString(ag_arena_printf(&a, "SET search_path = %s;", path)));
            ag_buf_reset(&b);
            emit_step_sql(&b, &a, st);
            if (b.len && b.data[b.len - 1] == '\n')
                b.data[--b.len] = '\0';
            cJSON_AddItemToArray(sql, cJSON_CreateString(ag_buf_cstr(&b)));
            if (path)
                cJSON_AddItemToArray(sql, cJSON_CreateString("RESET search_path;"));
            for (int h = 0; h < DIFF_HAZARD_COUNT; h++)
                if (st->hazards & DIFF_HAZARD_BIT(h)) {
                    ag_buf_reset(&b);
                    hazard_line(&b, &a, st, (DiffHazard) h);
                    cJSON_AddItemToArray(hz, cJSON_CreateString(ag_buf_cstr(&b)));
                }
            if (st->review != DIFF_REVIEW_NONE) {
                ag_buf_reset(&b);
                emit_step_review(&b, &a, st);
                cJSON_AddItemToArray(rv, cJSON_CreateString(ag_buf_cstr(&b)));
            }
        }
        cJSON_AddItemToArray(root, o);
    }
    /* Printed into our buffer, then cJSON's memory is released. */
    char *text = cJSON_Print(root);
    if (text) {
        ag_buf_puts(out, text);
        ag_buf_putc(out, '\n');
        cJSON_free(text);
    }
    cJSON_Delete(root);
    ag_buf_free(&b);
    ag_arena_free(&a);
}

/*
 * catalog/canon_stmt.c: canonical forms of whole statements and of function argument
 * lists, so that a model's CREATE TRIGGER and what pg_get_triggerdef prints (with
 * search_path = '') come out as the same string when they mean the same trigger.
 *
 * cat_canon_stmt parses the statement with libpg_query, qualifies unqualified relation
 * and function names with the default schema (the server prints them qualified), runs
 * the expression rules of cat_canon_expr over the expressions inside (a trigger's WHEN),
 * drops OR REPLACE (a way to create, not a property) and deparses.
 * Trigger functions that live in pg_catalog (suppress_redundant_updates_trigger, ...)
 * are printed unqualified by the server and by us.
 * Not here: lone expressions (canon.c), types (canon_type.c), talking to a database.
 */
#include <string.h>

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include "catalog/canon_internal.h"
#include "catalog/catalog.h"

/* Trigger functions of pg_catalog: pg_get_triggerdef prints them unqualified. */
static const char *const catalog_trigger_functions[] = {
    "suppress_redundant_updates_trigger",
    "tsvector_update_trigger",
    "tsvector_update_trigger_column",
    "unique_key_recheck",
};

static bool
is_catalog_trigger_function(const char *name)
{
    for (size_t i = 0; i < ARRAY_LEN(catalog_trigger_functions); i++)
        if (strcmp(name, catalog_trigger_functions[i]) == 0)
            return true;
    return strncmp(name, "RI_FKey_", 8) == 0;
}

static PgQuery__Node *
string_node(AgArena *a, const char *s)
{
    PgQuery__String *str = ag_arena_alloc(a, sizeof(*str));
    pg_query__string__init(str);
    str->sval = ag_arena_strdup(a, s);
    PgQuery__Node *n = ag_arena_alloc(a, sizeof(*n));
    pg_query__node__init(n);
    n->node_case = PG_QUERY__NODE__NODE_STRING;
    n->string = str;
    return n;
}

static void
qualify_rangevar(PgQuery__RangeVar *rv, AgArena *a, const char *schema)
{
    if (rv && (!rv->schemaname || !*rv->schemaname))
        rv->schemaname = ag_arena_strdup(a, schema);
}

/* funcname as [schema, name]: unqualified names take schema; catalog trigger
 * functions lose any pg_catalog qualification. */
static void
qualify_funcname(PgQuery__Node ***names, size_t *n, AgArena *a, const char *schema)
{
    if (*n == 0)
        return;
    const PgQuery__Node *last = (*names)[*n - 1];
    const char *fname = last->node_case == PG_QUERY__NODE__NODE_STRING ? last->string->sval : "";
    if (is_catalog_trigger_function(fname)) {
        if (*n == 2) {
            (*names)[0] = (*names)[1];
            *n = 1;
        }
        return;
    }
    if (*n != 1)
        return;
    PgQuery__Node **two = ag_arena_alloc(a, sizeof(PgQuery__Node *) * 2);
    two[0] = string_node(a, schema);
    two[1] = (*names)[0];
    *names = two;
    *n = 2;
}

static void
canon_trigger(AgArena *a, PgQuery__CreateTrigStmt *t, const char *schema)
{
    t->replace = false;
    qualify_rangevar(t->relation, a, schema);
    qualify_rangevar(t->constrrel, a, schema);
    qualify_funcname(&t->funcname, &t->n_funcname, a, schema);
    if (t->when_clause)
        cat_canon_norm_node(a, t->when_clause);
}

/* See catalog.h. */
const char *
cat_canon_stmt(AgArena *arena, const char *sql, const char *default_schema)
{
    if (!sql)
        return NULL;
    PgQueryProtobufParseResult parsed = pg_query_parse_protobuf(sql);
    if (parsed.error) {
        pg_query_free_protobuf_parse_result(parsed);
        return NULL;
    }
    AgArena scratch;
    ag_arena_init(&scratch);
    ProtobufCAllocator alloc = cat_canon_allocator(&scratch);
    PgQuery__ParseResult *pr = pg_query__parse_result__unpack(
        &alloc, parsed.parse_tree.len, (const uint8_t *) parsed.parse_tree.data);
    /* The protobuf bytes were copied into the unpacked tree (in scratch). */
    pg_query_free_protobuf_parse_result(parsed);
    const char *result = NULL;
    if (pr && pr->n_stmts == 1 && pr->stmts[0]->stmt) {
        PgQuery__Node *st = pr->stmts[0]->stmt;
        pr->stmts[0]->stmt_location = 0;
        pr->stmts[0]->stmt_len = 0;
        if (st->node_case == PG_QUERY__NODE__NODE_CREATE_TRIG_STMT)
            canon_trigger(&scratch, st->create_trig_stmt, default_schema);
        size_t size = pg_query__parse_result__get_packed_size(pr);
        uint8_t *packed = ag_arena_alloc(&scratch, size ? size : 1);
        pg_query__parse_result__pack(pr, packed);
        PgQueryProtobuf pb = {.len = size, .data = (char *) packed};
        PgQueryDeparseResult dep = pg_query_deparse_protobuf(pb);
        if (!dep.error && dep.query)
            result = ag_arena_strdup(arena, dep.query); /* copied out before the free */
        pg_query_free_deparse_result(dep);
    }
    ag_arena_free(&scratch);
    return result;
}

/* ---- function argument lists ------------------------------------------------------- */

/* Length of the top-level item starting at s (up to a comma outside quotes and
 * parentheses, or the end). */
static size_t
item_len(const char *s)
{
    int depth = 0;
    size_t i = 0;
    while (s[i]) {
        char c = s[i];
        if (c == '\'' || c == '"') {
            i++;
            while (s[i] && !(s[i] == c && s[i + 1] != c)) {
                if (s[i] == c)
                    i++; /* doubled quote */
                i++;
            }
            if (s[i])
                i++;
            continue;
        }
        if (c == '(' || c == '[')
            depth++;
        else if ((c == ')' || c == ']') && depth > 0)
            depth--;
        else if (c == ',' && depth == 0)
            break;
        i++;
    }
    return i;
}

/* Offset of the top-level " DEFAULT " in item[0..len), or len when none. */
static size_t
default_at(const char *item, size_t len)
{
    int depth = 0;
    for (size_t i = 0; i < len; i++) {
        char c = item[i];
        if (c == '"' || c == '\'') {
            i++;
            while (i < len && item[i] != c)
                i++;
            continue;
        }
        if (c == '(')
            depth++;
        else if (c == ')')
            depth--;
        else if (depth == 0 && c == ' ' && len - i >= 9 && strncmp(item + i, " DEFAULT ", 9) == 0)
            return i;
    }
    return len;
}

/* See catalog.h. */
const char *
cat_canon_func_args(AgArena *arena, const char *args)
{
    if (!args)
        return NULL;
    AgBuf b;
    ag_buf_init(&b);
    const char *p = args;
    bool first = true;
    while (*p) {
        while (*p == ' ')
            p++;
        size_t n = item_len(p);
        size_t d = default_at(p, n);
        if (!first)
            ag_buf_puts(&b, ", ");
        first = false;
        ag_buf_putn(&b, p, d);
        if (d < n) {
            char *expr = ag_arena_strndup(arena, p + d + 9, n - d - 9);
            const char *canon = cat_canon_expr(arena, expr);
            ag_buf_printf(&b, " DEFAULT %s", canon ? canon : expr);
        }
        p += n;
        if (*p == ',')
            p++;
    }
    const char *r = ag_arena_strdup(arena, ag_buf_cstr(&b));
    ag_buf_free(&b);
    return r;
}

/*
 * parser/do_block.c: DDL inside DO blocks. Some schemas create objects from a DO block
 * (temporal's schema creates its extension that way, guarded by an IF NOT EXISTS test).
 * The block's PL/pgSQL is parsed with libpg_query; every plain SQL statement in it
 * (PLpgSQL_stmt_execsql, at any depth, in every branch) is taken as a model statement,
 * with a warning that the conditions around it are not evaluated. Dynamic SQL (EXECUTE
 * of a string) cannot be known and gets a warning.
 * Not here: running anything; PL/pgSQL function bodies (function.c keeps them as text).
 */
#include <cjson/cJSON.h>
#include <pg_query.h>
#include <string.h>

#include "parser/internal.h"

typedef struct DoWalk {
    PrsContext *ctx;
    AgLoc at;         /* the DO statement */
    uint32_t nsql;    /* statements taken */
    uint32_t ndynamic; /* EXECUTE '...' seen */
    const char **sql;
    uint32_t *lines;  /* lineno inside the block (1 = the block's first line) */
    uint32_t cap;
} DoWalk;

static void
collect(DoWalk *w, const cJSON *j)
{
    if (cJSON_IsArray(j)) {
        const cJSON *e;
        cJSON_ArrayForEach(e, j) collect(w, e);
        return;
    }
    if (!cJSON_IsObject(j))
        return;
    const cJSON *exec = cJSON_GetObjectItemCaseSensitive(j, "PLpgSQL_stmt_execsql");
    if (exec) {
        const cJSON *q = cJSON_GetObjectItemCaseSensitive(
            cJSON_GetObjectItemCaseSensitive(
                cJSON_GetObjectItemCaseSensitive(exec, "sqlstmt"), "PLpgSQL_expr"),
            "query");
        const cJSON *ln = cJSON_GetObjectItemCaseSensitive(exec, "lineno");
        if (cJSON_IsString(q) && q->valuestring) {
            if (w->nsql == w->cap) {
                uint32_t cap = w->cap ? w->cap * 2 : 8;
                const char **sql = ag_arena_alloc(w->ctx->tmp, sizeof(char *) * cap);
                uint32_t *lines = ag_arena_alloc(w->ctx->tmp, sizeof(uint32_t) * cap);
                if (w->nsql) {
                    memcpy(sql, w->sql, sizeof(char *) * w->nsql);
                    memcpy(lines, w->lines, sizeof(uint32_t) * w->nsql);
                }
                w->sql = sql;
                w->lines = lines;
                w->cap = cap;
            }
            w->sql[w->nsql] = ag_arena_strdup(w->ctx->tmp, q->valuestring);
            w->lines[w->nsql++] = cJSON_IsNumber(ln) ? (uint32_t) ln->valueint : 1;
        }
        return;
    }
    if (cJSON_GetObjectItemCaseSensitive(j, "PLpgSQL_stmt_dynexecute"))
        w->ndynamic++;
    const cJSON *e;
    cJSON_ArrayForEach(e, j) collect(w, e);
}

void
prs_do_block(PrsContext *ctx, const PgQuery__DoStmt *ds, int32_t loc)
{
    AgLoc here = prs_loc_from_offset(ctx, loc);
    const char *body = NULL, *language = "plpgsql";
    for (size_t i = 0; i < ds->n_args; i++) {
        const PrsNode *a = ds->args[i];
        if (a->node_case != PG_QUERY__NODE__NODE_DEF_ELEM || !a->def_elem->defname)
            continue;
        const char *v = a->def_elem->arg ? prs_str(a->def_elem->arg) : NULL;
        if (strcmp(a->def_elem->defname, "as") == 0)
            body = v;
        else if (strcmp(a->def_elem->defname, "language") == 0 && v)
            language = v;
    }
    if (!body || strcmp(language, "plpgsql") != 0) {
        ag_diag_warning(ctx->diag, here, "autogen does not run DO blocks in %s: ignored",
                        language);
        return;
    }
    /* libpg_query parses PL/pgSQL as a function body: wrap the block in one. A body that
     * holds the delimiter cannot be wrapped; it is reported like any unknown block. */
    const char *delim = "$autogen_do_block$";
    if (strstr(body, delim)) {
        ag_diag_warning(ctx->diag, here, "autogen cannot read this DO block: ignored");
        return;
    }
    char *wrapped = ag_arena_printf(ctx->tmp,
                                    "CREATE FUNCTION autogen_do() RETURNS void LANGUAGE plpgsql "
                                    "AS %s%s%s",
                                    delim, body, delim);
    PgQueryPlpgsqlParseResult r = pg_query_parse_plpgsql(wrapped);
    if (r.error) {
        ag_diag_warning(ctx->diag, here, "autogen cannot read this DO block (%s): ignored",
                        r.error->message);
        pg_query_free_plpgsql_parse_result(r);
        return;
    }
    cJSON *json = cJSON_Parse(r.plpgsql_funcs);
    /* The JSON text is no longer needed once parsed. */
    pg_query_free_plpgsql_parse_result(r);
    if (!json) {
        ag_diag_warning(ctx->diag, here, "autogen cannot read this DO block: ignored");
        return;
    }
    DoWalk w = {.ctx = ctx, .at = here};
    collect(&w, json);
    cJSON_Delete(json);
    if (w.ndynamic)
        ag_diag_warning(ctx->diag, here,
                        "this DO block runs dynamic SQL (EXECUTE), which autogen cannot see: "
                        "objects it creates are not part of the model");
    if (w.nsql == 0) {
        if (!w.ndynamic)
            ag_diag_warning(ctx->diag, here, "this DO block holds no DDL: ignored");
        return;
    }
    ag_diag_warning(ctx->diag, here,
                    "the DDL inside this DO block is taken as part of the model; the block's "
                    "conditions are not evaluated");
    /* The block's line 1 is the line the body starts on, which is the DO line unless the
     * body opens with a newline; the statement's own line is close enough for messages. */
    for (uint32_t i = 0; i < w.nsql; i++)
        prs_parse_nested(ctx, w.sql[i], here.line + (w.lines[i] ? w.lines[i] - 1 : 0), 1);
}

/*
 * parser/table_as.c: CREATE TABLE ... AS query into the catalog.
 *
 * The columns of such a table are whatever the query yields: the parser cannot know
 * them. The table is registered without columns, keeping what follows its name
 * ("(a, b) AS SELECT ...", the query deparsed) and the file's search_path in
 * CatTable.as_query / as_search_path; tier 2 (catalog/introspect_table_as.c) creates
 * it WITH NO DATA on the server and reads the columns back. Without a database the
 * table is created from its query (emit/emit.c), WITH NO DATA.
 * Not here: materialized views (view.c), the rows (a model holds no data).
 */
#include <string.h>

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include "parser/internal.h"


bool
prs_create_table_as(PrsContext *ctx, const PgQuery__CreateTableAsStmt *cs)
{
    if (cs->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || !cs->into || !cs->into->rel ||
        !cs->query)
        return false;
    const PgQuery__RangeVar *rv = cs->into->rel;
    AgLoc loc = prs_stmt_loc(ctx);
    if ((rv->relpersistence && rv->relpersistence[0] == 't') ||
        (rv->schemaname && strcmp(rv->schemaname, "pg_temp") == 0)) {
        ag_diag_warning(ctx->diag, loc, "a temporary table is not part of a schema: ignored");
        return true;
    }
    const char *schema = ag_arena_strdup(
        ctx->arena, rv->schemaname && *rv->schemaname ? rv->schemaname : prs_creation_schema(ctx));
    const char *name = ag_arena_strdup(ctx->arena, rv->relname);
    const PrsNameEntry *prev = prs_names_find(&ctx->st->relations, schema, name);
    if (prev || cat_table_find(ctx->cat, schema, name)) {
        if (cs->if_not_exists)
            return true;
        prs_error_dup(ctx, loc, prev ? prev->loc : loc, "table %s is defined twice",
                      cat_qualified(ctx->tmp, schema, name));
        return true;
    }
    const char *sql = prs_deparse_stmt(ctx, "table's query", cs->query);
    if (!sql)
        return true;
    CatTable *t = (CatTable *) cat_add(ctx->cat, CAT_TABLE, schema, name, loc);
    if (!t)
        return true;
    prs_names_add(&ctx->st->names, &ctx->st->relations, schema, name, loc);
    t->unlogged = rv->relpersistence && rv->relpersistence[0] == 'u';
    AgBuf b;
    ag_buf_init(&b);
    for (size_t i = 0; i < cs->into->n_col_names; i++)
        ag_buf_printf(&b, "%s%s", i ? ", " : "(",
                      cat_quote_ident(ctx->tmp, prs_str(cs->into->col_names[i])));
    ag_buf_printf(&b, "%sAS %s", cs->into->n_col_names ? ") " : "", sql);
    t->as_query = ag_arena_strdup(ctx->arena, ag_buf_cstr(&b));
    ag_buf_reset(&b);
    for (uint32_t i = 0; i < ctx->nsearch_path; i++)
        ag_buf_printf(&b, "%s%s", i ? ", " : "", cat_quote_ident(ctx->tmp, ctx->search_path[i]));
    t->as_search_path = ag_arena_strdup(ctx->arena, b.len ? ag_buf_cstr(&b) : "public");
    ag_buf_free(&b);
    return true;
}

/*
 * catalog/canon_partition.c: canonical forms of a partition key ("RANGE (created_at)", as
 * pg_get_partkeydef prints it) and of a partition bound ("FOR VALUES FROM (...) TO (...)",
 * "DEFAULT", as pg_get_expr(relpartbound) prints it). Both are wrapped in a CREATE TABLE
 * statement, parsed with libpg_query and deparsed, so spacing, keyword case and
 * redundant parentheses cannot make two spellings differ.
 * Not handled here (tier 2, introspect_settle.c): literals the server re-spells in a
 * bound ('2020-01-01' on a timestamp key prints '2020-01-01 00:00:00') and casts it adds
 * inside key expressions.
 * Must not: talk to a database. Only canon*.c may include libpg_query.
 */
#include <stdlib.h>
#include <string.h>

#include <pg_query.h>

#include "catalog/catalog.h"

/* Deparse prefix + sql and return what follows prefix in the result; NULL when the
 * statement does not parse or deparses to something else. */
static const char *
canon_wrapped(AgArena *arena, const char *prefix, const char *sql)
{
    if (!sql)
        return NULL;
    size_t plen = strlen(prefix), len = strlen(sql);
    char *query = ag_xmalloc(plen + len + 1);
    memcpy(query, prefix, plen);
    memcpy(query + plen, sql, len + 1);
    PgQueryProtobufParseResult parsed = pg_query_parse_protobuf(query);
    free(query);
    const char *result = NULL;
    if (!parsed.error) {
        PgQueryDeparseResult dep = pg_query_deparse_protobuf(parsed.parse_tree);
        /* Copied out before the free. */
        if (!dep.error && dep.query && strncmp(dep.query, prefix, plen) == 0)
            result = ag_arena_strdup(arena, dep.query + plen);
        pg_query_free_deparse_result(dep);
    }
    pg_query_free_protobuf_parse_result(parsed);
    return result;
}

const char *
cat_canon_partkey(AgArena *arena, const char *sql)
{
    return canon_wrapped(arena, "CREATE TABLE x () PARTITION BY ", sql);
}

const char *
cat_canon_partbound(AgArena *arena, const char *sql)
{
    return canon_wrapped(arena, "CREATE TABLE x PARTITION OF y ", sql);
}

CatExpr *
cat_partkey_new(AgArena *arena, const char *sql)
{
    const char *canon = cat_canon_partkey(arena, sql);
    if (!canon)
        return NULL;
    CatExpr *e = ag_arena_alloc(arena, sizeof(*e));
    e->sql = ag_arena_strdup(arena, sql);
    e->canon = canon;
    return e;
}

CatExpr *
cat_partbound_new(AgArena *arena, const char *sql)
{
    const char *canon = cat_canon_partbound(arena, sql);
    if (!canon)
        return NULL;
    CatExpr *e = ag_arena_alloc(arena, sizeof(*e));
    e->sql = ag_arena_strdup(arena, sql);
    e->canon = canon;
    return e;
}

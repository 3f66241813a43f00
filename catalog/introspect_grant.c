/*
 * catalog/introspect_grant.c: privileges of tables, views, sequences, functions and
 * schemas (opt-in, CatFilter.grants) into CatObject.grants: one query over aclexplode of
 * relacl, proacl and nspacl. The owner's own entries and default ACLs (NULL) are left
 * out; PUBLIC's EXECUTE on a function is its default and is not listed, its absence from
 * a non-default proacl is ("public=-EXECUTE"). Duplicates from several grantors merge.
 * Not here: the model side (parser/grant.c), comparing (diff/grant.c).
 */
#include <stdlib.h>
#include <string.h>

#include "catalog/introspect.h"

static const AgLoc no_loc = {0};

/* %s: the schema filter, once per branch */
#define GRANTS_QUERY                                                                               \
    "WITH acl AS (\n"                                                                              \
    "  SELECT CASE WHEN c.relkind = 'S' THEN 'q' WHEN c.relkind IN ('v', 'm') THEN 'v'\n"          \
    "              ELSE 't' END AS k,\n"                                                           \
    "         n.nspname::pg_catalog.text AS s, c.relname::pg_catalog.text AS name,\n"              \
    "         a.grantee, a.privilege_type, a.is_grantable\n"                                       \
    "  FROM pg_catalog.pg_class c\n"                                                               \
    "  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"                                 \
    "  CROSS JOIN LATERAL pg_catalog.aclexplode(c.relacl) a\n"                                     \
    "  WHERE c.relacl IS NOT NULL AND c.relkind IN ('r', 'p', 'v', 'm', 'S')\n"                    \
    "    AND a.grantee <> c.relowner\n"                                                            \
    "%s"                                                                                           \
    "  UNION ALL\n"                                                                                \
    "  SELECT 'f', n.nspname::pg_catalog.text,\n"                                                  \
    "         p.proname || '(' || COALESCE((SELECT pg_catalog.string_agg(\n"                       \
    "             pg_catalog.format_type(x.t, NULL), ', ' ORDER BY x.o)\n"                         \
    "           FROM pg_catalog.unnest(p.proargtypes::pg_catalog.oid[])\n"                         \
    "                WITH ORDINALITY AS x(t, o)), '') || ')',\n"                                   \
    "         a.grantee, a.privilege_type, a.is_grantable\n"                                       \
    "  FROM pg_catalog.pg_proc p\n"                                                                \
    "  JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace\n"                                 \
    "  CROSS JOIN LATERAL pg_catalog.aclexplode(p.proacl) a\n"                                     \
    "  WHERE p.proacl IS NOT NULL AND a.grantee <> p.proowner\n"                                   \
    "    AND NOT (a.grantee = 0 AND a.privilege_type = 'EXECUTE' AND NOT a.is_grantable)\n"        \
    "%s"                                                                                           \
    "  UNION ALL\n"                                                                                \
    "  SELECT 'f', n.nspname::pg_catalog.text,\n"                                                  \
    "         p.proname || '(' || COALESCE((SELECT pg_catalog.string_agg(\n"                       \
    "             pg_catalog.format_type(x.t, NULL), ', ' ORDER BY x.o)\n"                         \
    "           FROM pg_catalog.unnest(p.proargtypes::pg_catalog.oid[])\n"                         \
    "                WITH ORDINALITY AS x(t, o)), '') || ')',\n"                                   \
    "         0, '-EXECUTE', false\n"                                                              \
    "  FROM pg_catalog.pg_proc p\n"                                                                \
    "  JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace\n"                                 \
    "  WHERE p.proacl IS NOT NULL AND NOT EXISTS (\n"                                              \
    "    SELECT FROM pg_catalog.aclexplode(p.proacl) e\n"                                          \
    "    WHERE e.grantee = 0 AND e.privilege_type = 'EXECUTE')\n"                                  \
    "%s"                                                                                           \
    "  UNION ALL\n"                                                                                \
    "  SELECT 's', NULL, n.nspname::pg_catalog.text,\n"                                            \
    "         a.grantee, a.privilege_type, a.is_grantable\n"                                       \
    "  FROM pg_catalog.pg_namespace n\n"                                                           \
    "  CROSS JOIN LATERAL pg_catalog.aclexplode(n.nspacl) a\n"                                     \
    "  WHERE n.nspacl IS NOT NULL AND a.grantee <> n.nspowner\n"                                   \
    "%s"                                                                                           \
    ")\n"                                                                                          \
    "SELECT DISTINCT k, s, name,\n"                                                                \
    "       CASE WHEN grantee = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(grantee) END\n"    \
    "       || '=' || privilege_type || CASE WHEN is_grantable THEN '*' ELSE '' END AS g\n"        \
    "FROM acl\n"                                                                                   \
    "ORDER BY 1, 2, 3, 4"

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

static CatKind
kind_of(char k)
{
    switch (k) {
    case 'q':
        return CAT_SEQUENCE;
    case 'v':
        return CAT_VIEW;
    case 'f':
        return CAT_FUNCTION;
    case 's':
        return CAT_SCHEMA;
    default:
        return CAT_TABLE;
    }
}

/* "PRIV" becomes "PRIV*" when both are present (several grantors). */
static void
add_grant(AgArena *a, CatObject *o, const char *g)
{
    for (uint32_t i = 0; i < o->ngrants; i++) {
        size_t n = strlen(o->grants[i]);
        if (strcmp(o->grants[i], g) == 0)
            return;
        if (strncmp(o->grants[i], g, n) == 0 && strcmp(g + n, "*") == 0) {
            o->grants[i] = ag_arena_strdup(a, g);
            return;
        }
        if (strncmp(o->grants[i], g, strlen(g)) == 0 && strcmp(o->grants[i] + strlen(g), "*") == 0)
            return;
    }
    const char **v = ag_arena_alloc(a, (o->ngrants + 1) * sizeof(char *));
    if (o->ngrants)
        memcpy(v, o->grants, o->ngrants * sizeof(char *));
    v[o->ngrants++] = ag_arena_strdup(a, g);
    o->grants = v;
}

bool
cat_load_grants(Catalog *cat, PGconn *conn, const char *schema_filter, AgDiag *diag)
{
    char *sql = ag_arena_printf(cat->arena, GRANTS_QUERY, schema_filter, schema_filter,
                                schema_filter, schema_filter);
    PGresult *res = PQexec(conn, sql);
    if (!res || PQresultStatus(res) != PGRES_TUPLES_OK) {
        const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
        if (!msg || !*msg)
            msg = PQerrorMessage(conn);
        ag_diag_error(diag, no_loc, "query failed: %.*s", (int) strcspn(msg, "\n"), msg);
        ag_diag_detail(diag, "query was: %s", sql);
        PQclear(res);
        return false;
    }
    for (int r = 0; r < PQntuples(res); r++) {
        CatKind kind = kind_of(PQgetvalue(res, r, 0)[0]);
        const char *schema = PQgetisnull(res, r, 1) ? NULL : PQgetvalue(res, r, 1);
        CatObject *o = cat_find(cat, kind, schema, PQgetvalue(res, r, 2));
        if (o) /* else an object autogen leaves alone (an extension's, an aggregate...) */
            add_grant(cat->arena, o, PQgetvalue(res, r, 3));
    }
    PQclear(res);
    for (uint32_t i = 0; i < cat->nobjects; i++)
        if (cat->objects[i]->ngrants > 1)
            qsort(cat->objects[i]->grants, cat->objects[i]->ngrants, sizeof(char *), cmp_str);
    return true;
}

/*
 * emit/grant.c: GRANT / REVOKE statements of DIFF_GRANT steps, one privilege and one
 * grantee each. "public=-EXECUTE" (PUBLIC's default EXECUTE on a function revoked) is
 * inverted: adding it is a REVOKE, removing it a GRANT.
 */
#include <string.h>

#include "emit/emit.h"

static const char *
target(AgArena *a, const CatObject *o)
{
    switch (o->kind) {
    case CAT_SCHEMA:
        return ag_arena_printf(a, "SCHEMA %s", cat_quote_ident(a, o->name));
    case CAT_SEQUENCE:
        return ag_arena_printf(a, "SEQUENCE %s", cat_qualified(a, o->schema, o->name));
    case CAT_FUNCTION:
        return ag_arena_printf(a, "%s %s",
                               ((const CatFunction *) o)->is_procedure ? "PROCEDURE" : "FUNCTION",
                               emit_function_name(a, o));
    case CAT_TABLE:
    case CAT_VIEW:
    case CAT_EXTENSION:
    case CAT_ENUM:
    case CAT_INDEX:
    case CAT_DOMAIN:
    case CAT_COMPOSITE:
    case CAT_KIND_COUNT:
        break;
    }
    return ag_arena_printf(a, "TABLE %s", cat_qualified(a, o->schema, o->name));
}

void
emit_grant_sql(AgBuf *out, AgArena *a, const DiffStep *st)
{
    const char *eq = strrchr(st->grant, '=');
    if (!eq)
        return;
    const char *grantee = ag_arena_printf(a, "%.*s", (int) (eq - st->grant), st->grant);
    const char *priv = eq + 1;
    bool revoke = st->revoke;
    if (*priv == '-') { /* an absence of PUBLIC's default */
        priv++;
        revoke = !revoke;
    }
    size_t plen = strlen(priv);
    bool option = plen > 0 && priv[plen - 1] == '*';
    if (option)
        plen--;
    const char *who = strcmp(grantee, "public") == 0 ? "PUBLIC" : cat_quote_ident(a, grantee);
    if (revoke)
        ag_buf_printf(out, "REVOKE %.*s ON %s FROM %s;\n", (int) plen, priv, target(a, st->obj),
                      who);
    else
        ag_buf_printf(out, "GRANT %.*s ON %s TO %s%s;\n", (int) plen, priv, target(a, st->obj), who,
                      option ? " WITH GRANT OPTION" : "");
}

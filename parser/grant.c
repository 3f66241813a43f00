/*
 * parser/grant.c: GRANT / REVOKE on tables, views, sequences, functions and procedures,
 * and schemas -> CatObject.grants, applied in file order. Opt-in (Catalog.grants); when
 * off the statements are ignored as before. The list holds explicit privileges of roles
 * other than the owner: "grantee=PRIVILEGE" with '*' appended for WITH GRANT OPTION,
 * grantee "public" for PUBLIC. PUBLIC's default EXECUTE on functions is not listed; its
 * revocation is, as "public=-EXECUTE". Column privileges and ALTER DEFAULT PRIVILEGES
 * are not managed (a warning). Not here: reading ACLs from a database
 * (catalog/introspect_grant.c), diffing them (diff/grant.c).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "parser/internal.h"

static const char *const table_all[] = {"DELETE",  "INSERT",   "REFERENCES", "SELECT",
                                        "TRIGGER", "TRUNCATE", "UPDATE"};
static const char *const seq_all[] = {"SELECT", "UPDATE", "USAGE"};
static const char *const func_all[] = {"EXECUTE"};
static const char *const schema_all[] = {"CREATE", "USAGE"};

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* Index of the entry "grantee=priv" or "grantee=priv*" in o's list; -1 when none. */
static int
find_entry(const CatObject *o, const char *grantee, const char *priv)
{
    size_t gl = strlen(grantee), pl = strlen(priv);
    for (uint32_t i = 0; i < o->ngrants; i++) {
        const char *e = o->grants[i];
        if (strncmp(e, grantee, gl) == 0 && e[gl] == '=' && strncmp(e + gl + 1, priv, pl) == 0 &&
            (e[gl + 1 + pl] == '\0' || (e[gl + 1 + pl] == '*' && e[gl + 2 + pl] == '\0')))
            return (int) i;
    }
    return -1;
}

static void
remove_entry(CatObject *o, int i)
{
    memmove(&o->grants[i], &o->grants[i + 1], (o->ngrants - (uint32_t) i - 1) * sizeof(char *));
    o->ngrants--;
}

static void
add_entry(PrsContext *ctx, CatObject *o, const char *entry)
{
    const char **v = ag_arena_alloc(ctx->arena, (o->ngrants + 1) * sizeof(char *));
    if (o->ngrants)
        memcpy(v, o->grants, o->ngrants * sizeof(char *));
    v[o->ngrants++] = ag_arena_strdup(ctx->arena, entry);
    o->grants = v;
    qsort(o->grants, o->ngrants, sizeof(char *), cmp_str);
}

/* Apply one privilege for one grantee to o. */
static void
apply(PrsContext *ctx, CatObject *o, const PgQuery__GrantStmt *gs, const char *grantee,
      const char *priv)
{
    bool public_exec =
        o->kind == CAT_FUNCTION && strcmp(grantee, "public") == 0 && strcmp(priv, "EXECUTE") == 0;
    int i = find_entry(o, grantee, priv);
    if (public_exec) {
        int r = find_entry(o, "public", "-EXECUTE");
        if (gs->is_grant && r >= 0)
            remove_entry(o, r);
        if (!gs->is_grant && !gs->grant_option && r < 0)
            add_entry(ctx, o, "public=-EXECUTE");
        if (gs->is_grant && !gs->grant_option)
            return; /* PUBLIC's default */
    }
    bool had_option = i >= 0 && o->grants[i][strlen(o->grants[i]) - 1] == '*';
    if (gs->is_grant) {
        if (i >= 0)
            remove_entry(o, i);
        add_entry(ctx, o,
                  ag_arena_printf(ctx->tmp, "%s=%s%s", grantee, priv,
                                  gs->grant_option || had_option ? "*" : ""));
        return;
    }
    if (i < 0)
        return;
    remove_entry(o, i);
    if (gs->grant_option) /* REVOKE GRANT OPTION FOR: the privilege stays */
        add_entry(ctx, o, ag_arena_printf(ctx->tmp, "%s=%s", grantee, priv));
}

static void
apply_all(PrsContext *ctx, CatObject *o, const PgQuery__GrantStmt *gs, AgLoc loc)
{
    const char *const *all = table_all;
    size_t nall = ARRAY_LEN(table_all);
    if (o->kind == CAT_SEQUENCE) {
        all = seq_all;
        nall = ARRAY_LEN(seq_all);
    } else if (o->kind == CAT_FUNCTION) {
        all = func_all;
        nall = ARRAY_LEN(func_all);
    } else if (o->kind == CAT_SCHEMA) {
        all = schema_all;
        nall = ARRAY_LEN(schema_all);
    }
    for (size_t g = 0; g < gs->n_grantees; g++) {
        const PrsNode *gn = gs->grantees[g];
        if (gn->node_case != PG_QUERY__NODE__NODE_ROLE_SPEC)
            continue;
        const PgQuery__RoleSpec *rs = gn->role_spec;
        const char *grantee = NULL;
        if (rs->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC)
            grantee = "public";
        else if (rs->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING)
            grantee = rs->rolename;
        if (!grantee) {
            ag_diag_warning(ctx->diag, loc,
                            "GRANT / REVOKE to CURRENT_USER or SESSION_USER is not managed");
            continue;
        }
        if (gs->n_privileges == 0) {
            for (size_t k = 0; k < nall; k++)
                apply(ctx, o, gs, grantee, all[k]);
            continue;
        }
        for (size_t p = 0; p < gs->n_privileges; p++) {
            const PrsNode *pn = gs->privileges[p];
            if (pn->node_case != PG_QUERY__NODE__NODE_ACCESS_PRIV)
                continue;
            const PgQuery__AccessPriv *ap = pn->access_priv;
            if (ap->n_cols > 0) {
                ag_diag_warning(ctx->diag, loc, "column privileges are not managed: ignored");
                continue;
            }
            if (!ap->priv_name || !*ap->priv_name) {
                for (size_t k = 0; k < nall; k++)
                    apply(ctx, o, gs, grantee, all[k]);
                continue;
            }
            char *up = ag_arena_strdup(ctx->tmp, ap->priv_name);
            for (char *q = up; *q; q++)
                *q = (char) toupper((unsigned char) *q);
            apply(ctx, o, gs, grantee, up);
        }
    }
}

/* A relation named by a GRANT ... ON [TABLE | SEQUENCE]: table, view or sequence. */
static CatObject *
find_relation(PrsContext *ctx, const PgQuery__RangeVar *rv)
{
    const char *schema =
        prs_rel_schema(ctx, rv->schemaname && *rv->schemaname ? rv->schemaname : NULL, rv->relname);
    CatObject *o = cat_find(ctx->cat, CAT_TABLE, schema, rv->relname);
    if (!o)
        o = cat_find(ctx->cat, CAT_VIEW, schema, rv->relname);
    if (!o)
        o = cat_find(ctx->cat, CAT_SEQUENCE, schema, rv->relname);
    return o;
}

static bool
in_schema_matches(const CatObject *o, PgQuery__ObjectType t)
{
    switch (t) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        return o->kind == CAT_TABLE || o->kind == CAT_VIEW;
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
        return o->kind == CAT_SEQUENCE;
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
        return o->kind == CAT_FUNCTION && !((const CatFunction *) o)->is_procedure &&
               !((const CatFunction *) o)->aggregate;
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
        return o->kind == CAT_FUNCTION && ((const CatFunction *) o)->is_procedure;
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:
        return o->kind == CAT_FUNCTION && !((const CatFunction *) o)->aggregate;
    default:
        return false;
    }
}

void
prs_grant(PrsContext *ctx, const PgQuery__GrantStmt *gs, int32_t at)
{
    if (!ctx->cat->grants)
        return; /* privileges are managed elsewhere (the default) */
    AgLoc loc = prs_loc_from_offset(ctx, at);
    if (gs->targtype == PG_QUERY__GRANT_TARGET_TYPE__ACL_TARGET_ALL_IN_SCHEMA) {
        for (size_t i = 0; i < gs->n_objects; i++) {
            const char *schema = prs_str(gs->objects[i]);
            for (uint32_t k = 0; schema && k < ctx->cat->nobjects; k++) {
                CatObject *o = ctx->cat->objects[k];
                if (ag_streq(o->schema, schema) && in_schema_matches(o, gs->objtype))
                    apply_all(ctx, o, gs, loc);
            }
        }
        return;
    }
    if (gs->targtype != PG_QUERY__GRANT_TARGET_TYPE__ACL_TARGET_OBJECT)
        return;
    for (size_t i = 0; i < gs->n_objects; i++) {
        const PrsNode *n = gs->objects[i];
        CatObject *o = NULL;
        const char *what = "?";
        switch (gs->objtype) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
            if (n->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
                o = find_relation(ctx, n->range_var);
                what = n->range_var->relname;
            }
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
        case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:
            if (n->node_case == PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS) {
                o = prs_function_find(ctx, n->object_with_args);
                what = prs_dotted(ctx->tmp, n->object_with_args->objname,
                                  n->object_with_args->n_objname);
            }
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
            what = prs_str(n);
            o = what ? cat_find(ctx->cat, CAT_SCHEMA, NULL, what) : NULL;
            if (!o && what && strcmp(what, "public") == 0)
                return; /* the public schema is not an object of the model */
            break;
        default:
            return; /* types, domains, languages, databases...: not managed */
        }
        if (!o) {
            if (prs_defer(ctx))
                return;
            ag_diag_warning(ctx->diag, loc, "%s on %s: not an object of the model, ignored",
                            gs->is_grant ? "GRANT" : "REVOKE", what ? what : "?");
            continue;
        }
        apply_all(ctx, o, gs, loc);
    }
}

/*
 * parser/types.c: domains and composite types. CREATE DOMAIN, ALTER DOMAIN (what pg_dump
 * writes: ADD CONSTRAINT [NOT VALID], and SET/DROP DEFAULT, SET/DROP NOT NULL, DROP and
 * VALIDATE CONSTRAINT), CREATE TYPE ... AS (attributes), ALTER TYPE ADD/DROP/ALTER
 * ATTRIBUTE, and the comments on them (COMMENT ON DOMAIN / TYPE / CONSTRAINT ... ON
 * DOMAIN / COLUMN of a composite type).
 * Both kinds also take their name in PrsState.types, so that column types naming them
 * resolve through the search path as enums do (util.c), and a composite type takes its
 * name among the relations too (it has a pg_class row).
 * Not here: enums (objects.c), canonical forms (catalog/).
 */
#include <string.h>

#include "parser/internal.h"

/* schema and name of a qualified name list; schema NULL when unqualified. */
static bool
split_name(PrsNode **items, size_t n, const char **schema, const char **name)
{
    if (n == 0 || n > 3)
        return false;
    *name = prs_str(items[n - 1]);
    *schema = n > 1 ? prs_str(items[n - 2]) : NULL;
    return *name != NULL;
}

/* A model object of kind named by a name list, through the search path when unqualified.
 * *schema_out receives the schema looked in last (the creation schema when not found). */
static CatObject *
find_type(PrsContext *ctx, CatKind kind, PrsNode **items, size_t n, const char **schema_out)
{
    const char *schema, *name;
    *schema_out = NULL;
    if (!split_name(items, n, &schema, &name))
        return NULL;
    if (schema) {
        *schema_out = schema;
        return cat_find(ctx->cat, kind, schema, name);
    }
    for (uint32_t i = 0; i < ctx->nsearch_path; i++) {
        CatObject *o = cat_find(ctx->cat, kind, ctx->search_path[i], name);
        if (o) {
            *schema_out = ctx->search_path[i];
            return o;
        }
    }
    *schema_out = prs_creation_schema(ctx);
    return cat_find(ctx->cat, kind, *schema_out, name);
}

/* A type name is free when no enum, domain, composite or other type of the model has
 * it; otherwise report the duplicate. */
static bool
type_name_free(PrsContext *ctx, const char *schema, const char *name, AgLoc loc)
{
    const CatObject *prev = cat_find(ctx->cat, CAT_ENUM, schema, name);
    const PrsNameEntry *other = prs_names_find(&ctx->st->types, schema, name);
    if (!prev && !other)
        return true;
    prs_error_dup(ctx, loc, prev ? prev->loc : other->loc, "type %s is defined twice",
                  cat_qualified(ctx->tmp, schema, name));
    return false;
}

/* ---- domains ------------------------------------------------------------------------ */

static CatConstraint *
domain_find_con(const CatDomain *d, const char *name)
{
    for (uint32_t i = 0; i < d->nconstraints; i++)
        if (strcmp(d->constraints[i].name, name) == 0)
            return &d->constraints[i];
    return NULL;
}

/* Add a CHECK constraint (CREATE DOMAIN element or ALTER DOMAIN ADD) to d. */
static void
domain_add_check(PrsContext *ctx, CatDomain *d, const PgQuery__Constraint *c, bool in_create)
{
    AgLoc loc = prs_loc_from_offset(ctx, c->location);
    if (c->is_no_inherit) {
        ag_diag_error(ctx->diag, loc, "CHECK constraints for domains cannot be marked NO INHERIT");
        return;
    }
    const char *name;
    if (c->conname && *c->conname) {
        name = ag_arena_strdup(ctx->arena, c->conname);
        if (domain_find_con(d, name)) {
            ag_diag_error(ctx->diag, loc, "constraint \"%s\" for domain %s already exists", name,
                          cat_qualified(ctx->tmp, d->obj.schema, d->obj.name));
            return;
        }
    } else {
        name = prs_choose_name(ctx, d->obj.schema, d->obj.name, NULL, 0, "check",
                               PRS_NAME_CONSTRAINT_ONLY);
    }
    CatExpr *e = prs_expr(ctx, c->raw_expr);
    if (!e)
        return;
    prs_names_add(&ctx->st->names, &ctx->st->constraints, d->obj.schema, name, loc);
    CatConstraint *cons = ag_arena_alloc(ctx->arena, sizeof(CatConstraint) * (d->nconstraints + 1));
    if (d->nconstraints)
        memcpy(cons, d->constraints, sizeof(CatConstraint) * d->nconstraints);
    cons[d->nconstraints] = (CatConstraint){
        .name = name,
        .loc = loc,
        .type = CAT_CON_CHECK,
        .check = e,
        .not_valid = !in_create && c->skip_validation,
    };
    d->constraints = cons;
    d->nconstraints++;
}

/* DEFAULT expr on a domain: none for a bare NULL, as DefineDomain decides. */
static void
domain_set_default(PrsContext *ctx, CatDomain *d, const PrsNode *expr)
{
    if (!expr || prs_is_null_default(ctx, expr, d->type))
        d->default_expr = NULL;
    else
        d->default_expr = prs_expr(ctx, expr);
}

void
prs_create_domain(PrsContext *ctx, const PgQuery__CreateDomainStmt *cd, int32_t at)
{
    AgLoc loc = prs_loc_from_offset(ctx, at);
    const char *schema, *name;
    if (!split_name(cd->domainname, cd->n_domainname, &schema, &name) || !cd->type_name)
        return;
    if (!schema)
        schema = prs_creation_schema(ctx);
    if (!type_name_free(ctx, schema, name, loc))
        return;
    const char *type = prs_type_name(ctx, cd->type_name, NULL);
    if (!type)
        return;
    prs_note_type_use(ctx, cd->type_name, type, loc);
    CatDomain *d = (CatDomain *) cat_add(ctx->cat, CAT_DOMAIN, schema, name, loc);
    if (!d)
        return;
    prs_names_add(&ctx->st->names, &ctx->st->types, schema, name, loc)->obj = d;
    d->type = type;
    prs_collation(ctx, cd->coll_clause, &d->collation, &d->collation_schema);
    bool has_default = false;
    for (size_t i = 0; i < cd->n_constraints; i++) {
        const PrsNode *n = cd->constraints[i];
        if (n->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
            continue;
        const PgQuery__Constraint *c = n->constraint;
        AgLoc cloc = prs_loc_from_offset(ctx, c->location);
        switch (c->contype) {
        case PG_QUERY__CONSTR_TYPE__CONSTR_NULL:
            d->not_null = false;
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
            d->not_null = true;
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
            if (has_default) {
                ag_diag_error(ctx->diag, cloc, "multiple default expressions");
                break;
            }
            has_default = true;
            domain_set_default(ctx, d, c->raw_expr);
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
            domain_add_check(ctx, d, c, true);
            break;
        default:
            ag_diag_error(ctx->diag, cloc,
                          "a domain takes only NOT NULL, NULL, DEFAULT and CHECK constraints");
            break;
        }
    }
}

void
prs_alter_domain(PrsContext *ctx, const PgQuery__AlterDomainStmt *ad, int32_t at)
{
    AgLoc loc = prs_loc_from_offset(ctx, at);
    const char *schema;
    CatDomain *d =
        (CatDomain *) find_type(ctx, CAT_DOMAIN, ad->type_name, ad->n_type_name, &schema);
    if (!d) {
        if (prs_defer(ctx))
            return; /* the domain may come in a later file */
        ag_diag_error(ctx->diag, loc, "domain %s is not defined in the model",
                      prs_dotted(ctx->tmp, ad->type_name, ad->n_type_name));
        return;
    }
    char sub = ad->subtype ? ad->subtype[0] : '\0';
    switch (sub) {
    case 'T': /* SET DEFAULT / DROP DEFAULT */
        domain_set_default(ctx, d, ad->def);
        return;
    case 'N': /* DROP NOT NULL */
        d->not_null = false;
        return;
    case 'O': /* SET NOT NULL */
        d->not_null = true;
        return;
    case 'C': /* ADD CONSTRAINT */
        if (ad->def && ad->def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
            const PgQuery__Constraint *c = ad->def->constraint;
            if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK)
                domain_add_check(ctx, d, c, false);
            else if (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL)
                d->not_null = true;
            else
                ag_diag_error(ctx->diag, loc, "a domain takes only CHECK and NOT NULL constraints");
        }
        return;
    case 'X': { /* DROP CONSTRAINT */
        CatConstraint *c = ad->name ? domain_find_con(d, ad->name) : NULL;
        if (!c) {
            if (!ad->missing_ok)
                ag_diag_error(ctx->diag, loc, "constraint \"%s\" of domain %s does not exist",
                              ad->name ? ad->name : "?",
                              cat_qualified(ctx->tmp, d->obj.schema, d->obj.name));
            return;
        }
        prs_names_remove(&ctx->st->constraints, d->obj.schema, c->name);
        uint32_t k = (uint32_t) (c - d->constraints);
        memmove(c, c + 1, sizeof(CatConstraint) * (d->nconstraints - k - 1));
        d->nconstraints--;
        return;
    }
    case 'V': { /* VALIDATE CONSTRAINT */
        CatConstraint *c = ad->name ? domain_find_con(d, ad->name) : NULL;
        if (!c) {
            ag_diag_error(ctx->diag, loc, "constraint \"%s\" of domain %s does not exist",
                          ad->name ? ad->name : "?",
                          cat_qualified(ctx->tmp, d->obj.schema, d->obj.name));
            return;
        }
        c->not_valid = false;
        return;
    }
    default:
        ag_diag_warning(ctx->diag, loc, "autogen does not manage this ALTER DOMAIN yet: ignored");
        return;
    }
}

/* ---- composite types -------------------------------------------------------------- */

static CatColumn *
composite_find_attr(const CatComposite *ct, const char *name)
{
    for (uint32_t i = 0; i < ct->nattrs; i++)
        if (strcmp(ct->attrs[i].name, name) == 0)
            return &ct->attrs[i];
    return NULL;
}

/* Type and collation of an attribute from its ColumnDef; false when the type is bad. */
static bool
attr_type(PrsContext *ctx, const PgQuery__ColumnDef *cd, CatColumn *col, AgLoc loc)
{
    if (!cd->type_name) {
        ag_diag_error(ctx->diag, loc, "attribute \"%s\" has no type", cd->colname);
        return false;
    }
    col->type = prs_type_name(ctx, cd->type_name, NULL);
    if (!col->type)
        return false;
    prs_note_type_use(ctx, cd->type_name, col->type, loc);
    prs_collation(ctx, cd->coll_clause, &col->collation, &col->collation_schema);
    if (cd->n_constraints)
        ag_diag_error(ctx->diag, loc,
                      "attribute \"%s\": composite type attributes take no "
                      "constraints or defaults",
                      cd->colname);
    return true;
}

static void
composite_add_attr(PrsContext *ctx, CatComposite *ct, const PgQuery__ColumnDef *cd)
{
    AgLoc loc = prs_loc_from_offset(ctx, cd->location);
    if (!cd->colname)
        return;
    const CatColumn *prev = composite_find_attr(ct, cd->colname);
    if (prev) {
        prs_error_dup(ctx, loc, prev->loc, "attribute \"%s\" is defined twice in type %s",
                      cd->colname, cat_qualified(ctx->tmp, ct->obj.schema, ct->obj.name));
        return;
    }
    CatColumn col = {.loc = loc};
    col.name = ag_arena_strdup(ctx->arena, cd->colname);
    if (!attr_type(ctx, cd, &col, loc))
        return;
    CatColumn *attrs = ag_arena_alloc(ctx->arena, sizeof(CatColumn) * (ct->nattrs + 1));
    if (ct->nattrs)
        memcpy(attrs, ct->attrs, sizeof(CatColumn) * ct->nattrs);
    attrs[ct->nattrs++] = col;
    ct->attrs = attrs;
}

void
prs_create_composite(PrsContext *ctx, const PgQuery__CompositeTypeStmt *cs, int32_t at)
{
    AgLoc loc = prs_loc_from_offset(ctx, at);
    const PgQuery__RangeVar *rv = cs->typevar;
    if (!rv || !rv->relname)
        return;
    const char *schema =
        rv->schemaname && *rv->schemaname ? rv->schemaname : prs_creation_schema(ctx);
    if (!type_name_free(ctx, schema, rv->relname, loc))
        return;
    const PrsNameEntry *rel = prs_names_find(&ctx->st->relations, schema, rv->relname);
    if (rel) {
        prs_error_dup(ctx, loc, rel->loc, "relation %s already exists",
                      cat_qualified(ctx->tmp, schema, rv->relname));
        return;
    }
    CatComposite *ct = (CatComposite *) cat_add(ctx->cat, CAT_COMPOSITE, schema, rv->relname, loc);
    if (!ct)
        return;
    prs_names_add(&ctx->st->names, &ctx->st->types, schema, rv->relname, loc)->obj = ct;
    prs_names_add(&ctx->st->names, &ctx->st->relations, schema, rv->relname, loc);
    for (size_t i = 0; i < cs->n_coldeflist; i++)
        if (cs->coldeflist[i]->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
            composite_add_attr(ctx, ct, cs->coldeflist[i]->column_def);
}

void
prs_alter_composite(PrsContext *ctx, const PgQuery__AlterTableStmt *as)
{
    AgLoc loc = prs_stmt_loc(ctx);
    const PgQuery__RangeVar *rv = as->relation;
    if (!rv || !rv->relname)
        return;
    const char *schema = rv->schemaname && *rv->schemaname ? rv->schemaname : NULL;
    CatComposite *ct = NULL;
    if (schema) {
        ct = (CatComposite *) cat_find(ctx->cat, CAT_COMPOSITE, schema, rv->relname);
    } else {
        for (uint32_t i = 0; i < ctx->nsearch_path && !ct; i++)
            ct = (CatComposite *) cat_find(ctx->cat, CAT_COMPOSITE, ctx->search_path[i],
                                           rv->relname);
    }
    if (!ct) {
        if (prs_defer(ctx))
            return;
        ag_diag_error(ctx->diag, loc, "type %s is not a composite type defined in the model",
                      schema ? cat_qualified(ctx->tmp, schema, rv->relname)
                             : cat_quote_ident(ctx->tmp, rv->relname));
        return;
    }
    for (size_t i = 0; i < as->n_cmds; i++) {
        if (as->cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
            continue;
        const PgQuery__AlterTableCmd *cmd = as->cmds[i]->alter_table_cmd;
        const PgQuery__ColumnDef *cd =
            cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF
                ? cmd->def->column_def
                : NULL;
        switch (cmd->subtype) {
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
            if (cd)
                composite_add_attr(ctx, ct, cd);
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn: {
            CatColumn *a = cmd->name ? composite_find_attr(ct, cmd->name) : NULL;
            if (!a) {
                if (!cmd->missing_ok)
                    ag_diag_error(ctx->diag, loc, "type %s has no attribute \"%s\"",
                                  cat_qualified(ctx->tmp, ct->obj.schema, ct->obj.name),
                                  cmd->name ? cmd->name : "?");
                break;
            }
            uint32_t k = (uint32_t) (a - ct->attrs);
            memmove(a, a + 1, sizeof(CatColumn) * (ct->nattrs - k - 1));
            ct->nattrs--;
            break;
        }
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType: {
            CatColumn *a = cmd->name ? composite_find_attr(ct, cmd->name) : NULL;
            if (!a || !cd) {
                ag_diag_error(ctx->diag, loc, "type %s has no attribute \"%s\"",
                              cat_qualified(ctx->tmp, ct->obj.schema, ct->obj.name),
                              cmd->name ? cmd->name : "?");
                break;
            }
            CatColumn col = *a;
            col.collation = NULL;
            col.collation_schema = NULL;
            if (attr_type(ctx, cd, &col, loc))
                *a = col;
            break;
        }
        default:
            break; /* OWNER TO and the like */
        }
    }
}

/* ---- comments ------------------------------------------------------------------------ */

bool
prs_comment_type(PrsContext *ctx, const PgQuery__CommentStmt *cs, const char *text, AgLoc loc)
{
    const char *schema;
    switch (cs->objtype) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: {
        if (!cs->object || cs->object->node_case != PG_QUERY__NODE__NODE_TYPE_NAME)
            return false;
        const PgQuery__TypeName *tn = cs->object->type_name;
        CatObject *o = find_type(ctx, CAT_DOMAIN, tn->names, tn->n_names, &schema);
        if (!o)
            o = find_type(ctx, CAT_COMPOSITE, tn->names, tn->n_names, &schema);
        if (!o)
            return false;
        o->comment = text;
        return true;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMCONSTRAINT: {
        /* (TypeName, constraint name) */
        const PrsNode *obj = cs->object;
        if (!obj || obj->node_case != PG_QUERY__NODE__NODE_LIST || obj->list->n_items != 2 ||
            obj->list->items[0]->node_case != PG_QUERY__NODE__NODE_TYPE_NAME)
            return false;
        const PgQuery__TypeName *tn = obj->list->items[0]->type_name;
        const char *con = prs_str(obj->list->items[1]);
        CatDomain *d = (CatDomain *) find_type(ctx, CAT_DOMAIN, tn->names, tn->n_names, &schema);
        CatConstraint *c = d && con ? domain_find_con(d, con) : NULL;
        if (!c) {
            if (prs_defer(ctx))
                return true;
            ag_diag_error(ctx->diag, loc,
                          "COMMENT ON CONSTRAINT %s ON DOMAIN %s: no such object in "
                          "the model",
                          con ? con : "?", prs_dotted(ctx->tmp, tn->names, tn->n_names));
            return true;
        }
        c->comment = text;
        return true;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN: {
        const PrsNode *obj = cs->object;
        if (!obj || obj->node_case != PG_QUERY__NODE__NODE_LIST || obj->list->n_items < 2 ||
            obj->list->n_items > 3)
            return false;
        size_t n = obj->list->n_items;
        const char *attr = prs_str(obj->list->items[n - 1]);
        CatComposite *ct =
            (CatComposite *) find_type(ctx, CAT_COMPOSITE, obj->list->items, n - 1, &schema);
        if (!ct || !attr)
            return false;
        CatColumn *a = composite_find_attr(ct, attr);
        if (!a) {
            ag_diag_error(ctx->diag, loc, "COMMENT ON COLUMN: type %s has no attribute \"%s\"",
                          cat_qualified(ctx->tmp, ct->obj.schema, ct->obj.name), attr);
            return true;
        }
        a->comment = text;
        return true;
    }
    default:
        return false;
    }
}

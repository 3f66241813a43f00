/*
 * parser/partition.c: partitioning and row-level security as PostgreSQL 15 records them:
 * PARTITION BY (the key, kept as pg_get_partkeydef would print it, canonicalised), PARTITION
 * OF parent FOR VALUES ... | DEFAULT and ALTER TABLE parent ATTACH / DETACH PARTITION (a
 * partition's parent and bound), ENABLE / DISABLE / FORCE / NO FORCE ROW LEVEL SECURITY,
 * CREATE POLICY, ALTER POLICY and COMMENT ON POLICY.
 * A partition keeps the columns and inheritable CHECK constraints it has from its parent
 * (table.c copies them, introspection reads them), so both producers agree; diff/ leaves
 * them to the parent.
 * Not here: the columns of a partition (table.c's copy_parent), clones of the parent's
 * indexes and keys (not catalog objects, see parser.c).
 */
#include <stdlib.h>
#include <string.h>

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include "parser/internal.h"

/* ---- deparsing a key or a bound -------------------------------------------------- */

/* Deparse a CREATE TABLE holding only the part we want and return the text after
 * prefix. The wrapper borrows the parts; only the packed buffer and the deparse result
 * are released. */
static const char *
deparse_create(PrsContext *ctx, PgQuery__CreateStmt *cs, const char *prefix)
{
    PgQuery__Node node;
    pg_query__node__init(&node);
    node.node_case = PG_QUERY__NODE__NODE_CREATE_STMT;
    node.create_stmt = cs;
    const char *sql = prs_deparse_stmt(ctx, "partition clause", &node);
    if (!sql)
        return NULL;
    size_t plen = strlen(prefix);
    const char *out = strncmp(sql, prefix, plen) == 0 ? sql + plen : NULL;
    if (!out)
        ag_diag_error(ctx->diag, prs_stmt_loc(ctx), "cannot print this partition clause back");
    return out;
}

static CatExpr *
partkey_expr(PrsContext *ctx, PgQuery__PartitionSpec *spec)
{
    PgQuery__RangeVar rv;
    pg_query__range_var__init(&rv);
    rv.relname = (char *) (uintptr_t) "x";
    rv.inh = true;
    rv.relpersistence = (char *) (uintptr_t) "p";
    PgQuery__CreateStmt cs;
    pg_query__create_stmt__init(&cs);
    cs.relation = &rv;
    cs.partspec = spec;
    cs.oncommit = PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_NOOP;
    const char *sql = deparse_create(ctx, &cs, "CREATE TABLE x () PARTITION BY ");
    return sql ? cat_partkey_new(ctx->arena, sql) : NULL;
}

static CatExpr *
bound_expr(PrsContext *ctx, PgQuery__PartitionBoundSpec *bound)
{
    PgQuery__RangeVar rv, parent;
    pg_query__range_var__init(&rv);
    rv.relname = (char *) (uintptr_t) "x";
    rv.inh = true;
    rv.relpersistence = (char *) (uintptr_t) "p";
    parent = rv;
    parent.relname = (char *) (uintptr_t) "y";
    PgQuery__Node pnode;
    pg_query__node__init(&pnode);
    pnode.node_case = PG_QUERY__NODE__NODE_RANGE_VAR;
    pnode.range_var = &parent;
    PgQuery__Node *inh[1] = {&pnode};
    PgQuery__CreateStmt cs;
    pg_query__create_stmt__init(&cs);
    cs.relation = &rv;
    cs.n_inh_relations = 1;
    cs.inh_relations = inh;
    cs.partbound = bound;
    cs.oncommit = PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_NOOP;
    const char *sql = deparse_create(ctx, &cs, "CREATE TABLE x PARTITION OF y ");
    return sql ? cat_partbound_new(ctx->arena, sql) : NULL;
}

/* ---- partitions ----------------------------------------------------------------- */

static void
register_child(PrsContext *ctx, CatTable *parent, CatTable *child)
{
    PrsState *st = ctx->st;
    for (uint32_t i = 0; i < st->nchildren; i++)
        if (st->children[i].parent == parent && st->children[i].child == child)
            return;
    if (st->nchildren == st->capchildren) {
        uint32_t cap = st->capchildren ? st->capchildren * 2 : 16;
        PrsChild *c = ag_arena_alloc(ctx->arena, sizeof(PrsChild) * cap);
        if (st->nchildren)
            memcpy(c, st->children, sizeof(PrsChild) * st->nchildren);
        st->children = c;
        st->capchildren = cap;
    }
    st->children[st->nchildren++] = (PrsChild){.parent = parent, .child = child};
}

static void
unregister_child(PrsContext *ctx, CatTable *parent, CatTable *child)
{
    PrsState *st = ctx->st;
    for (uint32_t i = 0; i < st->nchildren; i++) {
        if (st->children[i].parent == parent && st->children[i].child == child) {
            st->children[i] = st->children[--st->nchildren];
            return;
        }
    }
}

void
prs_partition_create(PrsContext *ctx, CatTable *t, const PgQuery__CreateStmt *cs)
{
    if (cs->partspec)
        t->partition_key = partkey_expr(ctx, cs->partspec);
    if (!cs->partbound || cs->n_inh_relations != 1 ||
        cs->inh_relations[0]->node_case != PG_QUERY__NODE__NODE_RANGE_VAR)
        return;
    const PgQuery__RangeVar *prv = cs->inh_relations[0]->range_var;
    const char *pschema = prs_rel_schema(ctx, prv->schemaname, prv->relname);
    const CatTable *parent = cat_table_find(ctx->cat, pschema, prv->relname);
    if (parent && !parent->partition_key)
        ag_diag_error(ctx->diag, t->obj.loc, "table %s is not partitioned: it cannot have partitions",
                      cat_qualified(ctx->tmp, pschema, prv->relname));
    t->partition_of_schema = ag_arena_strdup(ctx->arena, pschema);
    t->partition_of = ag_arena_strdup(ctx->arena, prv->relname);
    t->partition_bound = bound_expr(ctx, cs->partbound);
}

/* ALTER TABLE parent ATTACH PARTITION child FOR VALUES ... (pg_dump's form): the child
 * gets its parent and bound, and the parent's inheritable CHECK constraints it lacks. */
static void
attach(PrsContext *ctx, CatTable *parent, const PgQuery__PartitionCmd *pc, AgLoc loc)
{
    const PgQuery__RangeVar *rv = pc->name;
    const char *schema = prs_rel_schema(ctx, rv->schemaname, rv->relname);
    CatTable *child = cat_table_find(ctx->cat, schema, rv->relname);
    if (!child) {
        if (!prs_is_ignored(ctx, schema, rv->relname) && !prs_defer(ctx))
            ag_diag_error(ctx->diag, loc, "table %s named in ATTACH PARTITION is not defined "
                                          "in the model",
                          cat_qualified(ctx->tmp, schema, rv->relname));
        return;
    }
    if (!parent->partition_key) {
        ag_diag_error(ctx->diag, loc, "table %s is not partitioned: it cannot have partitions",
                      cat_qualified(ctx->tmp, parent->obj.schema, parent->obj.name));
        return;
    }
    if (child->partition_of) {
        ag_diag_error(ctx->diag, loc, "table %s is already a partition",
                      cat_qualified(ctx->tmp, schema, rv->relname));
        return;
    }
    child->partition_of_schema = parent->obj.schema;
    child->partition_of = parent->obj.name;
    child->partition_bound = pc->bound ? bound_expr(ctx, pc->bound) : NULL;
    register_child(ctx, parent, child);
    for (uint32_t i = 0; i < parent->nconstraints; i++) {
        const CatConstraint *c = &parent->constraints[i];
        if (c->type != CAT_CON_CHECK || c->no_inherit || cat_table_find_constraint(child, c->name))
            continue;
        CatConstraint copy = *c;
        copy.comment = NULL;
        prs_names_add(&ctx->st->names, &ctx->st->constraints, child->obj.schema, c->name, c->loc);
        cat_table_add_constraint(ctx->cat, child, &copy);
    }
    /* the parent's indexes take the child's matching ones */
    for (uint32_t i = 0; i < ctx->cat->nobjects; i++) {
        const CatIndex *ix = (const CatIndex *) ctx->cat->objects[i];
        if (ix->obj.kind == CAT_INDEX && ag_streq(ix->obj.schema, parent->obj.schema) &&
            ag_streq(ix->table, parent->obj.name))
            prs_partition_index(ctx, ix, child);
    }
}

/* ---- indexes a partition shares with its parent --------------------------------- */

static bool
exprs_same(const CatExpr *a, const CatExpr *b)
{
    return (!a && !b) || (a && b && ag_streq(a->canon, b->canon));
}

/* Would PostgreSQL take index b of a partition for index a of its parent
 * (CompareIndexInfo: same method, uniqueness, keys, INCLUDE columns and predicate)? */
static bool
index_matches(const CatIndex *a, const CatIndex *b)
{
    if (!ag_streq(a->method, b->method) || a->is_unique != b->is_unique ||
        a->nulls_not_distinct != b->nulls_not_distinct || a->nelems != b->nelems ||
        a->ninclude != b->ninclude || !exprs_same(a->where, b->where))
        return false;
    for (uint32_t i = 0; i < a->nelems; i++) {
        const CatIndexElem *x = &a->elems[i], *y = &b->elems[i];
        if (!ag_streq(x->column, y->column) || !exprs_same(x->expr, y->expr) ||
            !ag_streq(x->collation, y->collation) || !ag_streq(x->opclass, y->opclass) ||
            x->desc != y->desc || x->nulls_first != y->nulls_first)
            return false;
    }
    for (uint32_t i = 0; i < a->ninclude; i++)
        if (!ag_streq(a->include[i], b->include[i]))
            return false;
    return true;
}

void
prs_partition_index(PrsContext *ctx, const CatIndex *parent_ix, const CatTable *child)
{
    for (uint32_t i = 0; i < ctx->cat->nobjects; i++) {
        const CatIndex *ix = (const CatIndex *) ctx->cat->objects[i];
        if (ix->obj.kind != CAT_INDEX || ix == parent_ix ||
            !ag_streq(ix->obj.schema, child->obj.schema) || !ag_streq(ix->table, child->obj.name) ||
            prs_names_find(&ctx->st->attached, ix->obj.schema, ix->obj.name) ||
            !index_matches(parent_ix, ix))
            continue;
        prs_names_add(&ctx->st->names, &ctx->st->attached, ix->obj.schema, ix->obj.name,
                      ix->obj.loc);
        return;
    }
}

static void
detach(PrsContext *ctx, CatTable *parent, const PgQuery__PartitionCmd *pc, AgLoc loc)
{
    const PgQuery__RangeVar *rv = pc->name;
    const char *schema = prs_rel_schema(ctx, rv->schemaname, rv->relname);
    CatTable *child = cat_table_find(ctx->cat, schema, rv->relname);
    if (!child || !ag_streq(child->partition_of, parent->obj.name) ||
        !ag_streq(child->partition_of_schema, parent->obj.schema)) {
        ag_diag_error(ctx->diag, loc, "table %s is not a partition of %s",
                      cat_qualified(ctx->tmp, schema, rv->relname),
                      cat_qualified(ctx->tmp, parent->obj.schema, parent->obj.name));
        return;
    }
    child->partition_of_schema = NULL;
    child->partition_of = NULL;
    child->partition_bound = NULL;
    unregister_child(ctx, parent, child);
}

bool
prs_partition_alter(PrsContext *ctx, CatTable *t, const PgQuery__AlterTableCmd *cmd, AgLoc loc)
{
    const PgQuery__PartitionCmd *pc = cmd->def && cmd->def->node_case ==
                                                      PG_QUERY__NODE__NODE_PARTITION_CMD
                                          ? cmd->def->partition_cmd
                                          : NULL;
    switch (cmd->subtype) {
    case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableRowSecurity:
        t->rls_enabled = true;
        return true;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableRowSecurity:
        t->rls_enabled = false;
        return true;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_ForceRowSecurity:
        t->rls_forced = true;
        return true;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_NoForceRowSecurity:
        t->rls_forced = false;
        return true;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition:
        if (pc && pc->name)
            attach(ctx, t, pc, loc);
        return true;
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition:
    case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartitionFinalize:
        if (pc && pc->name)
            detach(ctx, t, pc, loc);
        return true;
    default:
        return false;
    }
}

/* ---- policies -------------------------------------------------------------------- */

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* TO role, ...: raw names, sorted and unique, PUBLIC as "public". Roles the server
 * resolves at creation (CURRENT_USER ...) cannot be known here: an error. */
static bool
policy_roles(PrsContext *ctx, PrsNode **items, size_t n, AgLoc loc, CatPolicy *pol)
{
    const char **roles = ag_arena_alloc(ctx->arena, sizeof(char *) * (n + 1));
    uint32_t nr = 0;
    for (size_t i = 0; i < n; i++) {
        if (items[i]->node_case != PG_QUERY__NODE__NODE_ROLE_SPEC)
            continue;
        const PgQuery__RoleSpec *rs = items[i]->role_spec;
        switch (rs->roletype) {
        case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC:
            roles[nr++] = "public";
            break;
        case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING:
            roles[nr++] = ag_arena_strdup(ctx->arena, rs->rolename);
            break;
        default:
            ag_diag_error(ctx->diag, loc,
                          "policy %s: name its roles (CURRENT_USER and SESSION_USER depend on "
                          "who loads the model)",
                          pol->name);
            return false;
        }
    }
    if (!nr)
        roles[nr++] = "public";
    ag_qsort(roles, nr, sizeof(char *), cmp_str);
    uint32_t k = 0;
    for (uint32_t i = 0; i < nr; i++)
        if (!k || strcmp(roles[k - 1], roles[i]) != 0)
            roles[k++] = roles[i];
    /* PUBLIC among others: PostgreSQL keeps only PUBLIC (it warns "ignoring specified
     * roles other than PUBLIC"). */
    for (uint32_t i = 0; i < k && k > 1; i++)
        if (strcmp(roles[i], "public") == 0) {
            roles[0] = "public";
            k = 1;
        }
    pol->roles = roles;
    pol->nroles = k;
    return true;
}

static CatPolicy *
find_policy(CatTable *t, const char *name)
{
    for (uint32_t i = 0; i < t->npolicies; i++)
        if (strcmp(t->policies[i].name, name) == 0)
            return &t->policies[i];
    return NULL;
}

void
prs_create_policy(PrsContext *ctx, const PgQuery__CreatePolicyStmt *ps, int32_t at)
{
    AgLoc loc = prs_loc_from_offset(ctx, at);
    bool skip;
    CatTable *t = prs_table_for_stmt(ctx, ps->table, false, &skip);
    if (!t)
        return;
    if (find_policy(t, ps->policy_name)) {
        ag_diag_error(ctx->diag, loc, "policy \"%s\" is defined twice on table %s",
                      ps->policy_name, cat_qualified(ctx->tmp, t->obj.schema, t->obj.name));
        return;
    }
    CatPolicy pol = {.loc = loc};
    pol.name = ag_arena_strdup(ctx->arena, ps->policy_name);
    pol.permissive = ps->permissive;
    const char *cmd = ps->cmd_name && *ps->cmd_name ? ps->cmd_name : "all";
    pol.cmd = strcmp(cmd, "select") == 0   ? 'r'
              : strcmp(cmd, "insert") == 0 ? 'a'
              : strcmp(cmd, "update") == 0 ? 'w'
              : strcmp(cmd, "delete") == 0 ? 'd'
                                           : '*';
    if (!policy_roles(ctx, ps->roles, ps->n_roles, loc, &pol))
        return;
    if (ps->qual)
        pol.using_expr = prs_expr(ctx, ps->qual);
    if (ps->with_check)
        pol.check_expr = prs_expr(ctx, ps->with_check);
    if ((pol.cmd == 'a' && ps->qual) || ((pol.cmd == 'r' || pol.cmd == 'd') && ps->with_check)) {
        ag_diag_error(ctx->diag, loc, "policy \"%s\": %s is not allowed for %s", pol.name,
                      pol.cmd == 'a' ? "USING" : "WITH CHECK", cmd);
        return;
    }
    cat_table_add_policy(ctx->cat, t, &pol);
}

void
prs_alter_policy(PrsContext *ctx, const PgQuery__AlterPolicyStmt *ps, int32_t at)
{
    AgLoc loc = prs_loc_from_offset(ctx, at);
    bool skip;
    CatTable *t = prs_table_for_stmt(ctx, ps->table, false, &skip);
    if (!t)
        return;
    CatPolicy *pol = find_policy(t, ps->policy_name);
    if (!pol) {
        ag_diag_error(ctx->diag, loc, "policy \"%s\" of table %s is not defined in the model",
                      ps->policy_name, cat_qualified(ctx->tmp, t->obj.schema, t->obj.name));
        return;
    }
    if (ps->n_roles && !policy_roles(ctx, ps->roles, ps->n_roles, loc, pol))
        return;
    if (ps->qual)
        pol->using_expr = prs_expr(ctx, ps->qual);
    if (ps->with_check)
        pol->check_expr = prs_expr(ctx, ps->with_check);
}

bool
prs_comment_policy(PrsContext *ctx, PrsNode **items, size_t n, const char *text, AgLoc loc)
{
    if (n < 2 || n > 4)
        return false;
    const char *name = prs_str(items[n - 1]);
    const char *table = prs_str(items[n - 2]);
    const char *schema = prs_rel_schema(ctx, n > 2 ? prs_str(items[n - 3]) : NULL, table);
    if (!name || !table || prs_is_ignored(ctx, schema, table))
        return true;
    CatTable *t = cat_table_find(ctx->cat, schema, table);
    CatPolicy *pol = t ? find_policy(t, name) : NULL;
    if (!pol) {
        if (!prs_defer(ctx))
            ag_diag_error(ctx->diag, loc, "COMMENT ON POLICY %s: no such object in the model",
                          prs_dotted(ctx->tmp, items, n));
        return true;
    }
    pol->comment = text;
    return true;
}

/*
 * catalog/introspect_settle.c: tier 2 of canonicalisation (DESIGN.md, "The exactness
 * contract"): the server decides the expressions tier 1 leaves unsettled.
 *
 * A model expression is unsettled when its counterpart in the database catalog exists
 * (same table and column for a default or generated column, same table and constraint
 * name for a CHECK body, an EXCLUDE key expression or predicate, same index for a key
 * expression or predicate) and the two canons differ. PostgreSQL may store the model's
 * spelling differently ('1 hour'::interval as '01:00:00'::interval, f() as public.f(),
 * x::int4 on an integer column as x), so each one is created on a temporary copy of its
 * table, read back exactly as introspect.c reads the database (pg_get_expr /
 * pg_get_indexdef with search_path = ''), canonicalised, and compared again. When the
 * server's answer equals the database's canon, the model expression takes that canon
 * (its sql stays as the model wrote it); otherwise it stays different: a real change.
 *
 * Shape: two round trips whatever the number of expressions, none when nothing is
 * unsettled. The first sends one string: BEGIN (or a savepoint inside the caller's
 * transaction), SET LOCAL search_path = '', a temporary result table, DO blocks, and
 * the SELECT of the results; the second rolls everything back. Inside a DO block each
 * table is one subtransaction (a plpgsql exception block) that creates the copy, runs
 * its expressions each in a nested exception block, then raises to roll itself back:
 * that releases the copy's locks at once, so thousands of tables do not exhaust the
 * lock table. Answers survive the rollback in a plpgsql array variable and land in the
 * result table at the end of each DO block. A statement the server rejects (an unknown
 * column or function, a type not created yet) only leaves its own expression unsettled.
 *
 * Partition bounds are settled on a partitioned copy of the parent (PARTITION BY the
 * database's key; a temporary partition takes the model's bound), partition keys on a
 * partitioned table of their own, policy expressions on a copy under the table's own name
 * in a schema created inside the block (policies name their table in subqueries).
 *
 * Model expressions are interpreted as the model's DDL would be when loaded: unqualified
 * names mean public, with pg_catalog searched first as PostgreSQL always does unless told
 * otherwise. Columns whose model type or collation differs from the database's are
 * altered on the copy first, so expressions are read in the model's type context.
 *
 * Not here: deciding what is a change (diff/), views (no CatView yet), a model file's own
 * SET search_path (the catalog does not record it: such expressions may stay unsettled,
 * which shows as a change, never as a false match).
 * Needs: plpgsql in the target database (installed by default), and the right to create
 * temporary tables; a hot standby refuses both.
 */
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "catalog/introspect.h"
#include "catalog/introspect_internal.h"

#define SAVEPOINT_NAME "autogen_settle"
#define TEMP_PREFIX    "pg_temp.autogen_settle_"
#define RESULT_TABLE   "pg_temp.autogen_settle_out"
#define RESULT_VAR     "autogen_settle_r"
/* Copies of domains: in a schema created inside the block that is rolled back. */
#define DOMAIN_SCHEMA "autogen_settle_domains"
#define DOMAIN_PREFIX DOMAIN_SCHEMA ".d"
/* Copies of tables with policies, under their own names (see item_sql). */
#define POLICY_SCHEMA "autogen_settle_policies"
/* The model's default schema, with pg_catalog first as in any session whose
 * search_path does not name it. */
#define MODEL_SEARCH_PATH "pg_catalog, public"
/* Raised at the end of a table's block to roll the copy back; any code would do. */
#define ROLLBACK_SQLSTATE "AGS01"
/* Expressions per DO block: keeps each plpgsql function a reasonable size. */
#define ITEMS_PER_BLOCK 500

typedef enum SettleKind {
    SETTLE_DEFAULT,   /* column DEFAULT */
    SETTLE_GENERATED, /* GENERATED ALWAYS AS (...) STORED */
    SETTLE_CHECK,     /* CHECK body */
    SETTLE_KEY,       /* index or EXCLUDE key expression */
    SETTLE_WHERE,     /* index or EXCLUDE predicate */
    SETTLE_DOM_DEFAULT, /* a domain's DEFAULT */
    SETTLE_DOM_CHECK,   /* a domain's CHECK body */
    SETTLE_BOUND,       /* a partition's bound, on a partitioned copy of its parent */
    SETTLE_PARTKEY,     /* a partitioned table's key */
    SETTLE_POL_USING,   /* a policy's USING expression */
    SETTLE_POL_CHECK    /* a policy's WITH CHECK expression */
} SettleKind;

/* One unsettled expression. Numbered by its position in Settle.items, plus one: the
 * number names its temporary objects and its slot in the result array. */
typedef struct Item {
    SettleKind kind;
    CatExpr *model; /* receives the database's canon when settled */
    const CatExpr *db;
    uint32_t table;           /* index into Settle.tables */
    const CatColumn *column;  /* DEFAULT, GENERATED: the model's column */
    const char *method;       /* KEY: access method */
    const CatIndexElem *elem; /* KEY: the model's key, for its collation and opclass */
} Item;

/* A table some unsettled expression hangs off, copied once. */
typedef struct Table {
    const CatTable *db;
    const CatTable *model; /* NULL when the model has no such table (cannot happen yet) */
    /* Or, with db and model NULL, a domain: copied as a domain of the model's base type
     * in a schema of its own (domains cannot be temporary), rolled back with the rest. */
    const CatDomain *domain;
    /* The database's partition key of db, when a partition's bound is settled on the
     * copy: the copy is then created PARTITION BY it. */
    const char *partkey;
} Table;

typedef struct Settle {
    Catalog *model;
    const Catalog *db;
    PGconn *conn;
    AgDiag *diag;
    AgArena scratch; /* statement text, server answers: freed at the end */
    Item *items;
    uint32_t nitems, items_cap;
    Table *tables;
    uint32_t ntables, tables_cap;
} Settle;

static const AgLoc no_loc = {0};

/* ---- collecting ------------------------------------------------------------------ */

static bool
unsettled(const CatExpr *m, const CatExpr *d)
{
    return m && d && m->canon && d->canon && strcmp(m->canon, d->canon) != 0;
}

/* Index of the copy of db table t, registering it on first use. Linear: only tables
 * with an unsettled expression are listed, and those are few. */
static uint32_t
table_slot(Settle *st, const CatTable *t)
{
    for (uint32_t i = st->ntables; i > 0; i--)
        if (st->tables[i - 1].db == t)
            return i - 1;
    if (st->ntables == st->tables_cap) {
        st->tables_cap = st->tables_cap ? st->tables_cap * 2 : 16;
        st->tables = ag_xrealloc(st->tables, sizeof(Table) * st->tables_cap);
    }
    st->tables[st->ntables] = (Table){.db = t};
    st->tables[st->ntables].model = cat_table_find(st->model, t->obj.schema, t->obj.name);
    return st->ntables++;
}

static Item *
add_item(Settle *st, SettleKind kind, CatExpr *m, const CatExpr *d, const CatTable *t)
{
    if (st->nitems == st->items_cap) {
        st->items_cap = st->items_cap ? st->items_cap * 2 : 32;
        st->items = ag_xrealloc(st->items, sizeof(Item) * st->items_cap);
    }
    Item *it = &st->items[st->nitems++];
    *it = (Item){.kind = kind, .model = m, .db = d, .table = table_slot(st, t)};
    return it;
}

/* Key expressions at the same position, and the predicate. */
static void
collect_keys(Settle *st, const CatTable *dt, const char *method, const CatIndexElem *me,
             uint32_t nme, const CatIndexElem *de, uint32_t nde, CatExpr *mwhere,
             const CatExpr *dwhere)
{
    for (uint32_t k = 0; k < nme && k < nde; k++) {
        if (!unsettled(me[k].expr, de[k].expr))
            continue;
        Item *it = add_item(st, SETTLE_KEY, me[k].expr, de[k].expr, dt);
        it->method = method;
        it->elem = &me[k];
    }
    if (unsettled(mwhere, dwhere))
        add_item(st, SETTLE_WHERE, mwhere, dwhere, dt);
}

static const CatPolicy *
find_policy(const CatTable *t, const char *name)
{
    for (uint32_t i = 0; i < t->npolicies; i++)
        if (strcmp(t->policies[i].name, name) == 0)
            return &t->policies[i];
    return NULL;
}

/* A partition's bound (same parent on both sides: another parent is a change anyway),
 * a partitioned table's key, and its policies' expressions. */
static void
collect_partition_rls(Settle *st, CatTable *mt, const CatTable *dt)
{
    if (mt->partition_of && ag_streq(mt->partition_of, dt->partition_of) &&
        ag_streq(mt->partition_of_schema, dt->partition_of_schema) &&
        unsettled(mt->partition_bound, dt->partition_bound)) {
        const CatTable *dp = cat_table_find(st->db, dt->partition_of_schema, dt->partition_of);
        if (dp && dp->partition_key && dp->partition_key->sql) {
            Item *it = add_item(st, SETTLE_BOUND, mt->partition_bound, dt->partition_bound, dp);
            st->tables[it->table].partkey = dp->partition_key->sql;
        }
    }
    if (unsettled(mt->partition_key, dt->partition_key))
        add_item(st, SETTLE_PARTKEY, mt->partition_key, dt->partition_key, dt);
    for (uint32_t i = 0; i < mt->npolicies; i++) {
        CatPolicy *mp = &mt->policies[i];
        const CatPolicy *dp = find_policy(dt, mp->name);
        if (!dp)
            continue;
        if (unsettled(mp->using_expr, dp->using_expr))
            add_item(st, SETTLE_POL_USING, mp->using_expr, dp->using_expr, dt);
        if (unsettled(mp->check_expr, dp->check_expr))
            add_item(st, SETTLE_POL_CHECK, mp->check_expr, dp->check_expr, dt);
    }
}

static void
collect_table(Settle *st, CatTable *mt)
{
    const CatTable *dt = cat_table_find(st->db, mt->obj.schema, mt->obj.name);
    if (!dt)
        return;
    for (uint32_t i = 0; i < mt->ncolumns; i++) {
        CatColumn *mc = &mt->columns[i];
        const CatColumn *dc = cat_table_find_column(dt, mc->name);
        if (!dc)
            continue;
        if (unsettled(mc->default_expr, dc->default_expr))
            add_item(st, SETTLE_DEFAULT, mc->default_expr, dc->default_expr, dt)->column = mc;
        if (unsettled(mc->generated, dc->generated))
            add_item(st, SETTLE_GENERATED, mc->generated, dc->generated, dt)->column = mc;
    }
    for (uint32_t i = 0; i < mt->nconstraints; i++) {
        CatConstraint *mk = &mt->constraints[i];
        const CatConstraint *dk = cat_table_find_constraint(dt, mk->name);
        if (!dk || dk->type != mk->type)
            continue;
        if (mk->type == CAT_CON_CHECK && unsettled(mk->check, dk->check))
            add_item(st, SETTLE_CHECK, mk->check, dk->check, dt);
        if (mk->type == CAT_CON_EXCLUDE && mk->exclude_method)
            collect_keys(st, dt, mk->exclude_method, mk->elems, mk->nelems, dk->elems, dk->nelems,
                         mk->exclude_where, dk->exclude_where);
    }
    collect_partition_rls(st, mt, dt);
}

/* A domain's slot, registered on first use (see Table). */
static Item *
add_domain_item(Settle *st, SettleKind kind, CatExpr *m, const CatExpr *d, const CatDomain *md)
{
    uint32_t slot = st->ntables;
    for (uint32_t i = st->ntables; i > 0 && slot == st->ntables; i--)
        if (st->tables[i - 1].domain == md)
            slot = i - 1;
    if (slot == st->ntables) {
        if (st->ntables == st->tables_cap) {
            st->tables_cap = st->tables_cap ? st->tables_cap * 2 : 16;
            st->tables = ag_xrealloc(st->tables, sizeof(Table) * st->tables_cap);
        }
        st->tables[st->ntables++] = (Table){.domain = md};
    }
    if (st->nitems == st->items_cap) {
        st->items_cap = st->items_cap ? st->items_cap * 2 : 32;
        st->items = ag_xrealloc(st->items, sizeof(Item) * st->items_cap);
    }
    Item *it = &st->items[st->nitems++];
    *it = (Item){.kind = kind, .model = m, .db = d, .table = slot};
    return it;
}

static void
collect_domain(Settle *st, CatDomain *md)
{
    const CatDomain *dd =
        (const CatDomain *) cat_find(st->db, CAT_DOMAIN, md->obj.schema, md->obj.name);
    if (!dd)
        return;
    if (unsettled(md->default_expr, dd->default_expr))
        add_domain_item(st, SETTLE_DOM_DEFAULT, md->default_expr, dd->default_expr, md);
    for (uint32_t i = 0; i < md->nconstraints; i++) {
        CatConstraint *mk = &md->constraints[i];
        for (uint32_t k = 0; k < dd->nconstraints; k++)
            if (strcmp(dd->constraints[k].name, mk->name) == 0 &&
                unsettled(mk->check, dd->constraints[k].check))
                add_domain_item(st, SETTLE_DOM_CHECK, mk->check, dd->constraints[k].check, md);
    }
}

static void
collect_index(Settle *st, CatIndex *mi)
{
    const CatIndex *di =
        (const CatIndex *) cat_find(st->db, CAT_INDEX, mi->obj.schema, mi->obj.name);
    /* On another table the index is rebuilt whatever its expressions say. */
    if (!di || !mi->table || !ag_streq(mi->table, di->table) || !mi->method)
        return;
    const CatTable *dt = cat_table_find(st->db, di->obj.schema, di->table);
    if (!dt)
        return;
    collect_keys(st, dt, mi->method, mi->elems, mi->nelems, di->elems, di->nelems, mi->where,
                 di->where);
}

static void
collect(Settle *st)
{
    for (uint32_t i = 0; i < st->model->nobjects; i++) {
        CatObject *o = st->model->objects[i];
        switch (o->kind) {
        case CAT_TABLE:
            collect_table(st, (CatTable *) o);
            break;
        case CAT_INDEX:
            collect_index(st, (CatIndex *) o);
            break;
        case CAT_DOMAIN:
            collect_domain(st, (CatDomain *) o);
            break;
        case CAT_SCHEMA:
        case CAT_EXTENSION:
        case CAT_ENUM:
        case CAT_SEQUENCE:
        case CAT_COMPOSITE:
        case CAT_FUNCTION:
        case CAT_VIEW:
        case CAT_KIND_COUNT:
            break;
        }
    }
}

/* ---- building the request --------------------------------------------------------- */

/* s as a string literal for this connection (E'...' when it holds backslashes).
 * NULL only when libpq refuses it (invalid encoding, out of memory). */
static const char *
literal(Settle *st, const char *s)
{
    char *lit = PQescapeLiteral(st->conn, s, strlen(s));
    if (!lit)
        return NULL;
    /* Copied out of libpq's memory, released at once. */
    const char *copy = ag_arena_strdup(&st->scratch, lit);
    PQfreemem(lit);
    return copy;
}

/* Append "BEGIN EXECUTE <stmt>; EXCEPTION WHEN OTHERS THEN NULL; END;": a statement
 * allowed to fail on its own. */
static bool
put_guarded_exec(Settle *st, AgBuf *b, const char *stmt)
{
    const char *lit = literal(st, stmt);
    if (!lit)
        return false;
    ag_buf_printf(b, "  BEGIN\n    EXECUTE %s;\n  EXCEPTION WHEN OTHERS THEN NULL;\n  END;\n", lit);
    return true;
}

/* The statement that gives item n (1-based) its temporary object on copy t, and the
 * query reading it back as introspect.c reads the database's. */
static bool
item_sql(Settle *st, const Item *it, uint32_t n, const char **stmt, const char **readback)
{
    AgArena *a = &st->scratch;
    const char *expr = it->model->sql;
    uint32_t t = it->table + 1;
    const char *col_lit = NULL;
    switch (it->kind) {
    case SETTLE_DEFAULT:
        col_lit = literal(st, it->column->name);
        *stmt = ag_arena_printf(a, "ALTER TABLE " TEMP_PREFIX "%u ALTER COLUMN %s SET DEFAULT (%s)",
                                t, cat_quote_ident(a, it->column->name), expr);
        break;
    case SETTLE_GENERATED:
        col_lit = ag_arena_printf(a, "'autogen_settle_g%u'", n);
        *stmt = ag_arena_printf(a,
                                "ALTER TABLE " TEMP_PREFIX "%u ADD COLUMN autogen_settle_g%u %s "
                                "GENERATED ALWAYS AS (%s) STORED",
                                t, n, it->column->type, expr);
        break;
    case SETTLE_CHECK:
        *stmt = ag_arena_printf(a,
                                "ALTER TABLE " TEMP_PREFIX "%u ADD CONSTRAINT autogen_settle_c%u "
                                "CHECK (%s)",
                                t, n, expr);
        *readback =
            ag_arena_printf(a,
                            "SELECT pg_catalog.pg_get_expr(c.conbin, c.conrelid)\n"
                            "    FROM pg_catalog.pg_constraint c\n"
                            "    WHERE c.conrelid = '" TEMP_PREFIX "%u'::pg_catalog.regclass\n"
                            "      AND c.conname = 'autogen_settle_c%u'",
                            t, n);
        return true;
    case SETTLE_KEY: {
        const CatIndexElem *e = it->elem;
        const char *coll =
            e->collation ? ag_arena_printf(a, " COLLATE %s",
                                           cat_qualified(a, e->collation_schema, e->collation))
                         : "";
        const char *opc =
            e->opclass ? ag_arena_printf(a, " %s", cat_qualified(a, e->opclass_schema, e->opclass))
                       : "";
        *stmt = ag_arena_printf(
            a, "CREATE INDEX autogen_settle_i%u ON " TEMP_PREFIX "%u USING %s ((%s)%s%s)", n, t,
            cat_quote_ident(a, it->method), expr, coll, opc);
        *readback = ag_arena_printf(a,
                                    "SELECT pg_catalog.pg_get_indexdef("
                                    "'pg_temp.autogen_settle_i%u'::pg_catalog.regclass, 1, true)",
                                    n);
        return true;
    }
    case SETTLE_DOM_DEFAULT:
        *stmt = ag_arena_printf(a, "ALTER DOMAIN " DOMAIN_PREFIX "%u SET DEFAULT (%s)", t, expr);
        *readback = ag_arena_printf(a,
                                    "SELECT pg_catalog.pg_get_expr(y.typdefaultbin, 0)\n"
                                    "    FROM pg_catalog.pg_type y\n"
                                    "    WHERE y.oid = '" DOMAIN_PREFIX "%u'::pg_catalog.regtype",
                                    t);
        return true;
    case SETTLE_DOM_CHECK:
        *stmt = ag_arena_printf(a,
                                "ALTER DOMAIN " DOMAIN_PREFIX "%u ADD CONSTRAINT autogen_settle_c%u "
                                "CHECK (%s) NOT VALID",
                                t, n, expr);
        *readback =
            ag_arena_printf(a,
                            "SELECT pg_catalog.pg_get_expr(c.conbin, 0)\n"
                            "    FROM pg_catalog.pg_constraint c\n"
                            "    WHERE c.contypid = '" DOMAIN_PREFIX "%u'::pg_catalog.regtype\n"
                            "      AND c.conname = 'autogen_settle_c%u'",
                            t, n);
        return true;
    case SETTLE_BOUND:
        /* A partition of the partitioned copy; the model's bounds do not overlap. */
        *stmt = ag_arena_printf(a,
                                "CREATE TEMPORARY TABLE pg_temp.autogen_settle_b%u "
                                "PARTITION OF " TEMP_PREFIX "%u %s",
                                n, t, expr);
        *readback = ag_arena_printf(a,
                                    "SELECT pg_catalog.pg_get_expr(c.relpartbound, c.oid)\n"
                                    "    FROM pg_catalog.pg_class c\n"
                                    "    WHERE c.oid = "
                                    "'pg_temp.autogen_settle_b%u'::pg_catalog.regclass",
                                    n);
        return true;
    case SETTLE_PARTKEY:
        /* The key is fixed at creation: a table of its own, with the copy's columns. */
        *stmt = ag_arena_printf(a,
                                "CREATE TEMPORARY TABLE pg_temp.autogen_settle_k%u "
                                "(LIKE " TEMP_PREFIX "%u) PARTITION BY %s",
                                n, t, expr);
        *readback = ag_arena_printf(a,
                                    "SELECT pg_catalog.pg_get_partkeydef("
                                    "'pg_temp.autogen_settle_k%u'::pg_catalog.regclass)",
                                    n);
        return true;
    case SETTLE_POL_USING:
    case SETTLE_POL_CHECK: {
        /* Policies name their table in correlated subqueries (audit.account), so the
         * copy takes the table's own name, in a schema of its own (rolled back with the
         * block) where the model's other relations still resolve to theirs. FOR ALL
         * takes either expression; the command does not change how it reads. */
        bool is_using = it->kind == SETTLE_POL_USING;
        const char *rel = ag_arena_printf(a, POLICY_SCHEMA ".%s",
                                          cat_quote_ident(a, st->tables[it->table].db->obj.name));
        const char *rel_lit = literal(st, rel);
        if (!rel_lit)
            return false;
        *stmt = ag_arena_printf(a,
                                "CREATE SCHEMA IF NOT EXISTS " POLICY_SCHEMA ";\n"
                                "CREATE TABLE IF NOT EXISTS %s (LIKE " TEMP_PREFIX "%u);\n"
                                "CREATE POLICY autogen_settle_p%u ON %s %s (%s)",
                                rel, t, n, rel, is_using ? "USING" : "WITH CHECK", expr);
        *readback = ag_arena_printf(a,
                                    "SELECT pg_catalog.pg_get_expr(p.%s, p.polrelid)\n"
                                    "    FROM pg_catalog.pg_policy p\n"
                                    "    WHERE p.polrelid = %s::pg_catalog.regclass\n"
                                    "      AND p.polname = 'autogen_settle_p%u'",
                                    is_using ? "polqual" : "polwithcheck", rel_lit, n);
        return true;
    }
    case SETTLE_WHERE:
        /* The key does not matter to the predicate; a constant one builds on any table. */
        *stmt = ag_arena_printf(
            a, "CREATE INDEX autogen_settle_i%u ON " TEMP_PREFIX "%u ((1)) WHERE (%s)", n, t, expr);
        *readback = ag_arena_printf(a,
                                    "SELECT pg_catalog.pg_get_expr(i.indpred, i.indrelid)\n"
                                    "    FROM pg_catalog.pg_index i\n"
                                    "    WHERE i.indexrelid = "
                                    "'pg_temp.autogen_settle_i%u'::pg_catalog.regclass",
                                    n);
        return true;
    }
    if (!col_lit)
        return false;
    *readback = ag_arena_printf(a,
                                "SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid)\n"
                                "    FROM pg_catalog.pg_attrdef d\n"
                                "    JOIN pg_catalog.pg_attribute a\n"
                                "      ON a.attrelid = d.adrelid AND a.attnum = d.adnum\n"
                                "    WHERE d.adrelid = '" TEMP_PREFIX "%u'::pg_catalog.regclass\n"
                                "      AND a.attname = %s",
                                t, col_lit);
    return true;
}

/* One expression: created under the model's search_path, read back under ''. A failure
 * rolls back its own subtransaction, search_path included. */
static void
put_item(Settle *st, AgBuf *b, uint32_t idx)
{
    const char *stmt = NULL, *readback = NULL;
    if (!item_sql(st, &st->items[idx], idx + 1, &stmt, &readback))
        return;
    const char *lit = literal(st, stmt);
    if (!lit)
        return;
    ag_buf_printf(b,
                  "  BEGIN\n"
                  "    PERFORM pg_catalog.set_config('search_path', '" MODEL_SEARCH_PATH
                  "', true);\n"
                  "    EXECUTE %s;\n"
                  "    PERFORM pg_catalog.set_config('search_path', '', true);\n"
                  "    " RESULT_VAR "[%u] := (%s);\n"
                  "  EXCEPTION WHEN OTHERS THEN NULL;\n"
                  "  END;\n",
                  lit, idx + 1, readback);
}

/* The copy of table t: columns as the database has them (LIKE copies names, types,
 * collations and NOT NULL, nothing else), then retyped where the model differs. */
static void
put_table_setup(Settle *st, AgBuf *b, uint32_t t)
{
    AgArena *a = &st->scratch;
    const Table *tab = &st->tables[t];
    if (tab->domain) {
        const CatDomain *d = tab->domain;
        const char *coll =
            d->collation ? ag_arena_printf(a, " COLLATE %s",
                                           cat_qualified(a, d->collation_schema, d->collation))
                         : "";
        const char *sql = ag_arena_printf(a,
                                          "CREATE SCHEMA " DOMAIN_SCHEMA ";\n"
                                          "CREATE DOMAIN " DOMAIN_PREFIX "%u AS %s%s",
                                          t + 1, d->type, coll);
        const char *dlit = literal(st, sql);
        if (dlit)
            ag_buf_printf(b, "  EXECUTE %s;\n", dlit);
        return;
    }
    const char *create =
        ag_arena_printf(a, "CREATE TEMPORARY TABLE " TEMP_PREFIX "%u (LIKE %s)%s%s", t + 1,
                        cat_qualified(a, tab->db->obj.schema, tab->db->obj.name),
                        tab->partkey ? " PARTITION BY " : "", tab->partkey ? tab->partkey : "");
    const char *lit = literal(st, create);
    /* If the copy fails, the table's block ends there: its items stay unsettled. */
    if (lit)
        ag_buf_printf(b, "  EXECUTE %s;\n", lit);
    if (!tab->model)
        return;
    for (uint32_t i = 0; i < tab->model->ncolumns; i++) {
        const CatColumn *mc = &tab->model->columns[i];
        const CatColumn *dc = cat_table_find_column(tab->db, mc->name);
        if (!dc || !mc->type || !dc->type ||
            (strcmp(mc->type, dc->type) == 0 && ag_streq(mc->collation, dc->collation) &&
             ag_streq(mc->collation_schema, dc->collation_schema)))
            continue;
        const char *coll =
            mc->collation ? ag_arena_printf(a, " COLLATE %s",
                                            cat_qualified(a, mc->collation_schema, mc->collation))
                          : "";
        const char *alter =
            ag_arena_printf(a, "ALTER TABLE " TEMP_PREFIX "%u ALTER COLUMN %s TYPE %s%s USING NULL",
                            t + 1, cat_quote_ident(a, mc->name), mc->type, coll);
        put_guarded_exec(st, b, alter);
    }
}

/* Items ordered by table, each table's in collection order. */
static uint32_t *
order_by_table(Settle *st)
{
    uint32_t *start = ag_arena_alloc(&st->scratch, sizeof(uint32_t) * (st->ntables + 1));
    for (uint32_t i = 0; i < st->nitems; i++)
        start[st->items[i].table + 1]++;
    for (uint32_t t = 0; t < st->ntables; t++)
        start[t + 1] += start[t];
    uint32_t *order = ag_arena_alloc(&st->scratch, sizeof(uint32_t) * st->nitems);
    for (uint32_t i = 0; i < st->nitems; i++)
        order[start[st->items[i].table]++] = i;
    return order;
}

static void
put_do_end(Settle *st, AgBuf *q, AgBuf *body)
{
    ag_buf_puts(body, "  INSERT INTO " RESULT_TABLE "\n"
                      "  SELECT s.n, " RESULT_VAR "[s.n]\n"
                      "  FROM pg_catalog.generate_subscripts(" RESULT_VAR ", 1) AS s(n)\n"
                      "  WHERE " RESULT_VAR "[s.n] IS NOT NULL;\n"
                      "END\n");
    const char *lit = literal(st, ag_buf_cstr(body));
    /* The body is ours and the model's text already went through PQescapeLiteral. */
    ag_buf_printf(q, "DO LANGUAGE plpgsql %s;\n", lit ? lit : "''");
    ag_buf_reset(body);
}

static void
build_request(Settle *st, AgBuf *q, bool nested)
{
    ag_buf_puts(q, nested ? "SAVEPOINT " SAVEPOINT_NAME ";\n" : "BEGIN;\n");
    ag_buf_puts(q, "SET LOCAL search_path = '';\n"
                   "CREATE TEMPORARY TABLE " RESULT_TABLE " (n integer, expr text);\n");
    uint32_t *order = order_by_table(st);
    AgBuf body;
    ag_buf_init(&body);
    uint32_t in_block = 0;
    for (uint32_t i = 0; i < st->nitems;) {
        uint32_t t = st->items[order[i]].table;
        if (!in_block)
            ag_buf_puts(&body, "DECLARE\n"
                               "  " RESULT_VAR " text[] := '{}';\n"
                               "BEGIN\n");
        ag_buf_puts(&body, "BEGIN\n");
        put_table_setup(st, &body, t);
        for (; i < st->nitems && st->items[order[i]].table == t; i++, in_block++)
            put_item(st, &body, order[i]);
        /* Roll the copy back now: its locks go with it. */
        ag_buf_puts(&body, "  RAISE SQLSTATE '" ROLLBACK_SQLSTATE "';\n"
                           "EXCEPTION WHEN OTHERS THEN NULL;\n"
                           "END;\n");
        if (in_block >= ITEMS_PER_BLOCK || i == st->nitems) {
            put_do_end(st, q, &body);
            in_block = 0;
        }
    }
    ag_buf_free(&body);
    ag_buf_puts(q, "SELECT n, expr FROM " RESULT_TABLE " ORDER BY n");
}

/* ---- talking to the server -------------------------------------------------------- */

/* Record "query failed" with the server's primary message and the query; NULL res
 * means libpq itself failed. */
static void
report_failure(Settle *st, const PGresult *res, const char *sql)
{
    const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    if (!msg || !*msg)
        msg = res && *PQresultErrorMessage(res) ? PQresultErrorMessage(res)
                                                : PQerrorMessage(st->conn);
    if (!*msg)
        msg = "no message from the server or libpq";
    size_t len = strcspn(msg, "\n");
    while (len && msg[len - 1] == ' ')
        len--;
    ag_diag_error(st->diag, no_loc, "query failed: %.*s", (int) len, msg);
    ag_diag_detail(st->diag, "query was: %s", sql);
}

/* Give each answered item the database's canon when the server's answer matches it. */
static void
apply_answers(Settle *st, const PGresult *res)
{
    for (int r = 0; r < PQntuples(res); r++) {
        if (PQgetisnull(res, r, 0) || PQgetisnull(res, r, 1))
            continue;
        long n = strtol(PQgetvalue(res, r, 0), NULL, 10);
        if (n < 1 || (unsigned long) n > st->nitems)
            continue;
        Item *it = &st->items[n - 1];
        const char *answer = PQgetvalue(res, r, 1);
        const char *canon = it->kind == SETTLE_BOUND     ? cat_canon_partbound(&st->scratch, answer)
                            : it->kind == SETTLE_PARTKEY ? cat_canon_partkey(&st->scratch, answer)
                                                         : cat_canon_expr(&st->scratch, answer);
        if (canon && strcmp(canon, it->db->canon) == 0)
            it->model->canon = ag_arena_strdup(st->model->arena, it->db->canon);
    }
}

static bool
run(Settle *st)
{
    bool nested;
    if (!cat_pq_txn_state(st->conn, st->diag, "compare expressions on the server", &nested))
        return false;
    AgBuf q;
    ag_buf_init(&q);
    build_request(st, &q, nested);
    PGresult *res = PQexec(st->conn, ag_buf_cstr(&q));
    bool ok = res && PQresultStatus(res) == PGRES_TUPLES_OK && PQnfields(res) == 2;
    if (ok)
        apply_answers(st, res);
    else
        report_failure(st, res, ag_buf_cstr(&q));
    PQclear(res);
    ag_buf_free(&q);
    /* Always undone, answers or not. A lost connection has nothing left to undo, and one
     * error about it is enough. */
    if (PQstatus(st->conn) != CONNECTION_OK)
        return false;
    const char *undo = nested ? "ROLLBACK TO SAVEPOINT " SAVEPOINT_NAME ";\n"
                                "RELEASE SAVEPOINT " SAVEPOINT_NAME
                              : "ROLLBACK";
    res = PQexec(st->conn, undo);
    if (!res || PQresultStatus(res) != PGRES_COMMAND_OK) {
        report_failure(st, res, undo);
        ok = false;
    }
    PQclear(res);
    return ok;
}

bool
cat_settle_exprs(Catalog *model, const Catalog *db, PGconn *conn, AgDiag *diag)
{
    if (!cat_settle_table_as(model, conn, diag))
        return false;
    Settle st = {.model = model, .db = db, .conn = conn, .diag = diag};
    ag_arena_init(&st.scratch);
    collect(&st);
    bool ok = st.nitems == 0 || run(&st);
    ok = ok && cat_settle_views(model, db, conn, diag);
    free(st.items);
    free(st.tables);
    ag_arena_free(&st.scratch);
    return ok;
}

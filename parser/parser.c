/*
 * parser/parser.c: model files -> Catalog. Reads files and folders, blanks psql meta
 * lines (pg_dump output is valid model input), splits each file into statements with
 * libpg_query's scanner and parses them one at a time (memory stays flat however large
 * the model), then hands each statement to its walker (table.c, objects.c).
 * Also owns what spans files: the load state kept until prs_finish, statements deferred
 * until the table they name is known, foreign keys resolved across files, the objects a
 * fresh database already holds, and the verdict on statements autogen does not manage.
 * Not here: the meaning of CREATE TABLE and friends (table.c, objects.c), canonical
 * forms (catalog/).
 */
#include "parser/parser.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include "catalog/split.h"
#include "parser/internal.h"

/* ---- load state across calls ------------------------------------------------- */

/* The state of each catalog between its first prs_load_string and prs_finish. Catalog
 * has no room for a producer's state, so it is found here by the catalog's address;
 * prs_finish removes the entry (a catalog freed without prs_finish leaves a stale one,
 * hence the rule in parser.h that prs_finish follows the last load). */
typedef struct StateLink {
    Catalog *cat;
    PrsState *st;
    struct StateLink *next;
} StateLink;
static StateLink *states;

static PrsState *
state_find(const Catalog *cat)
{
    for (StateLink *l = states; l; l = l->next)
        if (l->cat == cat)
            return l->st;
    return NULL;
}

static void
state_drop(const Catalog *cat)
{
    for (StateLink **p = &states; *p; p = &(*p)->next) {
        if ((*p)->cat == cat) {
            StateLink *l = *p;
            *p = l->next;
            free(l);
            return;
        }
    }
}

/* What CREATE DATABASE copies from template1 on PostgreSQL 15: the public schema and
 * the plpgsql extension in pg_catalog. Neither is a catalog object (introspection leaves
 * out public, which always exists, and everything in pg_catalog), but a model may state
 * them again, and a comment may name plpgsql. */
static void
add_fresh_objects(PrsState *st)
{
    prs_names_add(&st->names, &st->extensions, "", "plpgsql", (AgLoc){0});
}

static PrsState *
state_get(Catalog *cat)
{
    PrsState *st = state_find(cat);
    if (st)
        return st;
    st = ag_arena_alloc(cat->arena, sizeof(PrsState));
    st->cat = cat;
    ag_arena_init(&st->names);
    StateLink *l = ag_xmalloc(sizeof(StateLink));
    l->cat = cat;
    l->st = st;
    l->next = states;
    states = l;
    add_fresh_objects(st);
    return st;
}

/* ---- psql meta lines ------------------------------------------------------------ */

/* Blank (with spaces, keeping offsets and newlines) every line whose first non-blank
 * character is a backslash outside quotes, comments and dollar-quoted bodies: psql's
 * meta-commands such as pg_dump's \restrict, \connect, \set. */
static void
blank_meta_lines(char *s)
{
    enum { NORMAL, SQUOTE, ESQUOTE, DQUOTE, LINE_COMMENT, BLOCK_COMMENT, DOLLAR } state = NORMAL;
    int depth = 0;
    const char *tag = NULL;
    size_t taglen = 0;
    bool line_start = true;
    for (size_t i = 0; s[i]; i++) {
        char c = s[i];
        if (state == NORMAL && line_start) {
            size_t j = i;
            while (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')
                j++;
            if (s[j] == '\\') {
                while (s[j] && s[j] != '\n')
                    s[j++] = ' ';
                i = j;
                if (!s[i])
                    break;
                continue; /* s[i] is the newline: line_start stays true */
            }
        }
        line_start = c == '\n';
        switch (state) {
        case NORMAL:
            if (c == '\'') {
                bool e = i > 0 && (s[i - 1] == 'E' || s[i - 1] == 'e') &&
                         (i < 2 || !(s[i - 2] == '_' || (s[i - 2] >= 'a' && s[i - 2] <= 'z') ||
                                     (s[i - 2] >= 'A' && s[i - 2] <= 'Z') ||
                                     (s[i - 2] >= '0' && s[i - 2] <= '9')));
                state = e ? ESQUOTE : SQUOTE;
            } else if (c == '"') {
                state = DQUOTE;
            } else if (c == '-' && s[i + 1] == '-') {
                state = LINE_COMMENT;
                i++;
            } else if (c == '/' && s[i + 1] == '*') {
                state = BLOCK_COMMENT;
                depth = 1;
                i++;
            } else if (c == '$') {
                /* $tag$ or $$; a $ inside an identifier or a parameter ($1) is not one */
                bool in_word = i > 0 && (s[i - 1] == '_' || (s[i - 1] >= 'a' && s[i - 1] <= 'z') ||
                                         (s[i - 1] >= 'A' && s[i - 1] <= 'Z') ||
                                         (s[i - 1] >= '0' && s[i - 1] <= '9') ||
                                         (unsigned char) s[i - 1] >= 0x80);
                size_t j = i + 1;
                while (s[j] == '_' || (s[j] >= 'a' && s[j] <= 'z') ||
                       (s[j] >= 'A' && s[j] <= 'Z') || (j > i + 1 && s[j] >= '0' && s[j] <= '9') ||
                       (unsigned char) s[j] >= 0x80)
                    j++;
                if (!in_word && s[j] == '$') {
                    tag = s + i;
                    taglen = j - i + 1;
                    state = DOLLAR;
                    i = j;
                }
            }
            break;
        case SQUOTE:
            if (c == '\'')
                state = NORMAL; /* '' re-enters at once: same result */
            break;
        case ESQUOTE:
            if (c == '\\' && s[i + 1])
                i++;
            else if (c == '\'')
                state = NORMAL;
            break;
        case DQUOTE:
            if (c == '"')
                state = NORMAL;
            break;
        case LINE_COMMENT:
            if (c == '\n')
                state = NORMAL;
            break;
        case BLOCK_COMMENT:
            if (c == '/' && s[i + 1] == '*') {
                depth++;
                i++;
            } else if (c == '*' && s[i + 1] == '/') {
                if (--depth == 0)
                    state = NORMAL;
                i++;
            }
            break;
        case DOLLAR:
            if (c == '$' && strncmp(s + i, tag, taglen) == 0) {
                i += taglen - 1;
                state = NORMAL;
            }
            break;
        }
        if (s[i] == '\n')
            line_start = true;
    }
}

/* ---- statements ------------------------------------------------------------------- */

/* Statement kinds autogen does not manage yet: a warning, and the objects' names are
 * remembered so that later statements about them are skipped quietly. */
static const char *
unmanaged_kind(PrsContext *ctx, const PrsNode *n)
{
    AgLoc none = {0};
    PrsState *st = ctx->st;
    switch (n->node_case) {
    case PG_QUERY__NODE__NODE_VIEW_STMT: {
        const PgQuery__RangeVar *rv = n->view_stmt->view;
        const char *schema =
            rv->schemaname && *rv->schemaname ? rv->schemaname : prs_creation_schema(ctx);
        prs_names_add(&st->names, &st->ignored, schema, rv->relname, none);
        if (!n->view_stmt->replace || !prs_names_find(&st->relations, schema, rv->relname))
            prs_names_add(&st->names, &st->relations, schema, rv->relname, none);
        return "views";
    }
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: {
        const PgQuery__RangeVar *rv = n->create_table_as_stmt->into->rel;
        const char *schema =
            rv->schemaname && *rv->schemaname ? rv->schemaname : prs_creation_schema(ctx);
        prs_names_add(&st->names, &st->ignored, schema, rv->relname, none);
        prs_names_add(&st->names, &st->relations, schema, rv->relname, none);
        return n->create_table_as_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW
                   ? "materialized views"
                   : "tables created AS a query";
    }
    case PG_QUERY__NODE__NODE_CREATE_FOREIGN_TABLE_STMT: {
        const PgQuery__RangeVar *rv = n->create_foreign_table_stmt->base_stmt->relation;
        const char *schema =
            rv->schemaname && *rv->schemaname ? rv->schemaname : prs_creation_schema(ctx);
        prs_names_add(&st->names, &st->ignored, schema, rv->relname, none);
        prs_names_add(&st->names, &st->relations, schema, rv->relname, none);
        return "foreign tables";
    }
    case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT: {
        const PgQuery__RangeVar *rv = n->composite_type_stmt->typevar;
        const char *schema =
            rv->schemaname && *rv->schemaname ? rv->schemaname : prs_creation_schema(ctx);
        prs_names_add(&st->names, &st->relations, schema, rv->relname, none);
        prs_names_add(&st->names, &st->types, schema, rv->relname, none);
        return "composite types";
    }
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
    case PG_QUERY__NODE__NODE_CREATE_RANGE_STMT: {
        PrsNode **names;
        size_t nnames;
        if (n->node_case == PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT) {
            names = n->create_domain_stmt->domainname;
            nnames = n->create_domain_stmt->n_domainname;
        } else {
            names = n->create_range_stmt->type_name;
            nnames = n->create_range_stmt->n_type_name;
        }
        if (nnames) {
            const char *name = prs_str(names[nnames - 1]);
            const char *schema = nnames > 1 ? prs_str(names[nnames - 2]) : prs_creation_schema(ctx);
            if (name && schema)
                prs_names_add(&st->names, &st->types, schema, name, none);
        }
        return n->node_case == PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT ? "domains" : "range types";
    }
    case PG_QUERY__NODE__NODE_DEFINE_STMT:
        switch (n->define_stmt->kind) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE: {
            size_t nn = n->define_stmt->n_defnames;
            const char *name = nn ? prs_str(n->define_stmt->defnames[nn - 1]) : NULL;
            const char *schema =
                nn > 1 ? prs_str(n->define_stmt->defnames[nn - 2]) : prs_creation_schema(ctx);
            if (name && schema)
                prs_names_add(&st->names, &st->functions, schema, name, none);
            return "aggregates";
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_OPERATOR:
            return "operators";
        case PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION: {
            /* not managed, but columns name it: remembered for prs_collation_schema */
            size_t nn = n->define_stmt->n_defnames;
            const char *name = nn ? prs_str(n->define_stmt->defnames[nn - 1]) : NULL;
            const char *schema =
                nn > 1 ? prs_str(n->define_stmt->defnames[nn - 2]) : prs_creation_schema(ctx);
            if (name && schema)
                prs_names_add(&st->names, &st->collations, schema, name, none);
            return "collations";
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: {
            size_t nn = n->define_stmt->n_defnames;
            if (nn) {
                const char *name = prs_str(n->define_stmt->defnames[nn - 1]);
                const char *schema =
                    nn > 1 ? prs_str(n->define_stmt->defnames[nn - 2]) : prs_creation_schema(ctx);
                if (name && schema)
                    prs_names_add(&st->names, &st->types, schema, name, none);
            }
            return "base types";
        }
        default:
            return "text search objects";
        }
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT: {
        const PgQuery__CreateFunctionStmt *fs = n->create_function_stmt;
        size_t nn = fs->n_funcname;
        const char *name = nn ? prs_str(fs->funcname[nn - 1]) : NULL;
        const char *schema = nn > 1 ? prs_str(fs->funcname[nn - 2]) : prs_creation_schema(ctx);
        if (name && schema)
            prs_names_add(&st->names, &st->functions, schema, name, none);
        return fs->is_procedure ? "procedures" : "functions";
    }
    case PG_QUERY__NODE__NODE_ALTER_FUNCTION_STMT:
        return "functions";
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
        return "triggers";
    case PG_QUERY__NODE__NODE_RULE_STMT:
        return "rules";
    case PG_QUERY__NODE__NODE_CREATE_CAST_STMT:
        return "casts";
    case PG_QUERY__NODE__NODE_CREATE_EVENT_TRIG_STMT:
    case PG_QUERY__NODE__NODE_ALTER_EVENT_TRIG_STMT:
        return "event triggers";
    case PG_QUERY__NODE__NODE_CREATE_PUBLICATION_STMT:
    case PG_QUERY__NODE__NODE_ALTER_PUBLICATION_STMT:
        return "publications";
    case PG_QUERY__NODE__NODE_CREATE_SUBSCRIPTION_STMT:
    case PG_QUERY__NODE__NODE_ALTER_SUBSCRIPTION_STMT:
        return "subscriptions";
    case PG_QUERY__NODE__NODE_CREATE_FOREIGN_SERVER_STMT:
    case PG_QUERY__NODE__NODE_ALTER_FOREIGN_SERVER_STMT:
        return "foreign servers";
    case PG_QUERY__NODE__NODE_CREATE_FDW_STMT:
    case PG_QUERY__NODE__NODE_ALTER_FDW_STMT:
        return "foreign-data wrappers";
    case PG_QUERY__NODE__NODE_CREATE_USER_MAPPING_STMT:
    case PG_QUERY__NODE__NODE_ALTER_USER_MAPPING_STMT:
        return "user mappings";
    case PG_QUERY__NODE__NODE_IMPORT_FOREIGN_SCHEMA_STMT:
        return "imported foreign schemas";
    case PG_QUERY__NODE__NODE_CREATE_STATS_STMT:
    case PG_QUERY__NODE__NODE_ALTER_STATS_STMT:
        return "extended statistics";
    case PG_QUERY__NODE__NODE_CREATE_OP_CLASS_STMT:
    case PG_QUERY__NODE__NODE_CREATE_OP_FAMILY_STMT:
    case PG_QUERY__NODE__NODE_ALTER_OP_FAMILY_STMT:
        return "operator classes";
    case PG_QUERY__NODE__NODE_ALTER_OPERATOR_STMT:
        return "operators";
    case PG_QUERY__NODE__NODE_CREATE_CONVERSION_STMT:
        return "conversions";
    case PG_QUERY__NODE__NODE_CREATE_TRANSFORM_STMT:
        return "transforms";
    case PG_QUERY__NODE__NODE_CREATE_AM_STMT:
        return "access methods";
    case PG_QUERY__NODE__NODE_CREATE_PLANG_STMT:
        return "languages";
    case PG_QUERY__NODE__NODE_DO_STMT:
        return "DO blocks";
    case PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT:
        return "domains";
    case PG_QUERY__NODE__NODE_ALTER_EXTENSION_STMT:
    case PG_QUERY__NODE__NODE_ALTER_EXTENSION_CONTENTS_STMT:
        return "extension updates";
    case PG_QUERY__NODE__NODE_SEC_LABEL_STMT:
        return "security labels";
    case PG_QUERY__NODE__NODE_ALTER_TSDICTIONARY_STMT:
    case PG_QUERY__NODE__NODE_ALTER_TSCONFIGURATION_STMT:
        return "text search objects";
    case PG_QUERY__NODE__NODE_ALTER_COLLATION_STMT:
        return "collations";
    case PG_QUERY__NODE__NODE_CREATE_TABLE_SPACE_STMT:
    case PG_QUERY__NODE__NODE_ALTER_TABLE_SPACE_OPTIONS_STMT:
        return "tablespaces";
    case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT:
        return "materialized views";
    case PG_QUERY__NODE__NODE_ALTER_OBJECT_DEPENDS_STMT:
        return "extension dependencies";
    default:
        return NULL;
    }
}

/* DROP of an object kind autogen does not manage: a warning like its CREATE. */
static const char *
drop_unmanaged_kind(PgQuery__ObjectType t)
{
    switch (t) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE:
        return "aggregates";
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
        return "domains";
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:
        return "functions";
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
        return "procedures";
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
        return "views";
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
        return "materialized views";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
        return "triggers";
    case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY:
        return "policies";
    case PG_QUERY__OBJECT_TYPE__OBJECT_RULE:
        return "rules";
    case PG_QUERY__OBJECT_TYPE__OBJECT_OPERATOR:
        return "operators";
    case PG_QUERY__OBJECT_TYPE__OBJECT_CAST:
        return "casts";
    case PG_QUERY__OBJECT_TYPE__OBJECT_EVENT_TRIGGER:
        return "event triggers";
    case PG_QUERY__OBJECT_TYPE__OBJECT_PUBLICATION:
        return "publications";
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
        return "foreign tables";
    default:
        return NULL;
    }
}

/* The server's default, "$user", public: public (no schema is named after a role in a
 * model). */
static void
set_default_search_path(PrsContext *ctx)
{
    static const char *const def[] = {"public"};
    ctx->search_path = def;
    ctx->nsearch_path = 1;
}

/* Split a search_path value ('a, "B"') as SplitIdentifierString does. */
static void
set_search_path_text(PrsContext *ctx, const char *value)
{
    const char **path = ag_arena_alloc(ctx->arena, sizeof(char *) * (strlen(value) / 2 + 2));
    uint32_t n = 0;
    const char *p = value;
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        if (!*p)
            break;
        AgBuf b;
        ag_buf_init(&b);
        if (*p == '"') {
            for (p++; *p; p++) {
                if (*p == '"') {
                    if (p[1] != '"')
                        break;
                    p++;
                }
                ag_buf_putc(&b, *p);
            }
            if (*p)
                p++;
        } else {
            while (*p && *p != ',' && *p != ' ' && *p != '\t' && *p != '\n') {
                char c = *p++;
                ag_buf_putc(&b, (char) (c >= 'A' && c <= 'Z' ? c + 32 : c));
            }
        }
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        if (*p == ',')
            p++;
        const char *entry = ag_buf_cstr(&b);
        if (*entry && strcmp(entry, "$user") != 0 && strcmp(entry, "pg_temp") != 0)
            path[n++] = ag_arena_strdup(ctx->arena, entry);
        ag_buf_free(&b);
    }
    ctx->search_path = path;
    ctx->nsearch_path = n;
}

static void
set_search_path_args(PrsContext *ctx, PrsNode **args, size_t nargs)
{
    const char **path = ag_arena_alloc(ctx->arena, sizeof(char *) * (nargs + 1));
    uint32_t n = 0;
    for (size_t i = 0; i < nargs; i++) {
        const PrsNode *a = args[i];
        if (a->node_case != PG_QUERY__NODE__NODE_A_CONST ||
            a->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
            continue;
        const char *v = a->a_const->sval->sval;
        if (*v && strcmp(v, "$user") != 0 && strcmp(v, "pg_temp") != 0)
            path[n++] = ag_arena_strdup(ctx->arena, v);
    }
    ctx->search_path = path;
    ctx->nsearch_path = n;
}

/* SELECT pg_catalog.set_config('search_path', '...', false) as pg_dump writes it. */
static bool
select_sets_search_path(PrsContext *ctx, const PgQuery__SelectStmt *sel)
{
    if (sel->n_target_list != 1 || sel->n_from_clause || sel->where_clause)
        return false;
    const PrsNode *t = sel->target_list[0];
    if (t->node_case != PG_QUERY__NODE__NODE_RES_TARGET || !t->res_target->val ||
        t->res_target->val->node_case != PG_QUERY__NODE__NODE_FUNC_CALL)
        return false;
    const PgQuery__FuncCall *fc = t->res_target->val->func_call;
    const char *fname = fc->n_funcname ? prs_str(fc->funcname[fc->n_funcname - 1]) : NULL;
    if (!fname || strcmp(fname, "set_config") != 0 || fc->n_args != 3)
        return false;
    const PrsNode *a0 = fc->args[0], *a1 = fc->args[1];
    if (a0->node_case != PG_QUERY__NODE__NODE_A_CONST ||
        a0->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL ||
        a1->node_case != PG_QUERY__NODE__NODE_A_CONST ||
        a1->a_const->val_case != PG_QUERY__A__CONST__VAL_SVAL)
        return false;
    if (strcmp(a0->a_const->sval->sval, "search_path") != 0)
        return true; /* another setting: nothing for the model */
    set_search_path_text(ctx, a1->a_const->sval->sval);
    return true;
}

static void dispatch(PrsContext *ctx, const PrsNode *n, int32_t loc);

/* The statement's leading keywords as it was written ("VACUUM", "DROP DATABASE"), for
 * messages. Result in tmp. */
static const char *
stmt_tag(PrsContext *ctx)
{
    const char *s = ctx->stmt_text;
    AgBuf b;
    ag_buf_init(&b);
    size_t i = 0;
    int words = 0;
    while (s[i] && words < 2) {
        while (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
            i++;
        if (s[i] == '-' && s[i + 1] == '-') {
            while (s[i] && s[i] != '\n')
                i++;
            continue;
        }
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
            break;
        if (words)
            ag_buf_putc(&b, ' ');
        while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_') {
            ag_buf_putc(&b, (char) (s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]));
            i++;
        }
        words++;
        const char *first = ag_buf_cstr(&b);
        if (words == 1 && strcmp(first, "CREATE") != 0 && strcmp(first, "ALTER") != 0 &&
            strcmp(first, "DROP") != 0)
            break;
    }
    const char *r = ag_arena_strdup(ctx->tmp, b.len ? ag_buf_cstr(&b) : "this statement");
    ag_buf_free(&b);
    return r;
}

static void
create_schema_elements(PrsContext *ctx, const PgQuery__CreateSchemaStmt *cs)
{
    const char *const *saved = ctx->search_path;
    uint32_t nsaved = ctx->nsearch_path;
    const char **path = ag_arena_alloc(ctx->tmp, sizeof(char *) * (nsaved + 1));
    path[0] = cs->schemaname;
    for (uint32_t i = 0; i < nsaved; i++)
        path[i + 1] = saved[i];
    ctx->search_path = path;
    ctx->nsearch_path = nsaved + 1;
    for (size_t i = 0; i < cs->n_schema_elts; i++)
        dispatch(ctx, cs->schema_elts[i], -1);
    ctx->search_path = saved;
    ctx->nsearch_path = nsaved;
}

static void
dispatch(PrsContext *ctx, const PrsNode *n, int32_t loc)
{
    AgLoc here = prs_loc_from_offset(ctx, loc);
    switch (n->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT:
        prs_create_table(ctx, n->create_stmt, loc);
        return;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
        prs_alter_table(ctx, n->alter_table_stmt);
        return;
    case PG_QUERY__NODE__NODE_RENAME_STMT:
        prs_rename(ctx, n->rename_stmt);
        return;
    case PG_QUERY__NODE__NODE_INDEX_STMT:
        prs_create_index(ctx, n->index_stmt, loc);
        return;
    case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT:
        prs_create_schema(ctx, n->create_schema_stmt, loc);
        if (n->create_schema_stmt->n_schema_elts && n->create_schema_stmt->schemaname &&
            *n->create_schema_stmt->schemaname)
            create_schema_elements(ctx, n->create_schema_stmt);
        return;
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
        prs_create_extension(ctx, n->create_extension_stmt, loc);
        return;
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
        prs_create_enum(ctx, n->create_enum_stmt, loc);
        return;
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
        prs_alter_enum(ctx, n->alter_enum_stmt, loc);
        return;
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
        prs_create_domain(ctx, n->create_domain_stmt, loc);
        return;
    case PG_QUERY__NODE__NODE_DO_STMT:
        prs_do_block(ctx, n->do_stmt, loc);
        return;
    case PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT:
        prs_alter_domain(ctx, n->alter_domain_stmt, loc);
        return;
    case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
        prs_create_composite(ctx, n->composite_type_stmt, loc);
        return;
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
        prs_create_sequence(ctx, n->create_seq_stmt, loc);
        return;
    case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT:
        prs_alter_sequence(ctx, n->alter_seq_stmt, loc);
        return;
    case PG_QUERY__NODE__NODE_COMMENT_STMT:
        prs_comment(ctx, n->comment_stmt, loc);
        return;
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:
        prs_create_policy(ctx, n->create_policy_stmt, loc);
        return;
    case PG_QUERY__NODE__NODE_ALTER_POLICY_STMT:
        prs_alter_policy(ctx, n->alter_policy_stmt, loc);
        return;
    case PG_QUERY__NODE__NODE_VIEW_STMT:
        prs_create_view(ctx, n->view_stmt);
        return;
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
        if (prs_create_matview(ctx, n->create_table_as_stmt) ||
            prs_create_table_as(ctx, n->create_table_as_stmt))
            return;
        break;
    case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT:
        if (prs_refresh_matview(ctx, n->refresh_mat_view_stmt))
            return;
        break;
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
        prs_create_function(ctx, n->create_function_stmt, loc);
        return;
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
        prs_create_trigger(ctx, n->create_trig_stmt, loc);
        return;
    case PG_QUERY__NODE__NODE_DEFINE_STMT:
        if (prs_create_aggregate(ctx, n->define_stmt, loc))
            return;
        break;
    case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT: {
        const PgQuery__VariableSetStmt *vs = n->variable_set_stmt;
        if (vs->name && strcmp(vs->name, "search_path") == 0 && !vs->is_local) {
            if (vs->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE)
                set_search_path_args(ctx, vs->args, vs->n_args);
            else if (vs->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_SET_DEFAULT ||
                     vs->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET ||
                     vs->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL)
                set_default_search_path(ctx);
        } else if (vs->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL) {
            set_default_search_path(ctx);
        }
        return;
    }
    case PG_QUERY__NODE__NODE_SELECT_STMT:
        if (select_sets_search_path(ctx, n->select_stmt))
            return;
        ag_diag_warning(ctx->diag, here, "a query is not part of a schema: SELECT ignored");
        return;
    case PG_QUERY__NODE__NODE_INSERT_STMT:
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
    case PG_QUERY__NODE__NODE_DELETE_STMT:
    case PG_QUERY__NODE__NODE_MERGE_STMT:
    case PG_QUERY__NODE__NODE_COPY_STMT:
    case PG_QUERY__NODE__NODE_TRUNCATE_STMT:
    case PG_QUERY__NODE__NODE_CALL_STMT: {
        static const char *const verbs[] = {"INSERT", "UPDATE",   "DELETE", "MERGE",
                                            "COPY",   "TRUNCATE", "CALL"};
        const char *verb = verbs[0];
        switch (n->node_case) {
        case PG_QUERY__NODE__NODE_UPDATE_STMT:
            verb = verbs[1];
            break;
        case PG_QUERY__NODE__NODE_DELETE_STMT:
            verb = verbs[2];
            break;
        case PG_QUERY__NODE__NODE_MERGE_STMT:
            verb = verbs[3];
            break;
        case PG_QUERY__NODE__NODE_COPY_STMT:
            verb = verbs[4];
            break;
        case PG_QUERY__NODE__NODE_TRUNCATE_STMT:
            verb = verbs[5];
            break;
        case PG_QUERY__NODE__NODE_CALL_STMT:
            verb = verbs[6];
            break;
        default:
            break;
        }
        /* Seed data (Rails' schema_migrations rows, pg_dump's setval) is common in
         * schema files: ignored with a warning rather than refused. */
        ag_diag_warning(ctx->diag, here, "data is not part of a schema model: %s ignored", verb);
        return;
    }
    case PG_QUERY__NODE__NODE_GRANT_STMT:
        prs_grant(ctx, n->grant_stmt, loc);
        return;
    case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
    case PG_QUERY__NODE__NODE_GRANT_ROLE_STMT:
    case PG_QUERY__NODE__NODE_ALTER_DEFAULT_PRIVILEGES_STMT:
    case PG_QUERY__NODE__NODE_ALTER_OWNER_STMT:
    case PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT:
    case PG_QUERY__NODE__NODE_CONSTRAINTS_SET_STMT:
        return; /* privileges and owners are managed elsewhere; the rest has no effect */
    case PG_QUERY__NODE__NODE_CREATE_ROLE_STMT:
    case PG_QUERY__NODE__NODE_ALTER_ROLE_STMT:
    case PG_QUERY__NODE__NODE_ALTER_ROLE_SET_STMT:
    case PG_QUERY__NODE__NODE_DROP_ROLE_STMT:
        ag_diag_warning(ctx->diag, here, "roles are managed outside the model: ignored");
        return;
    case PG_QUERY__NODE__NODE_DROP_STMT: {
        const char *kind = drop_unmanaged_kind(n->drop_stmt->remove_type);
        if (kind) {
            ag_diag_warning(ctx->diag, here, "autogen does not manage %s yet: ignored", kind);
            return;
        }
        ag_diag_error(ctx->diag, here,
                      "DROP has no place in a model: a model states what exists (remove the "
                      "object's definition instead)");
        return;
    }
    case PG_QUERY__NODE__NODE_ALTER_TYPE_STMT:
    case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT:
        ag_diag_warning(ctx->diag, here,
                        "autogen does not manage this ALTER statement yet: "
                        "ignored");
        return;
    default:
        break;
    }
    const char *kind = unmanaged_kind(ctx, n);
    if (kind) {
        ag_diag_warning(ctx->diag, here, "autogen does not manage %s yet: ignored", kind);
        return;
    }
    ag_diag_error(ctx->diag, here, "%s has no place in a model: expected DDL such as CREATE TABLE",
                  stmt_tag(ctx));
}

/* The first byte at or after i that is not whitespace, a semicolon or a comment. */
static size_t
skip_blank_and_comments(const char *s, size_t i)
{
    for (;;) {
        while (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == ';' ||
               s[i] == '\f')
            i++;
        if (s[i] == '-' && s[i + 1] == '-') {
            while (s[i] && s[i] != '\n')
                i++;
        } else if (s[i] == '/' && s[i + 1] == '*') {
            /* block comments nest in PostgreSQL */
            size_t j = i + 2;
            int depth = 1;
            while (s[j] && depth) {
                if (s[j] == '/' && s[j + 1] == '*') {
                    depth++;
                    j += 2;
                } else if (s[j] == '*' && s[j + 1] == '/') {
                    depth--;
                    j += 2;
                } else {
                    j++;
                }
            }
            if (depth)
                return i; /* an unterminated comment is left to the parser to report */
            i = j;
        } else {
            return i;
        }
    }
}

/* Point ctx at text[from..to) as its current statement, starting at (line, col). */
static void
set_statement(PrsContext *ctx, const char *text, size_t from, size_t to, uint32_t line,
              uint32_t col)
{
    ctx->stmt_text = text + from;
    ctx->stmt_len = to - from;
    ctx->stmt_line = line;
    ctx->stmt_col = col;
}

/* The unpacked tree of one statement lives in an arena of its own, freed at once when
 * the statement is walked (no node-by-node free_unpacked, no malloc per node). */
static void *
tree_alloc(void *data, size_t size)
{
    return ag_arena_alloc(data, size);
}

static void
tree_free(void *data, void *p)
{
    (void) data;
    (void) p;
}

/* Parse one statement (ctx->stmt_text) and walk it. */
static void
parse_statement(PrsContext *ctx)
{
    PgQueryProtobufParseResult r = pg_query_parse_protobuf(ctx->stmt_text);
    if (r.error) {
        size_t off = prs_char_to_byte(ctx->stmt_text, r.error->cursorpos);
        ag_diag_error(ctx->diag, prs_loc_from_offset(ctx, (int32_t) off), "%s", r.error->message);
        pg_query_free_protobuf_parse_result(r);
        return;
    }
    AgArena tree;
    ag_arena_init(&tree);
    ProtobufCAllocator alloc = {.alloc = tree_alloc, .free = tree_free, .allocator_data = &tree};
    PgQuery__ParseResult *pr =
        pg_query__parse_result__unpack(&alloc, r.parse_tree.len, (const uint8_t *) r.parse_tree.data);
    /* The packed tree is no longer needed once unpacked. */
    pg_query_free_protobuf_parse_result(r);
    if (!pr) {
        ag_diag_error(ctx->diag, prs_stmt_loc(ctx), "cannot read libpg_query's parse tree");
        ag_arena_free(&tree);
        return;
    }
    for (size_t i = 0; i < pr->n_stmts; i++) {
        const PgQuery__RawStmt *raw = pr->stmts[i];
        if (!raw->stmt)
            continue;
        /* Declaration sites are the statement's first token. */
        int32_t first = -1;
        dispatch(ctx, raw->stmt, first);
    }
    ag_arena_free(&tree);
}

void
prs_parse_nested(PrsContext *ctx, const char *sql, uint32_t line, uint32_t col)
{
    const char *text = ctx->stmt_text;
    size_t len = ctx->stmt_len;
    uint32_t l = ctx->stmt_line, c = ctx->stmt_col;
    const char *copy = ag_arena_strdup(ctx->tmp, sql);
    set_statement(ctx, copy, 0, strlen(copy), line, col);
    parse_statement(ctx);
    ctx->stmt_text = text;
    ctx->stmt_len = len;
    ctx->stmt_line = l;
    ctx->stmt_col = c;
}

static void
context_init(PrsContext *ctx, PrsState *st, AgDiag *diag, AgArena *tmp, const char *file)
{
    memset(ctx, 0, sizeof(*ctx));
    ctx->st = st;
    ctx->cat = st->cat;
    ctx->arena = st->cat->arena;
    ctx->tmp = tmp;
    ctx->diag = diag;
    ctx->file = file;
    set_default_search_path(ctx);
}

bool
prs_load_string(Catalog *cat, const char *filename, const char *text, AgDiag *diag)
{
    size_t errors_before = diag->nerrors;
    PrsState *st = state_get(cat);
    AgArena tmp;
    ag_arena_init(&tmp);
    PrsContext ctx;
    context_init(&ctx, st, diag, &tmp, ag_arena_strdup(cat->arena, filename));

    /* Model files are UTF-8: a Latin-1 file would otherwise pass through into SQL that
     * fails, or worse, lands as mojibake, only when it reaches a server. */
    size_t bad = ag_utf8_invalid_offset(text, strlen(text));
    if (bad != (size_t) -1) {
        AgLoc loc = {.file = ctx.file};
        ag_line_col(text, bad, &loc.line, &loc.col);
        ag_diag_error(diag, loc,
                      "invalid UTF-8 (byte 0x%02x): model files must be UTF-8 (convert with "
                      "iconv -f LATIN1 -t UTF-8, for example)",
                      (unsigned char) text[bad]);
        ag_arena_free(&tmp);
        return false;
    }
    char *copy = ag_xstrdup(text);
    /* a UTF-8 byte order mark (editors on Windows write one) is not SQL */
    if ((unsigned char) copy[0] == 0xEF && (unsigned char) copy[1] == 0xBB &&
        (unsigned char) copy[2] == 0xBF)
        memset(copy, ' ', 3);
    blank_meta_lines(copy);

    PgQuerySplitResult split = pg_query_split_with_scanner(copy);
    if (split.error) {
        size_t off = prs_char_to_byte(copy, split.error->cursorpos);
        set_statement(&ctx, copy, 0, strlen(copy), 1, 1);
        ag_diag_error(diag, prs_loc_from_offset(&ctx, (int32_t) off), "%s", split.error->message);
        pg_query_free_split_result(split);
        free(copy);
        ag_arena_free(&tmp);
        return false;
    }
    /* Copied out of the split result, which is freed at once. */
    CatStmtSpan *spans = ag_xmalloc(sizeof(CatStmtSpan) * ((size_t) split.n_stmts + 1));
    for (int i = 0; i < split.n_stmts; i++) {
        spans[i].offset = (size_t) split.stmts[i]->stmt_location;
        spans[i].len = (size_t) split.stmts[i]->stmt_len;
        /* libpg_query's stmt_len 0 means "to the end of the text" (a last statement
         * without its semicolon); taken as empty, such a statement vanished unread. */
        if (spans[i].len == 0)
            spans[i].len = strlen(copy + spans[i].offset);
    }
    size_t nspans = cat_split_join_atomic(copy, spans, (size_t) split.n_stmts);
    pg_query_free_split_result(split);
    size_t pos = 0, end = 0;
    uint32_t line = 1, col = 1;
    for (size_t i = 0; i < nspans; i++) {
        size_t off = spans[i].offset;
        size_t len = spans[i].len;
        /* the place of this statement, counted on from the previous one's */
        set_statement(&ctx, copy, pos, off, line, col);
        AgLoc start = prs_loc_from_offset(&ctx, (int32_t) (off - pos));
        line = start.line;
        col = start.col;
        pos = off;
        set_statement(&ctx, ag_arena_strndup(&tmp, copy + off, len), 0, len, line, col);
        parse_statement(&ctx);
        ag_arena_free(&tmp);
        ag_arena_init(&tmp);
        end = off + len;
    }
    /* The scanner's split drops a last statement it cannot close (an unbalanced
     * parenthesis at the end of the file): parse what is left so it is reported, never
     * silently lost. */
    size_t rest = skip_blank_and_comments(copy, end);
    if (copy[rest]) {
        set_statement(&ctx, copy, pos, rest, line, col);
        AgLoc start = prs_loc_from_offset(&ctx, (int32_t) (rest - pos));
        size_t len = strlen(copy + rest);
        set_statement(&ctx, ag_arena_strndup(&tmp, copy + rest, len), 0, len, start.line,
                      start.col);
        parse_statement(&ctx);
    }
    free(spans);
    free(copy);
    ag_arena_free(&tmp);
    prs_annotate_renames(cat, ctx.file, text);
    return diag->nerrors == errors_before;
}

/* ---- finishing ------------------------------------------------------------------ */

static bool
same_set(const char *const *a, uint32_t na, const char *const *b, uint32_t nb)
{
    if (na != nb)
        return false;
    for (uint32_t i = 0; i < na; i++) {
        bool found = false;
        for (uint32_t k = 0; k < nb && !found; k++)
            found = strcmp(a[i], b[k]) == 0;
        if (!found)
            return false;
    }
    return true;
}

/* Does t have a PRIMARY KEY or UNIQUE constraint, or a unique index without predicate or
 * expressions, on exactly these columns? (transformFkeyCheckAttrs) */
static bool
has_unique_key(const Catalog *cat, const CatTable *t, const char *const *cols, uint32_t ncols)
{
    for (uint32_t i = 0; i < t->nconstraints; i++) {
        const CatConstraint *c = &t->constraints[i];
        if ((c->type == CAT_CON_PRIMARY || c->type == CAT_CON_UNIQUE) && !c->deferrable &&
            same_set(c->columns, c->ncolumns, cols, ncols))
            return true;
    }
    for (uint32_t i = 0; i < cat->nobjects; i++) {
        const CatObject *o = cat->objects[i];
        if (o->kind != CAT_INDEX)
            continue;
        const CatIndex *ix = (const CatIndex *) o;
        if (!ix->is_unique || ix->where || strcmp(ix->table, t->obj.name) != 0 ||
            !ag_streq(o->schema, t->obj.schema) || ix->nelems != ncols)
            continue;
        const char **names = ag_arena_alloc(cat->arena, sizeof(char *) * (ncols + 1));
        bool plain = true;
        for (uint32_t k = 0; k < ix->nelems; k++) {
            names[k] = ix->elems[k].column;
            plain = plain && names[k];
        }
        if (plain && same_set(names, ncols, cols, ncols))
            return true;
    }
    return false;
}

static void
resolve_foreign_keys(PrsState *st, AgDiag *diag)
{
    Catalog *cat = st->cat;
    AgArena tmp;
    ag_arena_init(&tmp);
    for (uint32_t i = 0; i < cat->nobjects; i++) {
        if (cat->objects[i]->kind != CAT_TABLE)
            continue;
        CatTable *t = (CatTable *) cat->objects[i];
        for (uint32_t k = 0; k < t->nconstraints; k++) {
            CatConstraint *c = &t->constraints[k];
            if (c->type != CAT_CON_FOREIGN)
                continue;
            CatTable *ref = cat_table_find(cat, c->ref_schema, c->ref_table);
            const char *refname = cat_qualified(&tmp, c->ref_schema, c->ref_table);
            if (!ref) {
                if (prs_names_find(&st->ignored, c->ref_schema, c->ref_table)) {
                    if (!c->nref_columns)
                        ag_diag_warning(diag, c->loc,
                                        "foreign key \"%s\" references %s, which autogen does "
                                        "not manage yet: name the referenced columns",
                                        c->name, refname);
                    continue;
                }
                ag_diag_error(diag, c->loc,
                              "foreign key \"%s\" references table %s, which is not defined in "
                              "the model",
                              c->name, refname);
                continue;
            }
            if (!c->nref_columns) {
                const CatConstraint *pk = NULL;
                for (uint32_t j = 0; j < ref->nconstraints; j++)
                    if (ref->constraints[j].type == CAT_CON_PRIMARY)
                        pk = &ref->constraints[j];
                if (!pk) {
                    ag_diag_error(diag, c->loc,
                                  "foreign key \"%s\" names no columns of %s, which has no "
                                  "primary key: expected REFERENCES %s (columns)",
                                  c->name, refname, refname);
                    continue;
                }
                c->ref_columns = pk->columns;
                c->nref_columns = pk->ncolumns;
            }
            if (c->nref_columns != c->ncolumns) {
                ag_diag_error(diag, c->loc,
                              "foreign key \"%s\" has %u referencing and %u referenced columns",
                              c->name, c->ncolumns, c->nref_columns);
                continue;
            }
            bool ok = true;
            for (uint32_t j = 0; j < c->nref_columns; j++) {
                if (!cat_table_find_column(ref, c->ref_columns[j])) {
                    ag_diag_error(diag, c->loc,
                                  "foreign key \"%s\" references column \"%s\", which table %s "
                                  "does not have",
                                  c->name, c->ref_columns[j], refname);
                    ok = false;
                }
            }
            if (ok && !has_unique_key(cat, ref, c->ref_columns, c->nref_columns))
                ag_diag_error(diag, c->loc,
                              "foreign key \"%s\": no unique constraint of %s matches the "
                              "referenced columns",
                              c->name, refname);
        }
    }
    ag_arena_free(&tmp);
}

/* Every object's schema must be one the model creates (or public, always there). */
static void
check_schemas(PrsState *st, AgDiag *diag)
{
    Catalog *cat = st->cat;
    AgArena tmp;
    ag_arena_init(&tmp);
    for (uint32_t i = 0; i < cat->nobjects; i++) {
        const CatObject *o = cat->objects[i];
        if (o->kind == CAT_SCHEMA || !o->schema || strcmp(o->schema, "public") == 0 ||
            cat_find(cat, CAT_SCHEMA, NULL, o->schema))
            continue;
        /* one report per schema: the first object the model declares in it */
        bool first = true;
        for (uint32_t k = 0; k < i && first; k++)
            first = !ag_streq(cat->objects[k]->schema, o->schema) ||
                    cat->objects[k]->kind == CAT_SCHEMA;
        if (first)
            ag_diag_error(diag, o->loc, "schema %s is not defined in the model",
                          cat_quote_ident(&tmp, o->schema));
    }
    ag_arena_free(&tmp);
}

/* A column's type that is not built in must be a type of the model: an enum, a type
 * autogen does not manage (domain, composite, range), a relation's row type, or a type
 * an extension of the model may have created in that schema. */
static void
check_types(PrsState *st, AgDiag *diag)
{
    AgArena tmp;
    ag_arena_init(&tmp);
    for (uint32_t i = 0; i < st->ntype_uses; i++) {
        const PrsTypeUse *u = &st->type_uses[i];
        if (cat_find(st->cat, CAT_ENUM, u->schema, u->name) ||
            prs_names_find(&st->types, u->schema, u->name) ||
            prs_names_find(&st->relations, u->schema, u->name))
            continue;
        bool ext = false;
        for (uint32_t k = 0; k < st->cat->nobjects && !ext; k++)
            ext = st->cat->objects[k]->kind == CAT_EXTENSION &&
                  ag_streq(st->cat->objects[k]->schema, u->schema);
        if (!ext)
            ag_diag_error(diag, u->loc,
                          "type %s is not defined: expected a built-in type or a type of the "
                          "model",
                          cat_qualified(&tmp, u->schema, u->name));
    }
    ag_arena_free(&tmp);
}

/* Drop what ALTER INDEX ... ATTACH PARTITION made a clone of a partitioned index: a
 * standalone index, or the PRIMARY KEY / UNIQUE / EXCLUDE constraint behind it. */
static void
drop_attached(PrsState *st)
{
    if (!st->attached.len)
        return;
    Catalog *cat = st->cat;
    for (uint32_t i = 0; i < cat->nobjects;) {
        CatObject *o = cat->objects[i];
        if (o->kind == CAT_INDEX && prs_names_find(&st->attached, o->schema, o->name))
            prs_remove_object(cat, o); /* the next object moved to position i */
        else
            i++;
    }
    for (uint32_t i = 0; i < st->attached.cap; i++) {
        const PrsNameEntry *a = &st->attached.items[i];
        if (!a->key || !a->count)
            continue;
        const char *name = strchr(a->key, '\x1f') + 1;
        size_t slen = (size_t) (name - 1 - a->key);
        char *schema = ag_arena_strndup(cat->arena, a->key, slen);
        const PrsNameEntry *c = prs_names_find(&st->constraints, schema, name);
        CatTable *t = c ? c->obj : NULL;
        if (!t)
            continue;
        for (uint32_t j = 0; j < t->nconstraints; j++) {
            CatConstraint *con = &t->constraints[j];
            if (strcmp(con->name, name) != 0 || con->type == CAT_CON_CHECK ||
                con->type == CAT_CON_FOREIGN)
                continue;
            memmove(con, con + 1, sizeof(CatConstraint) * (t->nconstraints - j - 1));
            t->nconstraints--;
            break;
        }
    }
}

static void
check_sequence_owners(PrsState *st, AgDiag *diag)
{
    Catalog *cat = st->cat;
    AgArena tmp;
    ag_arena_init(&tmp);
    for (uint32_t i = 0; i < cat->nobjects; i++) {
        if (cat->objects[i]->kind != CAT_SEQUENCE)
            continue;
        CatSequence *s = (CatSequence *) cat->objects[i];
        if (!s->owned_table)
            continue;
        CatTable *t = cat_table_find(cat, s->owned_schema, s->owned_table);
        if (!t) {
            if (!prs_names_find(&st->ignored, s->owned_schema, s->owned_table))
                ag_diag_error(diag, s->obj.loc,
                              "sequence %s is owned by table %s, which is not defined in the "
                              "model",
                              cat_qualified(&tmp, s->obj.schema, s->obj.name),
                              cat_qualified(&tmp, s->owned_schema, s->owned_table));
            continue;
        }
        if (!cat_table_find_column(t, s->owned_column))
            ag_diag_error(diag, s->obj.loc,
                          "sequence %s is owned by column \"%s\", which table %s does not have",
                          cat_qualified(&tmp, s->obj.schema, s->obj.name), s->owned_column,
                          cat_qualified(&tmp, s->owned_schema, s->owned_table));
    }
    ag_arena_free(&tmp);
}

bool
prs_finish(Catalog *cat, AgDiag *diag)
{
    PrsState *st = state_find(cat);
    if (st) {
        AgArena tmp;
        ag_arena_init(&tmp);
        /* Replay in order: a statement may depend on one deferred before it. */
        for (uint32_t i = 0; i < st->ndeferred; i++) {
            const PrsDeferred *d = &st->deferred[i];
            PrsContext ctx;
            context_init(&ctx, st, diag, &tmp, d->file);
            ctx.stmt_text = d->text;
            ctx.stmt_len = strlen(d->text);
            ctx.stmt_line = d->line;
            ctx.stmt_col = d->col;
            ctx.search_path = d->search_path;
            ctx.nsearch_path = d->nsearch_path;
            ctx.replaying = true;
            parse_statement(&ctx);
            ag_arena_free(&tmp);
            ag_arena_init(&tmp);
        }
        ag_arena_free(&tmp);
        check_schemas(st, diag);
        check_types(st, diag);
        resolve_foreign_keys(st, diag);
        check_sequence_owners(st, diag);
        drop_attached(st);
        ag_arena_free(&st->names);
        state_drop(cat);
    }
    cat_finish(cat);
    return !ag_diag_has_errors(diag);
}

/* ---- files and folders ------------------------------------------------------------ */

static int
cmp_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *) a, *(char *const *) b);
}

static bool
ends_with_sql(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".sql") == 0;
}

/* Append every *.sql below dir to out (heap strings). */
static bool
collect_dir(const char *dir, AgVec *out, AgDiag *diag)
{
    DIR *d = opendir(dir);
    if (!d) {
        ag_diag_error(diag, (AgLoc){0}, "cannot open folder %s", dir);
        return false;
    }
    bool ok = true;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *path = ag_xmalloc(n);
        snprintf(path, n, "%s/%s", dir, e->d_name);
        struct stat sb;
        if (stat(path, &sb) != 0) {
            free(path);
            continue;
        }
        if (S_ISDIR(sb.st_mode)) {
            ok = collect_dir(path, out, diag) && ok;
            free(path);
        } else if (S_ISREG(sb.st_mode) && ends_with_sql(e->d_name)) {
            ag_vec_push(out, path);
        } else {
            free(path);
        }
    }
    closedir(d);
    return ok;
}

bool
prs_load_paths(Catalog *cat, const char *const *paths, size_t npaths, AgDiag *diag)
{
    bool ok = true;
    AgVec files = {0};
    for (size_t i = 0; i < npaths; i++) {
        struct stat sb;
        if (stat(paths[i], &sb) != 0) {
            ag_diag_error(diag, (AgLoc){0}, "cannot read %s: no such file or folder", paths[i]);
            ok = false;
            continue;
        }
        if (S_ISDIR(sb.st_mode)) {
            size_t first = files.len;
            ok = collect_dir(paths[i], &files, diag) && ok;
            if (files.len - first > 1)
                ag_qsort(files.items + first, files.len - first, sizeof(void *), cmp_paths);
            if (files.len == first)
                ag_diag_warning(diag, (AgLoc){0}, "no .sql file in %s: the model is empty",
                                paths[i]);
        } else {
            ag_vec_push(&files, ag_xstrdup(paths[i]));
        }
    }
    (void) state_get(cat);
    for (size_t i = 0; i < files.len; i++) {
        AgArena fa;
        ag_arena_init(&fa);
        const char *path = files.items[i];
        char *text = ag_read_file(&fa, path, NULL, diag);
        if (text)
            ok = prs_load_string(cat, path, text, diag) && ok;
        else
            ok = false;
        ag_arena_free(&fa);
        free(files.items[i]);
    }
    ag_vec_free(&files);
    ok = prs_finish(cat, diag) && ok;
    return ok;
}

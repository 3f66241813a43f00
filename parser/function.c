/*
 * parser/function.c: CREATE [OR REPLACE] FUNCTION / PROCEDURE and CREATE [CONSTRAINT]
 * TRIGGER into the catalog, with their COMMENT ON statements.
 *
 * A function is keyed by its signature, "fname(identity types)" with the types as
 * format_type prints them without typmods (proargtypes keeps none); the rest is stored
 * as PostgreSQL's catalogs hold it: arguments and result as pg_get_function_arguments /
 * pg_get_function_result print them, the body (prosrc) verbatim, attributes with the
 * server's defaults filled in. The statement itself, turned into CREATE OR REPLACE, is
 * kept as the definition that emit/ prints.
 * A trigger is kept as its statement; both sides compare cat_canon_stmt forms.
 * Aggregates (CREATE AGGREGATE, new and old style) are CatFunctions too, keyed
 * "fname(types)" ("x ORDER BY y" for ordered-set ones, "()" for (*)); their options are
 * kept as CatFunction.aggregate, the text introspect_function.c builds from pg_aggregate.
 * Not here: window functions (warned about), event triggers (parser.c).
 * TODO: COMMENT ON AGGREGATE of an ordered-set aggregate (ORDER BY in its arguments).
 * TODO: SQL-standard bodies (BEGIN ATOMIC / RETURN) are compared by attributes only;
 *       %TYPE argument types.
 */
#include <stdlib.h>
#include <string.h>

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include "parser/internal.h"

/* ---- the statement text ------------------------------------------------------------ */

/* Skip blanks and SQL comments. */
static const char *
skip_space(const char *s)
{
    for (;;) {
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f')
            s++;
        if (s[0] == '-' && s[1] == '-') {
            while (*s && *s != '\n')
                s++;
            continue;
        }
        if (s[0] == '/' && s[1] == '*') {
            const char *e = strstr(s + 2, "*/");
            s = e ? e + 2 : s + strlen(s);
            continue;
        }
        return s;
    }
}

static bool
word_is(const char *s, const char *w)
{
    size_t n = strlen(w);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'a' && c <= 'z')
            c = (char) (c - 32);
        if (c != w[i])
            return false;
    }
    char c = s[n];
    return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
             (c >= '0' && c <= '9'));
}

/* The current statement without leading comments and the final semicolon, as "CREATE
 * OR REPLACE <kind> ..." when it was plain CREATE <kind>. Result in the catalog arena. */
static const char *
statement_text(PrsContext *ctx, int32_t at, bool or_replace)
{
    size_t from = at > 0 && (size_t) at < ctx->stmt_len ? (size_t) at : 0;
    const char *s = skip_space(ctx->stmt_text + from);
    size_t len = ctx->stmt_len - (size_t) (s - ctx->stmt_text);
    while (len > 0 && (s[len - 1] == ';' || s[len - 1] == ' ' || s[len - 1] == '\n' ||
                       s[len - 1] == '\t' || s[len - 1] == '\r'))
        len--;
    if (or_replace && word_is(s, "CREATE")) {
        const char *k = skip_space(s + 6);
        if (!word_is(k, "OR"))
            return ag_arena_printf(ctx->arena, "CREATE OR REPLACE %.*s", (int) (len - (k - s)), k);
    }
    return ag_arena_strndup(ctx->arena, s, len);
}

/* ---- functions ----------------------------------------------------------------------- */

/* The format_type spelling of an argument's type: typmods are not kept for arguments,
 * not even the implicit ones (char is character(1) in a column, character here). */
static const char *
arg_type(PrsContext *ctx, const PgQuery__TypeName *tn)
{
    PgQuery__TypeName copy = *tn;
    copy.n_typmods = 0;
    copy.typmods = NULL;
    const char *t = prs_type_name(ctx, &copy, NULL);
    if (!t)
        return NULL;
    AgBuf b;
    ag_buf_init(&b);
    bool quoted = false;
    for (const char *p = t; *p; p++) {
        if (*p == '"')
            quoted = !quoted;
        if (!quoted && *p == '(') {
            const char *q = p + 1;
            while ((*q >= '0' && *q <= '9') || *q == ',')
                q++;
            if (*q == ')') {
                p = q;
                continue;
            }
        }
        ag_buf_putc(&b, *p);
    }
    /* Without a typmod format_type spells these as in a column declared bare ("bit",
     * bpchar); proargtypes have no typmod at all: bit and character. */
    const char *r = ag_buf_cstr(&b);
    if (strncmp(r, "\"bit\"", 5) == 0)
        r = ag_arena_printf(ctx->arena, "bit%s", r + 5);
    else if (strncmp(r, "bpchar", 6) == 0)
        r = ag_arena_printf(ctx->arena, "character%s", r + 6);
    else
        r = ag_arena_strdup(ctx->arena, r);
    ag_buf_free(&b);
    return r;
}

static bool
is_list_guc(const char *name)
{
    return strcmp(name, "search_path") == 0 || strcmp(name, "temp_tablespaces") == 0 ||
           strcmp(name, "session_preload_libraries") == 0 ||
           strcmp(name, "local_preload_libraries") == 0;
}

/* "name=value" as proconfig holds it (flatten_set_variable_args); NULL when the
 * clause sets nothing (RESET, SET ... TO DEFAULT). */
static const char *
config_entry(PrsContext *ctx, const PgQuery__VariableSetStmt *vs, AgLoc loc)
{
    if (vs->kind != PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE) {
        if (vs->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_SET_CURRENT)
            ag_diag_warning(ctx->diag, loc,
                            "SET %s FROM CURRENT takes the session's value: not compared",
                            vs->name);
        return NULL;
    }
    AgBuf b;
    ag_buf_init(&b);
    ag_buf_printf(&b, "%s=", vs->name);
    bool list = is_list_guc(vs->name);
    for (size_t i = 0; i < vs->n_args; i++) {
        const PrsNode *a = vs->args[i];
        if (i)
            ag_buf_puts(&b, ", ");
        if (a->node_case != PG_QUERY__NODE__NODE_A_CONST)
            continue;
        const PgQuery__AConst *c = a->a_const;
        switch (c->val_case) {
        case PG_QUERY__A__CONST__VAL_IVAL:
            ag_buf_printf(&b, "%d", c->ival->ival);
            break;
        case PG_QUERY__A__CONST__VAL_FVAL:
            ag_buf_puts(&b, c->fval->fval);
            break;
        case PG_QUERY__A__CONST__VAL_SVAL:
            ag_buf_puts(&b, list ? cat_quote_ident(ctx->tmp, c->sval->sval) : c->sval->sval);
            break;
        case PG_QUERY__A__CONST__VAL_BOOLVAL:
            ag_buf_puts(&b, c->boolval->boolval ? "true" : "false");
            break;
        case PG_QUERY__A__CONST__VAL_BSVAL:
            ag_buf_puts(&b, c->bsval->bsval);
            break;
        case PG_QUERY__A__CONST__VAL__NOT_SET:
        case _PG_QUERY__A__CONST__VAL__CASE_IS_INT_SIZE:
            break;
        }
    }
    const char *r = ag_arena_strdup(ctx->arena, ag_buf_cstr(&b));
    ag_buf_free(&b);
    return r;
}

static int
cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

static double
number_of(const PrsNode *arg)
{
    if (!arg)
        return 0;
    if (arg->node_case == PG_QUERY__NODE__NODE_INTEGER)
        return arg->integer->ival;
    if (arg->node_case == PG_QUERY__NODE__NODE_FLOAT)
        return strtod(arg->float_->fval, NULL);
    return 0;
}

static bool
bool_of(const PrsNode *arg)
{
    if (!arg)
        return true;
    if (arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN)
        return arg->boolean->boolval;
    if (arg->node_case == PG_QUERY__NODE__NODE_INTEGER)
        return arg->integer->ival != 0;
    return true;
}

/* The signature key "fname(types)" from identity type strings. */
static const char *
signature(AgArena *a, const char *fname, const char *identity)
{
    return ag_arena_printf(a, "%s(%s)", fname, identity);
}

/* The catalog entry for schema.key: a new one, or (OR REPLACE) the earlier one emptied
 * but for its name and comment; NULL with an error when defined twice. */
static CatFunction *
function_slot(PrsContext *ctx, const char *schema, const char *key, AgLoc loc, bool replace,
              const char *what)
{
    CatFunction *f = (CatFunction *) cat_find(ctx->cat, CAT_FUNCTION, schema, key);
    if (f && !replace) {
        prs_error_dup(ctx, loc, f->obj.loc, "%s %s.%s is defined twice", what,
                      cat_quote_ident(ctx->tmp, schema), key);
        return NULL;
    }
    if (!f)
        return (CatFunction *) cat_add(ctx->cat, CAT_FUNCTION, schema, key, loc);
    CatObject saved = f->obj; /* the comment with it */
    memset(f, 0, sizeof(*f));
    f->obj = saved;
    return f;
}

void
prs_create_function(PrsContext *ctx, const PgQuery__CreateFunctionStmt *fs, int32_t at)
{
    AgLoc loc = prs_loc_from_offset(ctx, at);
    size_t nn = fs->n_funcname;
    const char *fname = nn ? prs_str(fs->funcname[nn - 1]) : NULL;
    const char *schema = nn > 1 ? prs_str(fs->funcname[nn - 2]) : prs_creation_schema(ctx);
    if (!fname || !schema)
        return;
    for (size_t i = 0; i < fs->n_options; i++) {
        const PgQuery__DefElem *d = fs->options[i]->def_elem;
        if (fs->options[i]->node_case == PG_QUERY__NODE__NODE_DEF_ELEM &&
            strcmp(d->defname, "window") == 0 && bool_of(d->arg)) {
            prs_names_add(&ctx->st->names, &ctx->st->functions, schema, fname, loc);
            ag_diag_warning(ctx->diag, loc, "autogen does not manage window functions yet: ignored");
            return;
        }
    }

    AgBuf ident, args, table;
    ag_buf_init(&ident);
    ag_buf_init(&args);
    ag_buf_init(&table);
    const char *single_out = NULL;
    uint32_t nout = 0;
    bool ok = true;
    for (size_t i = 0; i < fs->n_parameters && ok; i++) {
        if (fs->parameters[i]->node_case != PG_QUERY__NODE__NODE_FUNCTION_PARAMETER)
            continue;
        const PgQuery__FunctionParameter *p = fs->parameters[i]->function_parameter;
        if (p->arg_type->pct_type) {
            ag_diag_error(ctx->diag, prs_loc_from_offset(ctx, p->arg_type->location),
                          "%%TYPE in function arguments is not supported: write the type");
            ok = false;
            break;
        }
        const char *type = arg_type(ctx, p->arg_type);
        if (!type) {
            ok = false;
            break;
        }
        /* pg_get_function_arguments spells IN out for procedures only. */
        const char *mode = fs->is_procedure ? "IN " : "";
        bool identity = true, listed = true;
        switch (p->mode) {
        case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_IN:
        case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_DEFAULT:
        case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNCTION_PARAMETER_MODE_UNDEFINED:
            break;
        case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT:
            mode = "OUT ";
            identity = fs->is_procedure; /* procedures' OUT arguments are in proargtypes */
            nout++;
            single_out = type;
            break;
        case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_INOUT:
            mode = "INOUT ";
            nout++;
            single_out = type;
            break;
        case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_VARIADIC:
            mode = "VARIADIC ";
            break;
        case PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE:
            identity = false;
            listed = false;
            ag_buf_printf(&table, "%s%s%s%s", table.len ? ", " : "",
                          p->name && *p->name ? cat_quote_ident(ctx->tmp, p->name) : "",
                          p->name && *p->name ? " " : "", type);
            break;
        case _PG_QUERY__FUNCTION_PARAMETER_MODE_IS_INT_SIZE:
            break;
        }
        if (identity)
            ag_buf_printf(&ident, "%s%s", ident.len ? ", " : "", type);
        if (!listed)
            continue;
        ag_buf_printf(&args, "%s%s", args.len ? ", " : "", mode);
        if (p->name && *p->name)
            ag_buf_printf(&args, "%s ", cat_quote_ident(ctx->tmp, p->name));
        ag_buf_puts(&args, type);
        if (p->defexpr) {
            const char *d = prs_deparse_expr(ctx, p->defexpr);
            if (!d) {
                ok = false;
                break;
            }
            ag_buf_printf(&args, " DEFAULT %s", d);
        }
    }
    const char *result = NULL;
    bool returns_set = false;
    if (ok && table.len) {
        result = ag_arena_printf(ctx->arena, "TABLE(%s)", ag_buf_cstr(&table));
        returns_set = true;
    } else if (ok && fs->return_type) {
        const char *t = arg_type(ctx, fs->return_type);
        ok = t != NULL;
        returns_set = fs->return_type->setof;
        if (ok)
            result = ag_arena_printf(ctx->arena, "%s%s", returns_set ? "SETOF " : "", t);
    } else if (ok && !fs->is_procedure) {
        result = nout == 1 ? ag_arena_strdup(ctx->arena, single_out) : nout ? "record" : NULL;
    }
    const char *identity_args = ag_arena_strdup(ctx->arena, ag_buf_cstr(&ident));
    const char *arguments = cat_canon_func_args(ctx->arena, ag_buf_cstr(&args));
    ag_buf_free(&ident);
    ag_buf_free(&args);
    ag_buf_free(&table);
    if (!ok)
        return;

    const char *key = signature(ctx->arena, fname, identity_args);
    prs_names_add(&ctx->st->names, &ctx->st->functions, schema, fname, loc);
    CatFunction *f = function_slot(ctx, schema, key, loc, fs->replace,
                                   fs->is_procedure ? "procedure" : "function");
    if (!f)
        return;
    f->fname = ag_arena_strdup(ctx->arena, fname);
    f->is_procedure = fs->is_procedure;
    f->identity_args = identity_args;
    f->arguments = arguments;
    f->result = result;
    f->volatility = 'v';
    f->parallel = 'u';
    f->rows = returns_set ? 1000 : 0;
    f->cost = -1;
    const char **config = ag_arena_alloc(ctx->arena, sizeof(char *) * (fs->n_options + 1));
    uint32_t nconfig = 0;
    for (size_t i = 0; i < fs->n_options; i++) {
        if (fs->options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM)
            continue;
        const PgQuery__DefElem *d = fs->options[i]->def_elem;
        const char *name = d->defname;
        if (strcmp(name, "as") == 0) {
            const PrsNode *a = d->arg;
            if (a && a->node_case == PG_QUERY__NODE__NODE_LIST && a->list->n_items)
                f->body = ag_arena_strdup(ctx->arena,
                                          prs_str(a->list->items[a->list->n_items - 1]));
            else if (a && a->node_case == PG_QUERY__NODE__NODE_STRING)
                f->body = ag_arena_strdup(ctx->arena, a->string->sval);
        } else if (strcmp(name, "language") == 0) {
            f->language = prs_defelem_str(ctx->arena, d->arg);
        } else if (strcmp(name, "volatility") == 0) {
            const char *v = prs_defelem_str(ctx->tmp, d->arg);
            f->volatility = v && v[0] == 'i' ? 'i' : v && v[0] == 's' ? 's' : 'v';
        } else if (strcmp(name, "strict") == 0) {
            f->strict = bool_of(d->arg);
        } else if (strcmp(name, "security") == 0) {
            f->security_definer = bool_of(d->arg);
        } else if (strcmp(name, "leakproof") == 0) {
            f->leakproof = bool_of(d->arg);
        } else if (strcmp(name, "parallel") == 0) {
            const char *v = prs_defelem_str(ctx->tmp, d->arg);
            f->parallel = v && strcmp(v, "safe") == 0 ? 's' : v && strcmp(v, "restricted") == 0 ? 'r' : 'u';
        } else if (strcmp(name, "cost") == 0) {
            f->cost = number_of(d->arg);
        } else if (strcmp(name, "rows") == 0) {
            f->rows = number_of(d->arg);
        } else if (strcmp(name, "set") == 0) {
            if (d->arg && d->arg->node_case == PG_QUERY__NODE__NODE_VARIABLE_SET_STMT) {
                const char *e = config_entry(ctx, d->arg->variable_set_stmt, loc);
                if (e)
                    config[nconfig++] = e;
            }
        }
    }
    if (!f->language)
        f->language = "sql"; /* only valid with a SQL-standard body */
    if (f->cost < 0)
        f->cost = strcmp(f->language, "c") == 0 || strcmp(f->language, "internal") == 0 ? 1 : 100;
    if (fs->sql_body) {
        ag_diag_warning(ctx->diag, loc,
                        "a SQL-standard function body is not compared yet: only the "
                        "function's signature and attributes are");
        f->body = NULL;
    }
    if (nconfig) {
        ag_qsort(config, nconfig, sizeof(char *), cmp_cstr);
        f->config = config;
        f->nconfig = nconfig;
    }
    f->definition = statement_text(ctx, at, true);
    f->search_path = prs_search_path_text(ctx);
}

/* ---- triggers ------------------------------------------------------------------------ */

void
prs_create_trigger(PrsContext *ctx, const PgQuery__CreateTrigStmt *ts, int32_t at)
{
    AgLoc loc = prs_loc_from_offset(ctx, at);
    bool skip = false;
    const char *schema = prs_rel_schema(ctx, ts->relation->schemaname, ts->relation->relname);
    if (prs_is_ignored(ctx, schema, ts->relation->relname)) {
        ag_diag_warning(ctx->diag, loc,
                        "autogen does not manage triggers on views or other unmanaged "
                        "relations yet: ignored");
        return;
    }
    CatTable *t = prs_table_for_stmt(ctx, ts->relation, false, &skip);
    if (!t)
        return;
    const char *sql = statement_text(ctx, at, false);
    CatExpr *def = ag_arena_alloc(ctx->arena, sizeof(CatExpr));
    def->sql = sql;
    def->canon = cat_canon_stmt(ctx->arena, sql, prs_creation_schema(ctx));
    if (!def->canon)
        def->canon = sql;
    for (uint32_t i = 0; i < t->ntriggers; i++) {
        CatTrigger *old = &t->triggers[i];
        if (strcmp(old->name, ts->trigname) != 0)
            continue;
        if (!ts->replace) {
            prs_error_dup(ctx, loc, old->loc, "trigger \"%s\" on table %s is defined twice",
                          ts->trigname, cat_qualified(ctx->tmp, t->obj.schema, t->obj.name));
            return;
        }
        old->def = def;
        old->loc = loc;
        old->search_path = prs_search_path_text(ctx);
        return;
    }
    CatTrigger trg = {
        .name = ag_arena_strdup(ctx->arena, ts->trigname),
        .loc = loc,
        .def = def,
        .enabled = 'O',
        .search_path = prs_search_path_text(ctx),
    };
    cat_table_add_trigger(ctx->cat, t, &trg);
}

bool
prs_trigger_state(PrsContext *ctx, CatTable *t, const char *name, char state, AgLoc loc)
{
    for (uint32_t i = 0; i < t->ntriggers; i++)
        if (strcmp(t->triggers[i].name, name) == 0) {
            t->triggers[i].enabled = state;
            return true;
        }
    ag_diag_error(ctx->diag, loc, "table %s has no trigger \"%s\"",
                  cat_qualified(ctx->tmp, t->obj.schema, t->obj.name), name);
    return false;
}

/* The model function an ObjectWithArgs names (GRANT ... ON FUNCTION), NULL when none. */
CatObject *
prs_function_find(PrsContext *ctx, const PgQuery__ObjectWithArgs *ow)
{
    size_t nn = ow->n_objname;
    const char *fname = nn ? prs_str(ow->objname[nn - 1]) : NULL;
    const char *schema = nn > 1 ? prs_str(ow->objname[nn - 2]) : NULL;
    if (!fname)
        return NULL;
    AgBuf b;
    ag_buf_init(&b);
    for (size_t i = 0; i < ow->n_objargs; i++) {
        if (ow->objargs[i]->node_case != PG_QUERY__NODE__NODE_TYPE_NAME)
            continue;
        const char *type = arg_type(ctx, ow->objargs[i]->type_name);
        if (type)
            ag_buf_printf(&b, "%s%s", i ? ", " : "", type);
    }
    const char *key = signature(ctx->tmp, fname, ag_buf_cstr(&b));
    ag_buf_free(&b);
    for (uint32_t i = 0; i < (schema ? 1 : ctx->nsearch_path); i++) {
        const char *s = schema ? schema : ctx->search_path[i];
        if (!ow->args_unspecified) {
            CatObject *o = cat_find(ctx->cat, CAT_FUNCTION, s, key);
            if (o)
                return o;
            continue;
        }
        for (uint32_t k = 0; k < ctx->cat->nobjects; k++) {
            CatObject *c = ctx->cat->objects[k];
            if (c->kind == CAT_FUNCTION && ag_streq(c->schema, s) &&
                strcmp(((CatFunction *) c)->fname, fname) == 0)
                return c;
        }
    }
    return NULL;
}

/* ---- COMMENT ON FUNCTION / PROCEDURE / TRIGGER ------------------------------------- */

void
prs_comment_function(PrsContext *ctx, const PgQuery__CommentStmt *cs, AgLoc loc, const char *text)
{
    if (!cs->object || cs->object->node_case != PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS)
        return;
    const PgQuery__ObjectWithArgs *ow = cs->object->object_with_args;
    size_t nn = ow->n_objname;
    const char *fname = nn ? prs_str(ow->objname[nn - 1]) : NULL;
    const char *schema = nn > 1 ? prs_str(ow->objname[nn - 2]) : NULL;
    if (!fname)
        return;
    AgBuf b;
    ag_buf_init(&b);
    bool ok = true;
    for (size_t i = 0; i < ow->n_objargs; i++) {
        if (ow->objargs[i]->node_case != PG_QUERY__NODE__NODE_TYPE_NAME)
            continue;
        const char *type = arg_type(ctx, ow->objargs[i]->type_name);
        ok = ok && type;
        if (type)
            ag_buf_printf(&b, "%s%s", i ? ", " : "", type);
    }
    const char *key = signature(ctx->tmp, fname, ag_buf_cstr(&b));
    ag_buf_free(&b);
    CatObject *o = NULL;
    for (uint32_t i = 0; !o && i < (schema ? 1 : ctx->nsearch_path); i++) {
        const char *s = schema ? schema : ctx->search_path[i];
        if (!ow->args_unspecified) {
            o = cat_find(ctx->cat, CAT_FUNCTION, s, key);
            continue;
        }
        for (uint32_t k = 0; k < ctx->cat->nobjects && !o; k++) {
            CatObject *c = ctx->cat->objects[k];
            if (c->kind == CAT_FUNCTION && ag_streq(c->schema, s) &&
                strcmp(((CatFunction *) c)->fname, fname) == 0)
                o = c;
        }
    }
    if (o) {
        o->comment = text;
        return;
    }
    const char *s = schema ? schema : prs_creation_schema(ctx);
    if (prs_names_find(&ctx->st->functions, s, fname) && ok)
        return; /* an aggregate or window function autogen does not manage */
    if (prs_defer(ctx))
        return;
    ag_diag_error(ctx->diag, loc, "COMMENT ON FUNCTION %s.%s: no such function in the model",
                  cat_quote_ident(ctx->tmp, s), key);
}

void
prs_comment_trigger(PrsContext *ctx, const PgQuery__CommentStmt *cs, AgLoc loc, const char *text)
{
    if (!cs->object || cs->object->node_case != PG_QUERY__NODE__NODE_LIST)
        return;
    PrsNode **items = cs->object->list->items;
    size_t n = cs->object->list->n_items;
    if (n < 2 || n > 3)
        return;
    const char *trg = prs_str(items[n - 1]);
    const char *table = prs_str(items[n - 2]);
    const char *schema = prs_rel_schema(ctx, n > 2 ? prs_str(items[n - 3]) : NULL, table);
    if (prs_is_ignored(ctx, schema, table))
        return;
    CatTable *t = cat_table_find(ctx->cat, schema, table);
    for (uint32_t i = 0; t && i < t->ntriggers; i++)
        if (strcmp(t->triggers[i].name, trg) == 0) {
            t->triggers[i].comment = text;
            return;
        }
    if (prs_defer(ctx))
        return;
    ag_diag_error(ctx->diag, loc, "COMMENT ON TRIGGER %s: no such trigger in the model",
                  prs_dotted(ctx->tmp, items, n));
}

/* ---- aggregates ---------------------------------------------------------------------- */

/* A function named in an aggregate's definition, as regproc prints it with search_path
 * '' but never qualified for pg_catalog: "public.f", "textcat". Unqualified names are
 * resolved through the model's functions along the search_path. */
static const char *
agg_func(PrsContext *ctx, const PrsNode *arg)
{
    PrsNode *const *names = NULL;
    size_t n = 0;
    if (arg && arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
        names = arg->type_name->names;
        n = arg->type_name->n_names;
    } else if (arg && arg->node_case == PG_QUERY__NODE__NODE_LIST) {
        names = arg->list->items;
        n = arg->list->n_items;
    } else if (arg && arg->node_case == PG_QUERY__NODE__NODE_STRING) {
        return cat_quote_ident(ctx->arena, arg->string->sval);
    }
    if (!n)
        return NULL;
    const char *fname = prs_str(names[n - 1]);
    const char *schema = n > 1 ? prs_str(names[n - 2]) : NULL;
    if (!fname)
        return NULL;
    for (uint32_t i = 0; !schema && i < ctx->nsearch_path; i++)
        if (prs_names_find(&ctx->st->functions, ctx->search_path[i], fname))
            schema = ctx->search_path[i];
    if (!schema || strcmp(schema, "pg_catalog") == 0)
        return cat_quote_ident(ctx->arena, fname);
    return cat_qualified(ctx->arena, schema, fname);
}

static const char *
agg_word(PrsContext *ctx, const PrsNode *arg)
{
    const char *v = prs_defelem_str(ctx->tmp, arg);
    if (!v)
        return NULL;
    char *u = ag_arena_strdup(ctx->arena, v);
    for (char *p = u; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char) (*p - 32);
    return u;
}

static const char *
agg_type(PrsContext *ctx, const PrsNode *arg)
{
    if (arg && arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME)
        return arg_type(ctx, arg->type_name);
    const char *v = prs_defelem_str(ctx->tmp, arg);
    return v ? ag_arena_strdup(ctx->arena, v) : NULL;
}

static const char *
agg_literal(PrsContext *ctx, const PrsNode *arg)
{
    if (arg && arg->node_case == PG_QUERY__NODE__NODE_STRING)
        return cat_quote_literal(ctx->arena, arg->string->sval);
    if (arg && arg->node_case == PG_QUERY__NODE__NODE_INTEGER)
        return cat_quote_literal(ctx->arena,
                                 ag_arena_printf(ctx->tmp, "%d", arg->integer->ival));
    const char *v = prs_defelem_str(ctx->tmp, arg);
    return v ? cat_quote_literal(ctx->arena, v) : NULL;
}

/* The operator of SORTOP: its last name, unqualified for pg_catalog. */
static const char *
agg_operator(PrsContext *ctx, const PrsNode *arg)
{
    if (arg && arg->node_case == PG_QUERY__NODE__NODE_LIST && arg->list->n_items)
        return prs_str(arg->list->items[arg->list->n_items - 1]);
    if (arg && arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME && arg->type_name->n_names)
        return prs_str(arg->type_name->names[arg->type_name->n_names - 1]);
    return prs_defelem_str(ctx->arena, arg);
}

enum {
    AGG_SFUNC,
    AGG_STYPE,
    AGG_SSPACE,
    AGG_FINALFUNC,
    AGG_FINALFUNC_EXTRA,
    AGG_FINALFUNC_MODIFY,
    AGG_COMBINEFUNC,
    AGG_SERIALFUNC,
    AGG_DESERIALFUNC,
    AGG_INITCOND,
    AGG_MSFUNC,
    AGG_MINVFUNC,
    AGG_MSTYPE,
    AGG_MSSPACE,
    AGG_MFINALFUNC,
    AGG_MFINALFUNC_EXTRA,
    AGG_MFINALFUNC_MODIFY,
    AGG_MINITCOND,
    AGG_SORTOP,
    AGG_HYPOTHETICAL,
    AGG_PARALLEL,
    AGG_NFIELDS
};

static const char *const agg_fields[AGG_NFIELDS] = {
    "sfunc",      "stype",      "sspace",           "finalfunc",         "finalfunc_extra",
    "finalfunc_modify", "combinefunc", "serialfunc", "deserialfunc", "initcond",
    "msfunc",     "minvfunc",   "mstype",           "msspace",           "mfinalfunc",
    "mfinalfunc_extra", "mfinalfunc_modify", "minitcond", "sortop", "hypothetical",
    "parallel"};

/* See CatFunction.aggregate: the same text introspect_function.c builds. */
static const char *
agg_body(AgArena *a, const char *const *v)
{
    AgBuf b;
    ag_buf_init(&b);
    for (int i = 0; i < AGG_NFIELDS; i++) {
        if (!v[i])
            continue;
        char up[32];
        size_t k = 0;
        for (const char *p = agg_fields[i]; *p && k + 1 < sizeof(up); p++)
            up[k++] = (char) (*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
        up[k] = '\0';
        if (b.len)
            ag_buf_puts(&b, ", ");
        if (*v[i])
            ag_buf_printf(&b, "%s = %s", up, v[i]);
        else
            ag_buf_puts(&b, up);
    }
    const char *r = ag_arena_strdup(a, ag_buf_cstr(&b));
    ag_buf_free(&b);
    return r;
}

bool
prs_create_aggregate(PrsContext *ctx, const PgQuery__DefineStmt *ds, int32_t at)
{
    if (ds->kind != PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE)
        return false;
    AgLoc loc = prs_loc_from_offset(ctx, at);
    size_t nn = ds->n_defnames;
    const char *fname = nn ? prs_str(ds->defnames[nn - 1]) : NULL;
    const char *schema = nn > 1 ? prs_str(ds->defnames[nn - 2]) : prs_creation_schema(ctx);
    if (!fname || !schema)
        return true;
    const char *v[AGG_NFIELDS] = {0};
    const char *basetype = NULL;
    bool hypothetical = false;
    for (size_t i = 0; i < ds->n_definition; i++) {
        if (ds->definition[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM)
            continue;
        const PgQuery__DefElem *d = ds->definition[i]->def_elem;
        const char *name = d->defname;
        if (strcmp(name, "basetype") == 0) {
            basetype = agg_type(ctx, d->arg);
            continue;
        }
        int k = -1;
        for (int j = 0; j < AGG_NFIELDS; j++)
            if (strcmp(name, agg_fields[j]) == 0)
                k = j;
        if (strcmp(name, "sfunc1") == 0)
            k = AGG_SFUNC;
        else if (strcmp(name, "stype1") == 0)
            k = AGG_STYPE;
        else if (strcmp(name, "initcond1") == 0)
            k = AGG_INITCOND;
        else if (strcmp(name, "finalfunc_extra") == 0 || strcmp(name, "mfinalfunc_extra") == 0 ||
                 strcmp(name, "hypothetical") == 0) {
            if (!bool_of(d->arg))
                continue;
            if (strcmp(name, "hypothetical") == 0)
                hypothetical = true;
            v[k] = "";
            continue;
        }
        if (k < 0) {
            ag_diag_warning(ctx->diag, loc, "CREATE AGGREGATE: option %s is not compared", name);
            continue;
        }
        switch (k) {
        case AGG_SFUNC:
        case AGG_FINALFUNC:
        case AGG_COMBINEFUNC:
        case AGG_SERIALFUNC:
        case AGG_DESERIALFUNC:
        case AGG_MSFUNC:
        case AGG_MINVFUNC:
        case AGG_MFINALFUNC:
            v[k] = agg_func(ctx, d->arg);
            break;
        case AGG_STYPE:
        case AGG_MSTYPE:
            v[k] = agg_type(ctx, d->arg);
            break;
        case AGG_SSPACE:
        case AGG_MSSPACE:
            v[k] = ag_arena_printf(ctx->arena, "%.0f", number_of(d->arg));
            if (strcmp(v[k], "0") == 0)
                v[k] = NULL;
            break;
        case AGG_INITCOND:
        case AGG_MINITCOND:
            v[k] = agg_literal(ctx, d->arg);
            break;
        case AGG_FINALFUNC_MODIFY:
        case AGG_MFINALFUNC_MODIFY:
        case AGG_PARALLEL:
            v[k] = agg_word(ctx, d->arg);
            break;
        case AGG_SORTOP:
            v[k] = agg_operator(ctx, d->arg);
            break;
        default:
            break;
        }
    }

    /* Arguments: new style args = [list of parameters, direct argument count]. */
    AgBuf ident;
    ag_buf_init(&ident);
    bool ok = true;
    bool ordered = false;
    if (ds->oldstyle) {
        if (basetype && strcmp(basetype, "any") != 0 && strcmp(basetype, "\"any\"") != 0)
            ag_buf_puts(&ident, basetype);
    } else if (ds->n_args >= 1) {
        int ndirect = -1;
        if (ds->n_args > 1 && ds->args[1]->node_case == PG_QUERY__NODE__NODE_INTEGER)
            ndirect = ds->args[1]->integer->ival;
        const PrsNode *l = ds->args[0];
        size_t n = l && l->node_case == PG_QUERY__NODE__NODE_LIST ? l->list->n_items : 0;
        ordered = ndirect >= 0;
        for (size_t i = 0; i < n && ok; i++) {
            const PrsNode *pn = l->list->items[i];
            if (pn->node_case != PG_QUERY__NODE__NODE_FUNCTION_PARAMETER)
                continue;
            const char *type = arg_type(ctx, pn->function_parameter->arg_type);
            if (!type) {
                ok = false;
                break;
            }
            const char *sep = i == 0 ? "" : ", ";
            if (ordered && (int) i == ndirect)
                sep = i == 0 ? "ORDER BY " : " ORDER BY ";
            ag_buf_printf(&ident, "%s%s%s", sep,
                          pn->function_parameter->mode ==
                                  PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_VARIADIC
                              ? "VARIADIC "
                              : "",
                          type);
        }
    }
    const char *identity = ag_arena_strdup(ctx->arena, ag_buf_cstr(&ident));
    ag_buf_free(&ident);
    if (!ok)
        return true;
    if (!v[AGG_FINALFUNC_MODIFY])
        v[AGG_FINALFUNC_MODIFY] = ordered || hypothetical ? "READ_WRITE" : "READ_ONLY";
    if (v[AGG_MSFUNC] && !v[AGG_MFINALFUNC_MODIFY])
        v[AGG_MFINALFUNC_MODIFY] = "READ_ONLY";
    if (!v[AGG_MSFUNC])
        v[AGG_MFINALFUNC_MODIFY] = NULL;
    if (v[AGG_PARALLEL] && strcmp(v[AGG_PARALLEL], "UNSAFE") == 0)
        v[AGG_PARALLEL] = NULL;

    const char *key = signature(ctx->arena, fname, identity);
    prs_names_add(&ctx->st->names, &ctx->st->functions, schema, fname, loc);
    CatFunction *f = function_slot(ctx, schema, key, loc, ds->replace, "aggregate");
    if (!f)
        return true;
    f->fname = ag_arena_strdup(ctx->arena, fname);
    f->identity_args = identity;
    f->arguments = identity;
    f->aggregate = agg_body(ctx->arena, v);
    f->definition = statement_text(ctx, at, true);
    f->search_path = prs_search_path_text(ctx);
    return true;
}

/*
 * catalog/canon_type.c: the canonical spelling of a type name, which is what
 * format_type(atttypid, atttypmod) prints with search_path = '' (pg_catalog types bare,
 * every other type schema-qualified). The parser feeds it the pieces of a TypeName;
 * introspection reads format_type directly; both then compare as strings.
 * Owns: the table of built-in type names and aliases, typmod printing (lengths,
 * numeric precision and scale, time precision, interval fields), array suffixes.
 * Must not: look anything up in a database, or depend on libpg_query types.
 * Known limits: typmods of non-built-in types are dropped (PostgreSQL prints them only
 * for types with a typmodout function, e.g. PostGIS geometry(Point,4326)); catalog
 * composite types (pg_class, ...) are treated as user types of default_schema.
 */
#include <stdlib.h>
#include <string.h>

#include "catalog/catalog.h"

typedef enum TypeKind {
    TK_PLAIN,    /* printed as print (already quoted where a keyword), typmods ignored */
    TK_VARCHAR,  /* character varying[(n)] */
    TK_BPCHAR,   /* character(n); without a length: bpchar */
    TK_CHARKW,   /* the keyword CHARACTER: character(n), character(1) without a length */
    TK_NUMERIC,  /* numeric[(p,s)] */
    TK_FLOAT,    /* float[(p)]: real for p <= 24, else double precision */
    TK_TIME,     /* time[(p)] without time zone */
    TK_TIMETZ,   /* time[(p)] with time zone */
    TK_TS,       /* timestamp[(p)] without time zone */
    TK_TSTZ,     /* timestamp[(p)] with time zone */
    TK_INTERVAL, /* interval[ fields][(p)] */
    TK_BIT,      /* bit(n); without a length "bit" (quoted: it is a keyword) */
    TK_VARBIT,   /* bit varying[(n)] */
} TypeKind;

typedef struct Builtin {
    const char *name;  /* as it may arrive: internal name, or an SQL alias */
    const char *print; /* format_type's base spelling */
    TypeKind kind;
} Builtin;

/* Sorted by name (bytes) for bsearch. The internal names are every base, range,
 * multirange and pseudo type of pg_catalog in PostgreSQL 15; the aliases are the SQL
 * spellings a caller may hand over without going through the grammar ("integer",
 * "double precision", ...) and the serial pseudo-types (their column type).
 * "char" and "bit" follow the parse tree: the keywords CHAR and BIT arrive as
 * pg_catalog.bpchar / pg_catalog.bit with a length of 1, so a bare "char" is the
 * one-byte internal type and a bare "bit" has no length, exactly as in PostgreSQL. */
static const Builtin builtins[] = {
    {"aclitem", "aclitem", TK_PLAIN},
    {"any", "\"any\"", TK_PLAIN},
    {"anyarray", "anyarray", TK_PLAIN},
    {"anycompatible", "anycompatible", TK_PLAIN},
    {"anycompatiblearray", "anycompatiblearray", TK_PLAIN},
    {"anycompatiblemultirange", "anycompatiblemultirange", TK_PLAIN},
    {"anycompatiblenonarray", "anycompatiblenonarray", TK_PLAIN},
    {"anycompatiblerange", "anycompatiblerange", TK_PLAIN},
    {"anyelement", "anyelement", TK_PLAIN},
    {"anyenum", "anyenum", TK_PLAIN},
    {"anymultirange", "anymultirange", TK_PLAIN},
    {"anynonarray", "anynonarray", TK_PLAIN},
    {"anyrange", "anyrange", TK_PLAIN},
    {"bigint", "bigint", TK_PLAIN},
    {"bigserial", "bigint", TK_PLAIN},
    {"bit", "bit", TK_BIT},
    {"bit varying", "bit varying", TK_VARBIT},
    {"bool", "boolean", TK_PLAIN},
    {"boolean", "boolean", TK_PLAIN},
    {"box", "box", TK_PLAIN},
    {"bpchar", "bpchar", TK_BPCHAR},
    {"bytea", "bytea", TK_PLAIN},
    {"char", "\"char\"", TK_PLAIN},
    {"character", "character", TK_CHARKW},
    {"character varying", "character varying", TK_VARCHAR},
    {"cid", "cid", TK_PLAIN},
    {"cidr", "cidr", TK_PLAIN},
    {"circle", "circle", TK_PLAIN},
    {"cstring", "cstring", TK_PLAIN},
    {"date", "date", TK_PLAIN},
    {"datemultirange", "datemultirange", TK_PLAIN},
    {"daterange", "daterange", TK_PLAIN},
    {"dec", "numeric", TK_NUMERIC},
    {"decimal", "numeric", TK_NUMERIC},
    {"double precision", "double precision", TK_PLAIN},
    {"event_trigger", "event_trigger", TK_PLAIN},
    {"fdw_handler", "fdw_handler", TK_PLAIN},
    {"float", "double precision", TK_FLOAT},
    {"float4", "real", TK_PLAIN},
    {"float8", "double precision", TK_PLAIN},
    {"gtsvector", "gtsvector", TK_PLAIN},
    {"index_am_handler", "index_am_handler", TK_PLAIN},
    {"inet", "inet", TK_PLAIN},
    {"int", "integer", TK_PLAIN},
    {"int2", "smallint", TK_PLAIN},
    {"int2vector", "int2vector", TK_PLAIN},
    {"int4", "integer", TK_PLAIN},
    {"int4multirange", "int4multirange", TK_PLAIN},
    {"int4range", "int4range", TK_PLAIN},
    {"int8", "bigint", TK_PLAIN},
    {"int8multirange", "int8multirange", TK_PLAIN},
    {"int8range", "int8range", TK_PLAIN},
    {"integer", "integer", TK_PLAIN},
    {"internal", "internal", TK_PLAIN},
    {"interval", "interval", TK_INTERVAL},
    {"json", "json", TK_PLAIN},
    {"jsonb", "jsonb", TK_PLAIN},
    {"jsonpath", "jsonpath", TK_PLAIN},
    {"language_handler", "language_handler", TK_PLAIN},
    {"line", "line", TK_PLAIN},
    {"lseg", "lseg", TK_PLAIN},
    {"macaddr", "macaddr", TK_PLAIN},
    {"macaddr8", "macaddr8", TK_PLAIN},
    {"money", "money", TK_PLAIN},
    {"name", "name", TK_PLAIN},
    {"numeric", "numeric", TK_NUMERIC},
    {"nummultirange", "nummultirange", TK_PLAIN},
    {"numrange", "numrange", TK_PLAIN},
    {"oid", "oid", TK_PLAIN},
    {"oidvector", "oidvector", TK_PLAIN},
    {"path", "path", TK_PLAIN},
    {"pg_brin_bloom_summary", "pg_brin_bloom_summary", TK_PLAIN},
    {"pg_brin_minmax_multi_summary", "pg_brin_minmax_multi_summary", TK_PLAIN},
    {"pg_ddl_command", "pg_ddl_command", TK_PLAIN},
    {"pg_dependencies", "pg_dependencies", TK_PLAIN},
    {"pg_lsn", "pg_lsn", TK_PLAIN},
    {"pg_mcv_list", "pg_mcv_list", TK_PLAIN},
    {"pg_ndistinct", "pg_ndistinct", TK_PLAIN},
    {"pg_node_tree", "pg_node_tree", TK_PLAIN},
    {"pg_snapshot", "pg_snapshot", TK_PLAIN},
    {"point", "point", TK_PLAIN},
    {"polygon", "polygon", TK_PLAIN},
    {"real", "real", TK_PLAIN},
    {"record", "record", TK_PLAIN},
    {"refcursor", "refcursor", TK_PLAIN},
    {"regclass", "regclass", TK_PLAIN},
    {"regcollation", "regcollation", TK_PLAIN},
    {"regconfig", "regconfig", TK_PLAIN},
    {"regdictionary", "regdictionary", TK_PLAIN},
    {"regnamespace", "regnamespace", TK_PLAIN},
    {"regoper", "regoper", TK_PLAIN},
    {"regoperator", "regoperator", TK_PLAIN},
    {"regproc", "regproc", TK_PLAIN},
    {"regprocedure", "regprocedure", TK_PLAIN},
    {"regrole", "regrole", TK_PLAIN},
    {"regtype", "regtype", TK_PLAIN},
    {"serial", "integer", TK_PLAIN},
    {"serial2", "smallint", TK_PLAIN},
    {"serial4", "integer", TK_PLAIN},
    {"serial8", "bigint", TK_PLAIN},
    {"smallint", "smallint", TK_PLAIN},
    {"smallserial", "smallint", TK_PLAIN},
    {"table_am_handler", "table_am_handler", TK_PLAIN},
    {"text", "text", TK_PLAIN},
    {"tid", "tid", TK_PLAIN},
    {"time", "time", TK_TIME},
    {"time with time zone", "time", TK_TIMETZ},
    {"time without time zone", "time", TK_TIME},
    {"timestamp", "timestamp", TK_TS},
    {"timestamp with time zone", "timestamp", TK_TSTZ},
    {"timestamp without time zone", "timestamp", TK_TS},
    {"timestamptz", "timestamp", TK_TSTZ},
    {"timetz", "time", TK_TIMETZ},
    {"trigger", "trigger", TK_PLAIN},
    {"tsm_handler", "tsm_handler", TK_PLAIN},
    {"tsmultirange", "tsmultirange", TK_PLAIN},
    {"tsquery", "tsquery", TK_PLAIN},
    {"tsrange", "tsrange", TK_PLAIN},
    {"tstzmultirange", "tstzmultirange", TK_PLAIN},
    {"tstzrange", "tstzrange", TK_PLAIN},
    {"tsvector", "tsvector", TK_PLAIN},
    {"txid_snapshot", "txid_snapshot", TK_PLAIN},
    {"unknown", "unknown", TK_PLAIN},
    {"uuid", "uuid", TK_PLAIN},
    {"varbit", "bit varying", TK_VARBIT},
    {"varchar", "character varying", TK_VARCHAR},
    {"void", "void", TK_PLAIN},
    {"xid", "xid", TK_PLAIN},
    {"xid8", "xid8", TK_PLAIN},
    {"xml", "xml", TK_PLAIN},
};

static int
cmp_builtin(const void *key, const void *item)
{
    return strcmp(key, ((const Builtin *) item)->name);
}

static const Builtin *
find_builtin(const char *name)
{
    return bsearch(name, builtins, ARRAY_LEN(builtins), sizeof(Builtin), cmp_builtin);
}

/* Interval field masks of the parse tree (INTERVAL_MASK in datetime.h) and their
 * spelling in intervaltypmodout(). */
#define IV_MONTH      (1 << 1)
#define IV_YEAR       (1 << 2)
#define IV_DAY        (1 << 3)
#define IV_HOUR       (1 << 10)
#define IV_MINUTE     (1 << 11)
#define IV_SECOND     (1 << 12)
#define IV_FULL_RANGE 0x7FFF

static const struct {
    int mask;
    const char *text;
} interval_fields[] = {
    {IV_YEAR, "year"},
    {IV_MONTH, "month"},
    {IV_DAY, "day"},
    {IV_HOUR, "hour"},
    {IV_MINUTE, "minute"},
    {IV_SECOND, "second"},
    {IV_YEAR | IV_MONTH, "year to month"},
    {IV_DAY | IV_HOUR, "day to hour"},
    {IV_DAY | IV_HOUR | IV_MINUTE, "day to minute"},
    {IV_DAY | IV_HOUR | IV_MINUTE | IV_SECOND, "day to second"},
    {IV_HOUR | IV_MINUTE, "hour to minute"},
    {IV_HOUR | IV_MINUTE | IV_SECOND, "hour to second"},
    {IV_MINUTE | IV_SECOND, "minute to second"},
};

/* A typmod as an integer; false when it is not one (e.g. an interval field name). */
static bool
typmod_int(const char *s, long *out)
{
    char *end;
    if (!s || !*s)
        return false;
    long v = strtol(s, &end, 10);
    while (*end == ' ')
        end++;
    if (*end)
        return false;
    *out = v;
    return true;
}

static const char *
interval_field_text(int mask)
{
    for (size_t i = 0; i < ARRAY_LEN(interval_fields); i++)
        if (interval_fields[i].mask == mask)
            return interval_fields[i].text;
    return NULL;
}

static bool
interval_field_mask(const char *text, int *mask)
{
    for (size_t i = 0; i < ARRAY_LEN(interval_fields); i++)
        if (strcmp(interval_fields[i].text, text) == 0) {
            *mask = interval_fields[i].mask;
            return true;
        }
    return false;
}

/* "interval", "interval year to month", "interval(3)", "interval day to second(3)".
 * Typmods as written: field names ("day to second") and/or a precision; a lone integer
 * is always a precision. The parse tree's form is accepted when it comes as two
 * integers: the field mask (IV_FULL_RANGE when no fields were written) and the
 * precision (0xFFFF, INTERVAL_FULL_PRECISION, when none was); a lone mask from the
 * tree must be turned into its field name first, since "interval(2)" and
 * "interval month" are both a lone 2 there. */
static void
put_interval(AgBuf *b, const char *const *typmods, uint32_t ntypmods)
{
    int mask = IV_FULL_RANGE;
    long prec = -1;
    uint32_t i = 0;
    long v;
    if (ntypmods >= 2 && typmod_int(typmods[0], &v)) {
        mask = (int) v;
        i++;
    } else if (ntypmods >= 1 && interval_field_mask(typmods[0], &mask)) {
        i++;
    }
    if (i < ntypmods && typmod_int(typmods[i], &v))
        prec = v;
    ag_buf_puts(b, "interval");
    const char *fields = interval_field_text(mask);
    if (fields && mask != IV_FULL_RANGE) {
        ag_buf_putc(b, ' ');
        ag_buf_puts(b, fields);
    }
    /* 0xFFFF is INTERVAL_FULL_PRECISION: no precision was given. */
    if (prec >= 0 && prec != 0xFFFF)
        ag_buf_printf(b, "(%ld)", prec);
}

/* The base spelling (no array suffix) of a built-in type with its typmods. */
static void
put_builtin(AgBuf *b, const Builtin *t, const char *const *typmods, uint32_t ntypmods)
{
    long n1 = -1, n2 = -1;
    bool has1 = ntypmods >= 1 && typmod_int(typmods[0], &n1);
    bool has2 = ntypmods >= 2 && typmod_int(typmods[1], &n2);
    switch (t->kind) {
    case TK_PLAIN:
        ag_buf_puts(b, t->print);
        return;
    case TK_VARCHAR:
    case TK_VARBIT:
        ag_buf_puts(b, t->print);
        if (has1)
            ag_buf_printf(b, "(%ld)", n1);
        return;
    case TK_BPCHAR:
        if (has1)
            ag_buf_printf(b, "character(%ld)", n1);
        else
            ag_buf_puts(b, "bpchar");
        return;
    case TK_CHARKW:
        ag_buf_printf(b, "character(%ld)", has1 ? n1 : 1L);
        return;
    case TK_BIT:
        if (has1)
            ag_buf_printf(b, "bit(%ld)", n1);
        else
            ag_buf_puts(b, "\"bit\"");
        return;
    case TK_NUMERIC:
        if (has1)
            ag_buf_printf(b, "numeric(%ld,%ld)", n1, has2 ? n2 : 0L);
        else
            ag_buf_puts(b, "numeric");
        return;
    case TK_FLOAT:
        ag_buf_puts(b, has1 && n1 <= 24 ? "real" : "double precision");
        return;
    case TK_TIME:
    case TK_TIMETZ:
    case TK_TS:
    case TK_TSTZ:
        ag_buf_puts(b, t->print);
        if (has1)
            ag_buf_printf(b, "(%ld)", n1);
        ag_buf_puts(b, t->kind == TK_TIME || t->kind == TK_TS ? " without time zone"
                                                              : " with time zone");
        return;
    case TK_INTERVAL:
        put_interval(b, typmods, ntypmods);
        return;
    }
}

/* See catalog.h. The name parts are raw identifiers (as the parse tree holds them, never
 * quoted). A leading catalog name in a three-part name is ignored. "_int4"-style array
 * type names count as one more array dimension of their element type. */
const char *
cat_canon_type(AgArena *arena, const char *const *names, uint32_t nnames,
               const char *const *typmods, uint32_t ntypmods, uint32_t array_dims,
               const char *default_schema)
{
    const char *schema = NULL, *name = nnames ? names[nnames - 1] : "";
    if (nnames >= 2)
        schema = names[nnames - 2];
    AgBuf b;
    ag_buf_init(&b);
    const Builtin *t = NULL;
    if (!schema || strcmp(schema, "pg_catalog") == 0) {
        t = find_builtin(name);
        if (!t && name[0] == '_' && (t = find_builtin(name + 1)) != NULL)
            array_dims++;
    }
    if (t)
        put_builtin(&b, t, typmods, ntypmods);
    else if (schema && strcmp(schema, "pg_catalog") == 0)
        ag_buf_puts(&b, cat_quote_ident(arena, name));
    else
        ag_buf_puts(&b, cat_qualified(arena, schema ? schema : default_schema, name));
    if (array_dims)
        ag_buf_puts(&b, "[]");
    const char *out = ag_arena_strdup(arena, ag_buf_cstr(&b));
    ag_buf_free(&b);
    return out;
}

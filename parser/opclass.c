/*
 * parser/opclass.c: which operator class PostgreSQL 15 picks by default for a key of a
 * given type and index method (GetDefaultOpClass), so that a model naming the default
 * one explicitly (gin (doc jsonb_ops)) stores none, as introspection reports it.
 * The table lists pg_catalog's default operator classes (pg_opclass.opcdefault) of the
 * built-in methods. Not here: operator classes of extensions (their defaults depend on
 * what the extension installs; an explicit one is kept as written).
 */
#include <string.h>

#include "parser/internal.h"

static const char *const defaults[][3] = {
    {"brin", "bit_minmax_ops", "bit"},
    {"brin", "box_inclusion_ops", "box"},
    {"brin", "bpchar_minmax_ops", "character"},
    {"brin", "bytea_minmax_ops", "bytea"},
    {"brin", "char_minmax_ops", "\"char\""},
    {"brin", "date_minmax_ops", "date"},
    {"brin", "float4_minmax_ops", "real"},
    {"brin", "float8_minmax_ops", "double precision"},
    {"brin", "inet_inclusion_ops", "inet"},
    {"brin", "int2_minmax_ops", "smallint"},
    {"brin", "int4_minmax_ops", "integer"},
    {"brin", "int8_minmax_ops", "bigint"},
    {"brin", "interval_minmax_ops", "interval"},
    {"brin", "macaddr8_minmax_ops", "macaddr8"},
    {"brin", "macaddr_minmax_ops", "macaddr"},
    {"brin", "name_minmax_ops", "name"},
    {"brin", "numeric_minmax_ops", "numeric"},
    {"brin", "oid_minmax_ops", "oid"},
    {"brin", "pg_lsn_minmax_ops", "pg_lsn"},
    {"brin", "range_inclusion_ops", "anyrange"},
    {"brin", "text_minmax_ops", "text"},
    {"brin", "tid_minmax_ops", "tid"},
    {"brin", "time_minmax_ops", "time without time zone"},
    {"brin", "timestamp_minmax_ops", "timestamp without time zone"},
    {"brin", "timestamptz_minmax_ops", "timestamp with time zone"},
    {"brin", "timetz_minmax_ops", "time with time zone"},
    {"brin", "uuid_minmax_ops", "uuid"},
    {"brin", "varbit_minmax_ops", "bit varying"},
    {"btree", "array_ops", "anyarray"},
    {"btree", "bit_ops", "bit"},
    {"btree", "bool_ops", "boolean"},
    {"btree", "bpchar_ops", "character"},
    {"btree", "bytea_ops", "bytea"},
    {"btree", "char_ops", "\"char\""},
    {"btree", "date_ops", "date"},
    {"btree", "enum_ops", "anyenum"},
    {"btree", "float4_ops", "real"},
    {"btree", "float8_ops", "double precision"},
    {"btree", "inet_ops", "inet"},
    {"btree", "int2_ops", "smallint"},
    {"btree", "int4_ops", "integer"},
    {"btree", "int8_ops", "bigint"},
    {"btree", "interval_ops", "interval"},
    {"btree", "jsonb_ops", "jsonb"},
    {"btree", "macaddr8_ops", "macaddr8"},
    {"btree", "macaddr_ops", "macaddr"},
    {"btree", "money_ops", "money"},
    {"btree", "multirange_ops", "anymultirange"},
    {"btree", "name_ops", "name"},
    {"btree", "numeric_ops", "numeric"},
    {"btree", "oid_ops", "oid"},
    {"btree", "oidvector_ops", "oidvector"},
    {"btree", "pg_lsn_ops", "pg_lsn"},
    {"btree", "range_ops", "anyrange"},
    {"btree", "record_ops", "record"},
    {"btree", "text_ops", "text"},
    {"btree", "tid_ops", "tid"},
    {"btree", "time_ops", "time without time zone"},
    {"btree", "timestamp_ops", "timestamp without time zone"},
    {"btree", "timestamptz_ops", "timestamp with time zone"},
    {"btree", "timetz_ops", "time with time zone"},
    {"btree", "tsquery_ops", "tsquery"},
    {"btree", "tsvector_ops", "tsvector"},
    {"btree", "uuid_ops", "uuid"},
    {"btree", "varbit_ops", "bit varying"},
    {"btree", "xid8_ops", "xid8"},
    {"gin", "array_ops", "anyarray"},
    {"gin", "jsonb_ops", "jsonb"},
    {"gin", "tsvector_ops", "tsvector"},
    {"gist", "box_ops", "box"},
    {"gist", "circle_ops", "circle"},
    {"gist", "multirange_ops", "anymultirange"},
    {"gist", "point_ops", "point"},
    {"gist", "poly_ops", "polygon"},
    {"gist", "range_ops", "anyrange"},
    {"gist", "tsquery_ops", "tsquery"},
    {"gist", "tsvector_ops", "tsvector"},
    {"hash", "aclitem_ops", "aclitem"},
    {"hash", "array_ops", "anyarray"},
    {"hash", "bool_ops", "boolean"},
    {"hash", "bpchar_ops", "character"},
    {"hash", "bytea_ops", "bytea"},
    {"hash", "char_ops", "\"char\""},
    {"hash", "cid_ops", "cid"},
    {"hash", "date_ops", "date"},
    {"hash", "enum_ops", "anyenum"},
    {"hash", "float4_ops", "real"},
    {"hash", "float8_ops", "double precision"},
    {"hash", "inet_ops", "inet"},
    {"hash", "int2_ops", "smallint"},
    {"hash", "int4_ops", "integer"},
    {"hash", "int8_ops", "bigint"},
    {"hash", "interval_ops", "interval"},
    {"hash", "jsonb_ops", "jsonb"},
    {"hash", "macaddr8_ops", "macaddr8"},
    {"hash", "macaddr_ops", "macaddr"},
    {"hash", "multirange_ops", "anymultirange"},
    {"hash", "name_ops", "name"},
    {"hash", "numeric_ops", "numeric"},
    {"hash", "oid_ops", "oid"},
    {"hash", "oidvector_ops", "oidvector"},
    {"hash", "pg_lsn_ops", "pg_lsn"},
    {"hash", "range_ops", "anyrange"},
    {"hash", "record_ops", "record"},
    {"hash", "text_ops", "text"},
    {"hash", "tid_ops", "tid"},
    {"hash", "time_ops", "time without time zone"},
    {"hash", "timestamp_ops", "timestamp without time zone"},
    {"hash", "timestamptz_ops", "timestamp with time zone"},
    {"hash", "timetz_ops", "time with time zone"},
    {"hash", "uuid_ops", "uuid"},
    {"hash", "xid8_ops", "xid8"},
    {"hash", "xid_ops", "xid"},
    {"spgist", "box_ops", "box"},
    {"spgist", "inet_ops", "inet"},
    {"spgist", "poly_ops", "polygon"},
    {"spgist", "quad_point_ops", "point"},
    {"spgist", "range_ops", "anyrange"},
    {"spgist", "text_ops", "text"},
};

static bool
is_range(const char *type)
{
    static const char *const ranges[] = {"int4range", "int8range", "numrange",
                                         "tsrange",   "tstzrange", "daterange"};
    for (size_t i = 0; i < ARRAY_LEN(ranges); i++)
        if (strcmp(type, ranges[i]) == 0)
            return true;
    return false;
}

bool
prs_is_default_opclass(PrsContext *ctx, const char *method, const char *opclass,
                       const char *coltype)
{
    if (!method || !opclass || !coltype)
        return false;
    /* the type without its modifier: "numeric(10,2)" -> "numeric", "timestamp(3) with
     * time zone" -> "timestamp with time zone" */
    char base[256];
    size_t k = 0;
    int depth = 0;
    for (const char *p = coltype; *p && k + 1 < sizeof(base); p++) {
        if (*p == '(')
            depth++;
        else if (*p == ')')
            depth--;
        else if (!depth)
            base[k++] = *p;
    }
    base[k] = '\0';
    const char *type = base;
    size_t n = strlen(base);
    if (n > 2 && strcmp(base + n - 2, "[]") == 0)
        type = "anyarray";
    else if (strcmp(base, "character varying") == 0)
        type = "text"; /* binary-coercible: text's operator classes serve it */
    else if (is_range(base))
        type = "anyrange";
    else if (n > 10 && strcmp(base + n - 10, "multirange") == 0)
        type = "anymultirange";
    else if (strchr(base, '.')) {
        /* a user type: enums use enum_ops */
        bool is_enum = false;
        for (uint32_t i = 0; i < ctx->cat->nobjects && !is_enum; i++) {
            const CatObject *o = ctx->cat->objects[i];
            is_enum = o->kind == CAT_ENUM &&
                      strcmp(cat_qualified(ctx->tmp, o->schema, o->name), base) == 0;
        }
        if (!is_enum)
            return false;
        type = "anyenum";
    }
    for (size_t i = 0; i < ARRAY_LEN(defaults); i++)
        if (strcmp(defaults[i][0], method) == 0 && strcmp(defaults[i][1], opclass) == 0 &&
            strcmp(defaults[i][2], type) == 0)
            return true;
    return false;
}

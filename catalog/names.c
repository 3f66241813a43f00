/*
 * catalog/names.c: identifier and literal spelling as PostgreSQL prints them, and the
 * implicit names PostgreSQL chooses for constraints, indexes and serial sequences.
 * Owns: cat_quote_ident (quote_ident), cat_qualified, cat_quote_literal and
 * cat_implicit_name (makeObjectName + ChooseRelationName / ChooseConstraintName).
 * Must not: depend on libpg_query or libpq at run time. The keyword table below was
 * produced offline from PostgreSQL 15 (pg_get_keywords(), cross-checked with the
 * keyword_kind pg_query_scan reports); regenerate it when the supported major changes.
 * The database encoding is assumed to be UTF-8 (pg_mbcliplen below).
 */
#include <stdlib.h>
#include <string.h>

#include "catalog/catalog.h"

#define NAMEDATALEN 64

/* Every PostgreSQL 15 keyword whose category is not UNRESERVED_KEYWORD (column-name,
 * type/function-name and reserved keywords), sorted by bytes for bsearch. quote_ident
 * quotes exactly these among otherwise safe names. */
/* clang-format off */
static const char *const reserved_words[] = {
    "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
    "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character",
    "check", "coalesce", "collate", "collation", "column", "concurrently", "constraint", "create",
    "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
    "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc",
    "distinct", "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float",
    "for", "foreign", "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having",
    "ilike", "in", "initially", "inner", "inout", "int", "integer", "intersect", "interval",
    "into", "is", "isnull", "join", "lateral", "leading", "least", "left", "like", "limit",
    "localtime", "localtimestamp", "national", "natural", "nchar", "none", "normalize", "not",
    "notnull", "null", "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer",
    "overlaps", "overlay", "placing", "position", "precision", "primary", "real", "references",
    "returning", "right", "row", "select", "session_user", "setof", "similar", "smallint", "some",
    "substring", "symmetric", "table", "tablesample", "then", "time", "timestamp", "to",
    "trailing", "treat", "trim", "true", "union", "unique", "user", "using", "values", "varchar",
    "variadic", "verbose", "when", "where", "window", "with", "xmlattributes", "xmlconcat",
    "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot",
    "xmlserialize", "xmltable",
};
/* clang-format on */
_Static_assert(ARRAY_LEN(reserved_words) == 151, "PostgreSQL 15 has 151 non-unreserved keywords");

static int
cmp_word(const void *key, const void *item)
{
    return strcmp(key, *(const char *const *) item);
}

static bool
is_reserved_word(const char *s)
{
    return bsearch(s, reserved_words, ARRAY_LEN(reserved_words), sizeof(reserved_words[0]),
                   cmp_word) != NULL;
}

/* Identifiers: quote_identifier() in ruleutils.c. Safe means [a-z_][a-z0-9_]* and not a
 * keyword other than an unreserved one; '$' and non-ASCII bytes force quotes, and the
 * empty string prints as "". */
const char *
cat_quote_ident(AgArena *arena, const char *ident)
{
    bool safe = (ident[0] >= 'a' && ident[0] <= 'z') || ident[0] == '_';
    size_t nquotes = 0, len = 0;
    for (const char *p = ident; *p; p++, len++) {
        char ch = *p;
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')
            continue;
        safe = false;
        if (ch == '"')
            nquotes++;
    }
    if (safe && !is_reserved_word(ident))
        return ag_arena_strndup(arena, ident, len);
    char *out = ag_arena_alloc(arena, len + nquotes + 3);
    char *o = out;
    *o++ = '"';
    for (const char *p = ident; *p; p++) {
        if (*p == '"')
            *o++ = '"';
        *o++ = *p;
    }
    *o++ = '"';
    *o = '\0';
    return out;
}

/* schema.name as format_type and regclass print them with search_path = ''; a NULL
 * schema gives the quoted name alone. */
const char *
cat_qualified(AgArena *arena, const char *schema, const char *name)
{
    if (!schema)
        return cat_quote_ident(arena, name);
    return ag_arena_printf(arena, "%s.%s", cat_quote_ident(arena, schema),
                           cat_quote_ident(arena, name));
}

/* A string literal as PostgreSQL's quote_literal() writes it: quotes doubled and, when
 * the text holds a backslash, the E'' form with backslashes doubled. E'a\\b' means a, \, b
 * whatever standard_conforming_strings is, so a script we write keeps its values on a
 * server or session where it is off; 'a\b' would lose the backslash there. */
const char *
cat_quote_literal(AgArena *arena, const char *s)
{
    size_t len = 0, nextra = 0;
    bool has_backslash = false;
    for (const char *p = s; *p; p++, len++) {
        nextra += *p == '\'' || *p == '\\';
        has_backslash |= *p == '\\';
    }
    char *out = ag_arena_alloc(arena, len + nextra + 4);
    char *o = out;
    if (has_backslash)
        *o++ = 'E';
    *o++ = '\'';
    for (const char *p = s; *p; p++) {
        if (*p == '\'' || *p == '\\')
            *o++ = *p;
        *o++ = *p;
    }
    *o++ = '\'';
    *o = '\0';
    return out;
}

/* Length in bytes of the UTF-8 character starting at s (pg_utf_mblen). */
static size_t
utf8_len(const unsigned char *s)
{
    if (*s < 0x80)
        return 1;
    if ((*s & 0xe0) == 0xc0)
        return 2;
    if ((*s & 0xf0) == 0xe0)
        return 3;
    if ((*s & 0xf8) == 0xf0)
        return 4;
    return 1;
}

/* pg_mbcliplen(s, len, limit) for UTF-8: the longest prefix of at most limit bytes that
 * does not split a character. */
static size_t
mbcliplen(const char *s, size_t len, size_t limit)
{
    const unsigned char *p = (const unsigned char *) s;
    size_t clen = 0;
    while (len > 0 && *p) {
        size_t l = utf8_len(p);
        if (clen + l > limit)
            break;
        clen += l;
        if (clen == limit)
            break;
        len = l < len ? len - l : 0;
        p += l;
    }
    return clen;
}

/* makeObjectName() in indexcmds.c: name1[_name2][_label], shortening the longer of
 * name1 and name2 one byte at a time until everything fits in NAMEDATALEN - 1 bytes,
 * then backing off to a character boundary. */
static char *
make_object_name(AgArena *arena, const char *name1, const char *name2, const char *label)
{
    size_t overhead = 0;
    size_t n1 = strlen(name1), n2 = 0;
    if (name2) {
        n2 = strlen(name2);
        overhead++;
    }
    if (label)
        overhead += strlen(label) + 1;
    size_t avail = NAMEDATALEN - 1 > overhead ? NAMEDATALEN - 1 - overhead : 1;
    while (n1 + n2 > avail) {
        if (n1 > n2)
            n1--;
        else
            n2--;
    }
    n1 = mbcliplen(name1, n1, n1);
    if (name2)
        n2 = mbcliplen(name2, n2, n2);
    AgBuf b;
    ag_buf_init(&b);
    ag_buf_putn(&b, name1, n1);
    if (name2) {
        ag_buf_putc(&b, '_');
        ag_buf_putn(&b, name2, n2);
    }
    if (label) {
        ag_buf_putc(&b, '_');
        ag_buf_puts(&b, label);
    }
    char *out = ag_arena_strdup(arena, ag_buf_cstr(&b));
    ag_buf_free(&b);
    return out;
}

/* ChooseIndexNameAddition() / ChooseForeignKeyConstraintNameAddition(): the column
 * names joined by "_", giving up once NAMEDATALEN bytes are reached (makeObjectName
 * truncates the rest anyway). NULL when there are no columns. */
static char *
name_addition(AgArena *arena, const char *const *columns, uint32_t ncolumns)
{
    if (ncolumns == 0)
        return NULL;
    AgBuf b;
    ag_buf_init(&b);
    for (uint32_t i = 0; i < ncolumns; i++) {
        if (b.len > 0)
            ag_buf_putc(&b, '_');
        size_t n = strlen(columns[i]);
        ag_buf_putn(&b, columns[i], n < NAMEDATALEN - 1 ? n : NAMEDATALEN - 1);
        if (b.len >= NAMEDATALEN)
            break;
    }
    char *out = ag_arena_strdup(arena, ag_buf_cstr(&b));
    ag_buf_free(&b);
    return out;
}

/* PostgreSQL's choice of an implicit name. The caller picks what PostgreSQL passes:
 *   PRIMARY KEY  table, no columns, "pkey"      UNIQUE   table, key columns, "key"
 *   FOREIGN KEY  table, key columns, "fkey"     EXCLUDE  table, key columns, "excl"
 *   CHECK        table, the one column the expression references (none when it
 *                references zero or several), "check"
 *   INDEX        table, index column names as ChooseIndexColumnNames picks them (an
 *                expression's FigureColname, e.g. "lower" for lower(x), else "expr";
 *                repeated names get 1, 2, ... appended by the caller), "idx"
 *   serial       table, column, "seq"
 * When taken(name, ctx) says a candidate exists, the label gets 1, 2, ... appended
 * ("t_a_key1"), as ChooseRelationName and ChooseConstraintName do. taken may be NULL.
 * The result lives in arena and never exceeds 63 bytes (for labels shorter than that). */
const char *
cat_implicit_name(AgArena *arena, const char *table, const char *const *columns, uint32_t ncolumns,
                  const char *suffix, bool (*taken)(const char *name, void *ctx), void *ctx)
{
    const char *name2 = name_addition(arena, columns, ncolumns);
    char *name = make_object_name(arena, table, name2, suffix);
    for (uint32_t pass = 1; taken && taken(name, ctx); pass++) {
        char *label = ag_arena_printf(arena, "%s%u", suffix ? suffix : "", pass);
        name = make_object_name(arena, table, name2, label);
    }
    return name;
}

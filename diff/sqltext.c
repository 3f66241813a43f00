/*
 * diff/sqltext.c: the little reading of SQL text that diff/ needs without a parser:
 * format_type spellings (user type references, typmods, arrays), whether a type change
 * rewrites the table or needs USING, identifiers and nextval() calls inside expression
 * text, and sequence option defaults.
 * Not here: canonical forms (catalog/canon*.c), printing SQL (emit/).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "diff/internal.h"

/* Read one identifier at *p as format_type / quote_ident print it: "quoted" (with ""
 * doubled) or a run of lowercase letters, digits, _ and $. Returns NULL when none. */
static const char *
read_ident(AgArena *arena, const char **p)
{
    const char *s = *p;
    if (*s == '"') {
        AgBuf b;
        ag_buf_init(&b);
        s++;
        for (;;) {
            if (!*s) {
                ag_buf_free(&b);
                return NULL;
            }
            if (*s == '"') {
                if (s[1] == '"') {
                    ag_buf_putc(&b, '"');
                    s += 2;
                    continue;
                }
                s++;
                break;
            }
            ag_buf_putc(&b, *s++);
        }
        const char *r = ag_arena_strdup(arena, ag_buf_cstr(&b));
        ag_buf_free(&b);
        *p = s;
        return r;
    }
    const char *start = s;
    while (*s && (isalnum((unsigned char) *s) || *s == '_' || *s == '$' || (*s & 0x80)))
        s++;
    if (s == start)
        return NULL;
    *p = s;
    return ag_arena_strndup(arena, start, (size_t) (s - start));
}

bool
diff_type_ref(AgArena *arena, const char *type, const char **schema, const char **name,
              bool *is_array)
{
    const char *p = type;
    const char *s = read_ident(arena, &p);
    if (!s || *p != '.')
        return false;
    p++;
    const char *n = read_ident(arena, &p);
    if (!n)
        return false;
    bool arr = false;
    while (p[0] == '[' && p[1] == ']') {
        arr = true;
        p += 2;
    }
    if (*p)
        return false;
    *schema = s;
    *name = n;
    if (is_array)
        *is_array = arr;
    return true;
}

/* A type string split into its base name (typmods removed), the typmods, and array
 * dimensions: "timestamp(3) with time zone[]" -> "timestamp with time zone", "3", 1. */
typedef struct TypeParts {
    char base[128];
    int mods[2];
    int nmods;
    int dims;
} TypeParts;

static void
split_type(const char *t, TypeParts *tp)
{
    memset(tp, 0, sizeof(*tp));
    size_t len = strlen(t);
    while (len >= 2 && t[len - 2] == '[' && t[len - 1] == ']') {
        tp->dims++;
        len -= 2;
    }
    size_t o = 0;
    bool in_quote = false;
    for (size_t i = 0; i < len; i++) {
        char ch = t[i];
        if (ch == '"')
            in_quote = !in_quote;
        if (ch == '(' && !in_quote) {
            const char *q = t + i + 1;
            while (*q && *q != ')') {
                char *end;
                long v = strtol(q, &end, 10);
                if (end == q)
                    break;
                if (tp->nmods < 2)
                    tp->mods[tp->nmods++] = (int) v;
                q = end;
                if (*q == ',')
                    q++;
            }
            while (i < len && t[i] != ')')
                i++;
            continue;
        }
        if (o + 1 < sizeof(tp->base))
            tp->base[o++] = ch;
    }
    tp->base[o] = '\0';
}

static bool
in_list(const char *s, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(s, list[i]) == 0)
            return true;
    return false;
}

static const char *const string_types[] = {"text", "character varying", "character", "name"};
/* Integers first, then the types with fractions (number_types + 3). */
static const char *const number_types[] = {"smallint", "integer",          "bigint",
                                           "numeric",  "double precision", "real"};
static const char *const time_types[] = {"date", "timestamp without time zone",
                                         "timestamp with time zone"};

TypeChange
diff_type_change(const char *from_type, const char *to_type)
{
    TypeChange tc = {.using = DIFF_USING_NONE, .rewrite = true, .review = false};
    if (strcmp(from_type, to_type) == 0) {
        tc.rewrite = false; /* a collation change only: indexes are rebuilt, not rows */
        return tc;
    }
    TypeParts a, b;
    split_type(from_type, &a);
    split_type(to_type, &b);
    if (a.dims != b.dims) {
        tc.using = DIFF_USING_CAST;
        tc.review = true;
        return tc;
    }
    bool same_base = strcmp(a.base, b.base) == 0;
    if (same_base) {
        /* Only the typmod differs: the length coercion runs, no USING needed. */
        if (strcmp(a.base, "character varying") == 0 || strcmp(a.base, "bit varying") == 0) {
            tc.rewrite = b.nmods > 0 && (a.nmods == 0 || b.mods[0] < a.mods[0]);
        } else if (strcmp(a.base, "numeric") == 0) {
            int sa = a.nmods > 1 ? a.mods[1] : 0, sb = b.nmods > 1 ? b.mods[1] : 0;
            tc.rewrite = b.nmods > 0 && (a.nmods == 0 || b.mods[0] < a.mods[0] || sa != sb);
            tc.lossy = b.nmods > 0 && (a.nmods == 0 || sb < sa); /* digits rounded away */
        } else if (strncmp(a.base, "timestamp", 9) == 0 || strncmp(a.base, "time ", 5) == 0 ||
                   strcmp(a.base, "interval") == 0) {
            tc.rewrite = b.nmods > 0 && (a.nmods == 0 || b.mods[0] < a.mods[0]);
            tc.lossy = tc.rewrite; /* fractional seconds rounded away */
        }
        return tc;
    }
    /* varchar(n) -> text and text -> varchar are binary coercible. */
    if ((strcmp(a.base, "character varying") == 0 && strcmp(b.base, "text") == 0) ||
        (strcmp(a.base, "text") == 0 && strcmp(b.base, "character varying") == 0 && b.nmods == 0)) {
        tc.rewrite = false;
        return tc;
    }
    if ((strcmp(a.base, "cidr") == 0 && strcmp(b.base, "inet") == 0)) {
        tc.rewrite = false;
        return tc;
    }
    /* Assignment casts exist: to any string type (I/O conversion), within numbers and
     * within dates and timestamps. */
    if (in_list(b.base, string_types, ARRAY_LEN(string_types)))
        return tc;
    if (in_list(a.base, number_types, ARRAY_LEN(number_types)) &&
        in_list(b.base, number_types, ARRAY_LEN(number_types))) {
        /* Fractions rounded to whole numbers. */
        tc.lossy = in_list(a.base, number_types + 3, 3) && !in_list(b.base, number_types + 3, 3);
        return tc;
    }
    if (in_list(a.base, time_types, ARRAY_LEN(time_types)) &&
        in_list(b.base, time_types, ARRAY_LEN(time_types))) {
        tc.lossy = strcmp(b.base, "date") == 0; /* the time of day is cut */
        return tc;
    }
    tc.using = DIFF_USING_CAST;
    /* Conversions that cannot fail on any row need no decision. */
    bool safe = (strcmp(a.base, "json") == 0 && strcmp(b.base, "jsonb") == 0) ||
                (strcmp(a.base, "jsonb") == 0 && strcmp(b.base, "json") == 0);
    tc.review = !safe;
    return tc;
}

static bool
ident_start(unsigned char ch)
{
    return isalpha(ch) || ch == '_' || ch >= 0x80;
}

static bool
ident_char(unsigned char ch)
{
    return isalnum(ch) || ch == '_' || ch == '$' || ch >= 0x80;
}

/* Skip a string literal starting at s (a quote, or E' / e'); returns past its end. */
static const char *
skip_string(const char *s)
{
    bool escapes = false;
    if (*s == 'E' || *s == 'e') {
        escapes = true;
        s++;
    }
    s++; /* opening quote */
    while (*s) {
        if (escapes && *s == '\\' && s[1]) {
            s += 2;
            continue;
        }
        if (*s == '\'') {
            if (s[1] == '\'') {
                s += 2;
                continue;
            }
            return s + 1;
        }
        s++;
    }
    return s;
}

static const char *
skip_space(const char *s)
{
    while (*s && isspace((unsigned char) *s))
        s++;
    return s;
}

bool
diff_expr_mentions(const char *sql, const char *column)
{
    if (!sql)
        return false;
    size_t clen = strlen(column);
    const char *s = sql;
    bool after_cast = false;
    while (*s) {
        unsigned char ch = (unsigned char) *s;
        if (ch == '\'' || ((ch == 'E' || ch == 'e') && s[1] == '\'')) {
            s = skip_string(s);
            after_cast = false;
            continue;
        }
        if (ch == ':' && s[1] == ':') {
            after_cast = true;
            s += 2;
            continue;
        }
        if (ch == '"' || ident_start(ch)) {
            const char *start = s;
            bool quoted = ch == '"';
            bool match;
            if (quoted) {
                s++;
                AgBuf b;
                ag_buf_init(&b);
                while (*s && !(*s == '"' && s[1] != '"')) {
                    if (*s == '"')
                        s++;
                    ag_buf_putc(&b, *s++);
                }
                if (*s)
                    s++;
                match = strcmp(ag_buf_cstr(&b), column) == 0;
                ag_buf_free(&b);
            } else {
                while (*s && ident_char((unsigned char) *s))
                    s++;
                size_t n = (size_t) (s - start);
                match = n == clen;
                for (size_t i = 0; match && i < n; i++)
                    match = tolower((unsigned char) start[i]) == column[i];
            }
            const char *next = skip_space(s);
            bool is_call = *next == '(';
            if (match && !is_call && !after_cast)
                return true;
            after_cast = false;
            continue;
        }
        if (!isspace(ch))
            after_cast = false;
        s++;
    }
    return false;
}

bool
diff_expr_has_literal(const char *sql, const char *label)
{
    if (!sql)
        return false;
    AgBuf b;
    ag_buf_init(&b);
    ag_buf_putc(&b, '\'');
    for (const char *p = label; *p; p++) {
        if (*p == '\'')
            ag_buf_putc(&b, '\'');
        ag_buf_putc(&b, *p);
    }
    ag_buf_putc(&b, '\'');
    bool found = strstr(sql, ag_buf_cstr(&b)) != NULL;
    ag_buf_free(&b);
    return found;
}

void
diff_expr_sequences(AgArena *arena, const char *sql, const char *default_schema,
                    void (*fn)(void *ctx, const char *schema, const char *name), void *ctx)
{
    if (!sql)
        return;
    for (const char *s = sql; (s = strstr(s, "nextval")) != NULL;) {
        s += 7;
        const char *p = skip_space(s);
        if (*p != '(')
            continue;
        p = skip_space(p + 1);
        if (*p != '\'')
            continue;
        /* The literal's content is a (maybe qualified, maybe quoted) relation name. */
        const char *end = skip_string(p);
        if (end - p < 2)
            continue;
        char *lit = ag_arena_strndup(arena, p + 1, (size_t) (end - p - 2));
        /* un-double quotes of the literal */
        char *w = lit;
        for (const char *r = lit; *r; r++) {
            *w++ = *r;
            if (*r == '\'' && r[1] == '\'')
                r++;
        }
        *w = '\0';
        const char *q = lit;
        const char *first = read_ident(arena, &q);
        if (!first)
            continue;
        const char *schema = default_schema, *name = first;
        if (*q == '.') {
            q++;
            const char *second = read_ident(arena, &q);
            if (!second)
                continue;
            schema = first;
            name = second;
        } else if (first[0] != '"') {
            /* Unquoted names in the literal fold to lower case, as regclass does. */
            char *low = ag_arena_strdup(arena, first);
            for (char *l = low; *l; l++)
                *l = (char) tolower((unsigned char) *l);
            name = low;
        }
        fn(ctx, schema, name);
        s = end;
    }
}

void
diff_seq_defaults(const char *type, int64_t increment, CatSeqOptions *out)
{
    int64_t tmin = INT64_MIN, tmax = INT64_MAX;
    if (type && strcmp(type, "integer") == 0) {
        tmin = INT32_MIN;
        tmax = INT32_MAX;
    } else if (type && strcmp(type, "smallint") == 0) {
        tmin = INT16_MIN;
        tmax = INT16_MAX;
    }
    memset(out, 0, sizeof(*out));
    out->type = type ? type : "bigint";
    out->increment = increment ? increment : 1;
    if (out->increment > 0) {
        out->min = 1;
        out->max = tmax;
        out->start = 1;
    } else {
        out->min = tmin;
        out->max = -1;
        out->start = -1;
    }
    out->cache = 1;
    out->cycle = false;
}

bool
diff_seq_equal(const CatSeqOptions *a, const CatSeqOptions *b, bool ignore_type)
{
    if (!ignore_type && !ag_streq(a->type ? a->type : "bigint", b->type ? b->type : "bigint"))
        return false;
    if (ignore_type) {
        /* Identity sequences follow their column's type: compare options relative to
         * each side's own defaults, so an int -> bigint column change is not also an
         * option change. */
        CatSeqOptions da, db;
        diff_seq_defaults(a->type, a->increment, &da);
        diff_seq_defaults(b->type, b->increment, &db);
        bool min_same = (a->min == da.min && b->min == db.min) || a->min == b->min;
        bool max_same = (a->max == da.max && b->max == db.max) || a->max == b->max;
        return a->increment == b->increment && a->start == b->start && min_same && max_same &&
               a->cache == b->cache && a->cycle == b->cycle;
    }
    return a->increment == b->increment && a->start == b->start && a->min == b->min &&
           a->max == b->max && a->cache == b->cache && a->cycle == b->cycle;
}

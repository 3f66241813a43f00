/*
 * parser/annotate.c: rename hints written in the model as comments,
 *     -- autogen: renamed from jd_content
 * on a comment-only line just above a table, column, index, sequence or type, or at the
 * end of the line that declares it. Sets CatObject/CatColumn.renamed_from; diff/rename.c
 * reads it. Comments never reach libpg_query's tree, so this reads the file text at each
 * object's declaration line.
 * Not here: deciding whether the rename applies (diff/rename.c).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "parser/internal.h"

typedef struct Lines {
    const char *text;
    size_t *start; /* offset of each line, 1-based index; start[n + 1] = end */
    uint32_t n;
} Lines;

static void
lines_init(Lines *l, const char *text)
{
    uint32_t n = 1;
    for (const char *p = text; *p; p++)
        n += *p == '\n';
    l->text = text;
    l->n = n;
    l->start = ag_xrealloc(NULL, sizeof(size_t) * (n + 2));
    uint32_t i = 1;
    l->start[1] = 0;
    for (size_t off = 0; text[off]; off++)
        if (text[off] == '\n')
            l->start[++i] = off + 1;
    l->start[n + 1] = strlen(text) + 1;
}

/* The annotation in text[from..to), when there is one: the old name in arena. */
static const char *
find_annotation(AgArena *a, const char *s, size_t len, bool whole_line)
{
    const char *end = s + len;
    const char *p = s;
    if (whole_line) {
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        if (end - p < 2 || p[0] != '-' || p[1] != '-')
            return NULL;
    }
    for (; p + 2 <= end; p++) {
        if (p[0] != '-' || p[1] != '-')
            continue;
        const char *q = p + 2;
        while (q < end && (*q == ' ' || *q == '\t'))
            q++;
        static const char kw[] = "autogen:";
        if ((size_t) (end - q) < sizeof(kw) - 1 || strncmp(q, kw, sizeof(kw) - 1) != 0)
            return NULL;
        q += sizeof(kw) - 1;
        while (q < end && (*q == ' ' || *q == '\t'))
            q++;
        static const char rf[] = "renamed from";
        if ((size_t) (end - q) < sizeof(rf) - 1 || strncmp(q, rf, sizeof(rf) - 1) != 0)
            return NULL;
        q += sizeof(rf) - 1;
        while (q < end && (*q == ' ' || *q == '\t'))
            q++;
        AgBuf b;
        ag_buf_init(&b);
        bool quoted = false;
        for (; q < end && *q != '\r' && *q != '\n'; q++) {
            if (*q == '"') {
                if (quoted && q + 1 < end && q[1] == '"') {
                    ag_buf_putc(&b, '"');
                    q++;
                } else {
                    quoted = !quoted;
                }
                continue;
            }
            if (!quoted && isspace((unsigned char) *q))
                break;
            ag_buf_putc(&b, *q);
        }
        const char *r = b.len ? ag_arena_strdup(a, ag_buf_cstr(&b)) : NULL;
        ag_buf_free(&b);
        return r;
    }
    return NULL;
}

static const char *
annotation_at(AgArena *a, const Lines *l, uint32_t line)
{
    if (!line || line > l->n)
        return NULL;
    /* at the end of the declaring line */
    size_t from = l->start[line], to = l->start[line + 1] - 1;
    const char *r = find_annotation(a, l->text + from, to - from, false);
    if (r || line == 1)
        return r;
    from = l->start[line - 1];
    to = l->start[line] - 1;
    return find_annotation(a, l->text + from, to - from, true);
}

void
prs_annotate_renames(Catalog *cat, const char *file, const char *text)
{
    if (!strstr(text, "autogen:"))
        return;
    Lines l;
    lines_init(&l, text);
    for (uint32_t i = 0; i < cat->nobjects; i++) {
        CatObject *o = cat->objects[i];
        if (o->loc.file && strcmp(o->loc.file, file) == 0) {
            const char *r = annotation_at(cat->arena, &l, o->loc.line);
            if (r)
                o->renamed_from = r;
        }
        if (o->kind != CAT_TABLE)
            continue;
        CatTable *t = (CatTable *) o;
        for (uint32_t j = 0; j < t->ncolumns; j++) {
            CatColumn *c = &t->columns[j];
            if (!c->loc.file || strcmp(c->loc.file, file) != 0 || c->loc.line == o->loc.line)
                continue;
            const char *r = annotation_at(cat->arena, &l, c->loc.line);
            if (r)
                c->renamed_from = r;
        }
    }
    free(l.start);
}

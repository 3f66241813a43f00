/*
 * catalog/canon_view.c: the canonical form of a view's query text (CatView.query.canon)
 * on both sides: whitespace outside quotes collapsed, no final ';'. Tier 1 stops there:
 * a model's query and pg_get_viewdef's text are only ever matched by tier 2
 * (introspect_view.c), which sets the model's canon to the database's.
 * Not here: parsing the query (parser/view.c), the server (introspect_view.c).
 */
#include <string.h>

#include "catalog/catalog.h"

const char *
cat_canon_view(AgArena *arena, const char *sql)
{
    AgBuf b;
    ag_buf_init(&b);
    bool space = false;
    char quote = 0;
    for (const char *p = sql; *p; p++) {
        char c = *p;
        if (quote) {
            ag_buf_putc(&b, c);
            if (c == quote)
                quote = 0;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = b.len > 0;
            continue;
        }
        if (space)
            ag_buf_putc(&b, ' ');
        space = false;
        if (c == '\'' || c == '"')
            quote = c;
        ag_buf_putc(&b, c);
    }
    /* pg_get_viewdef ends with ';' */
    while (b.len && (ag_buf_cstr(&b)[b.len - 1] == ';' || ag_buf_cstr(&b)[b.len - 1] == ' '))
        b.len--;
    const char *r = ag_arena_strndup(arena, ag_buf_cstr(&b), b.len);
    ag_buf_free(&b);
    return r;
}

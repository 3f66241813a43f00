/*
 * base/diag.c: diagnostics collected on a context and printed once, in order.
 * Errors beyond AG_DIAG_MAX_ERRORS are counted but not stored, so a broken model file
 * cannot flood the terminal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

void
ag_diag_init(AgDiag *d)
{
    memset(d, 0, sizeof(*d));
}

void
ag_diag_free(AgDiag *d)
{
    for (size_t i = 0; i < d->nitems; i++) {
        free(d->items[i].msg);
        free(d->items[i].detail);
    }
    free(d->items);
    ag_diag_init(d);
}

AG_PRINTF(1, 0) static char *
vformat(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    if (n < 0)
        n = 0;
    char *s = ag_xmalloc((size_t) n + 1);
    vsnprintf(s, (size_t) n + 1, fmt, ap2);
    va_end(ap2);
    return s;
}

AG_PRINTF(4, 0) static void
add(AgDiag *d, AgSeverity sev, AgLoc loc, const char *fmt, va_list ap)
{
    if (sev == AG_SEV_ERROR)
        d->nerrors++;
    else if (sev == AG_SEV_WARNING)
        d->nwarnings++;
    if (sev == AG_SEV_ERROR && d->nerrors > AG_DIAG_MAX_ERRORS)
        return;
    if (d->nitems == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 8;
        d->items = ag_xrealloc(d->items, d->cap * sizeof(AgDiagItem));
    }
    AgDiagItem *it = &d->items[d->nitems++];
    it->sev = sev;
    it->loc = loc;
    it->msg = vformat(fmt, ap);
    it->detail = NULL;
}

void
ag_diag_error(AgDiag *d, AgLoc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(d, AG_SEV_ERROR, loc, fmt, ap);
    va_end(ap);
}

void
ag_diag_warning(AgDiag *d, AgLoc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(d, AG_SEV_WARNING, loc, fmt, ap);
    va_end(ap);
}

void
ag_diag_note(AgDiag *d, AgLoc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(d, AG_SEV_NOTE, loc, fmt, ap);
    va_end(ap);
}

void
ag_diag_detail(AgDiag *d, const char *fmt, ...)
{
    if (d->nitems == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    AgDiagItem *it = &d->items[d->nitems - 1];
    free(it->detail);
    it->detail = vformat(fmt, ap);
    va_end(ap);
}

bool
ag_diag_has_errors(const AgDiag *d)
{
    return d->nerrors > 0;
}

void
ag_diag_print(const AgDiag *d, void *stream)
{
    static const char *const sev_name[] = {
        [AG_SEV_ERROR] = "error", [AG_SEV_WARNING] = "warning", [AG_SEV_NOTE] = "note"};
    FILE *f = stream;
    for (size_t i = 0; i < d->nitems; i++) {
        const AgDiagItem *it = &d->items[i];
        if (it->loc.file && it->loc.line)
            fprintf(f, "%s:%u:%u: %s: %s\n", it->loc.file, it->loc.line, it->loc.col,
                    sev_name[it->sev], it->msg);
        else if (it->loc.file)
            fprintf(f, "%s: %s: %s\n", it->loc.file, sev_name[it->sev], it->msg);
        else
            fprintf(f, "autogen: %s: %s\n", sev_name[it->sev], it->msg);
        if (it->detail)
            fprintf(f, "  detail: %s\n", it->detail);
    }
    if (d->nerrors > AG_DIAG_MAX_ERRORS)
        fprintf(f, "autogen: note: %zu more errors not shown\n", d->nerrors - AG_DIAG_MAX_ERRORS);
}

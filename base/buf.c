/*
 * base/buf.c: growable NUL-terminated string buffers and pointer vectors on the heap.
 * Used for output text that is built piece by piece; the owner calls ag_buf_free.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

void
ag_buf_init(AgBuf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

void
ag_buf_free(AgBuf *b)
{
    free(b->data);
    ag_buf_init(b);
}

void
ag_buf_reset(AgBuf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

static void
reserve(AgBuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->data = ag_xrealloc(b->data, cap);
    b->cap = cap;
}

void
ag_buf_putn(AgBuf *b, const char *s, size_t n)
{
    reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void
ag_buf_puts(AgBuf *b, const char *s)
{
    ag_buf_putn(b, s, strlen(s));
}

void
ag_buf_putc(AgBuf *b, char c)
{
    ag_buf_putn(b, &c, 1);
}

void
ag_buf_vprintf(AgBuf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    if (n > 0) {
        reserve(b, (size_t) n);
        vsnprintf(b->data + b->len, (size_t) n + 1, fmt, ap2);
        b->len += (size_t) n;
    }
    va_end(ap2);
}

void
ag_buf_printf(AgBuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ag_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

const char *
ag_buf_cstr(const AgBuf *b)
{
    return b->data ? b->data : "";
}

void
ag_vec_push(AgVec *v, void *item)
{
    if (v->len == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 8;
        v->items = ag_xrealloc(v->items, v->cap * sizeof(void *));
    }
    v->items[v->len++] = item;
}

void
ag_vec_free(AgVec *v)
{
    free(v->items);
    v->items = NULL;
    v->len = v->cap = 0;
}

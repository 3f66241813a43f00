/*
 * base/arena.c: bump allocation in growing blocks, plus the few heap helpers.
 * Every stage allocates what it builds in an arena owned by its caller; freeing the
 * arena frees everything at once. Out of memory ends the process here (exit 3), so no
 * caller tests the result.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

struct AgArenaBlock {
    AgArenaBlock *next;
    size_t used;
    size_t cap;
    max_align_t data[];
};

#define AG_ARENA_BLOCK (64 * 1024)

static void
out_of_memory(size_t n)
{
    fprintf(stderr, "autogen: error: out of memory (allocating %zu bytes)\n", n);
    exit(3);
}

void *
ag_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory(n);
    return p;
}

void *
ag_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        out_of_memory(n);
    return q;
}

char *
ag_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(ag_xmalloc(n), s, n);
}

void
ag_arena_init(AgArena *a)
{
    a->head = NULL;
    a->total = 0;
}

void
ag_arena_free(AgArena *a)
{
    AgArenaBlock *b = a->head;
    while (b) {
        AgArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->total = 0;
}

void *
ag_arena_alloc(AgArena *a, size_t size)
{
    const size_t align = sizeof(max_align_t);
    size = (size + align - 1) & ~(align - 1);
    if (size == 0)
        size = align;
    AgArenaBlock *b = a->head;
    if (!b || b->cap - b->used < size) {
        size_t cap = size > AG_ARENA_BLOCK / 2 ? size : AG_ARENA_BLOCK;
        AgArenaBlock *nb = malloc(sizeof(AgArenaBlock) + cap);
        if (!nb)
            out_of_memory(size);
        nb->used = 0;
        nb->cap = cap;
        if (b && size > AG_ARENA_BLOCK / 2) {
            /* A big allocation gets its own block behind the current one, so the
             * current block's free space is not wasted. */
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        b = nb;
    }
    void *p = (char *) b->data + b->used;
    b->used += size;
    a->total += size;
    memset(p, 0, size);
    return p;
}

void *
ag_arena_memdup(AgArena *a, const void *p, size_t n)
{
    void *q = ag_arena_alloc(a, n);
    if (n)
        memcpy(q, p, n);
    return q;
}

char *
ag_arena_strndup(AgArena *a, const char *s, size_t n)
{
    char *q = ag_arena_alloc(a, n + 1);
    memcpy(q, s, n);
    q[n] = '\0';
    return q;
}

char *
ag_arena_strdup(AgArena *a, const char *s)
{
    if (!s)
        return NULL;
    return ag_arena_strndup(a, s, strlen(s));
}

char *
ag_arena_printf(AgArena *a, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    char *q = ag_arena_alloc(a, (size_t) n + 1);
    vsnprintf(q, (size_t) n + 1, fmt, ap2);
    va_end(ap2);
    return q;
}

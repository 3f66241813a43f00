/*
 * base/base.h: the domain-free leaf every module builds on: arenas, growable string
 * buffers, diagnostics with file:line:col, and small helpers.
 * Not here: anything that knows about SQL, catalogs or PostgreSQL.
 */
#ifndef AUTOGEN_BASE_BASE_H
#define AUTOGEN_BASE_BASE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define AG_UNREACHABLE() __builtin_unreachable()

#if defined(__GNUC__)
#define AG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define AG_PRINTF(f, a)
#endif

/* ---- arena ---------------------------------------------------------------- */

typedef struct AgArenaBlock AgArenaBlock;
typedef struct AgArena {
    AgArenaBlock *head;
    size_t total; /* bytes handed out, for memory reports */
} AgArena;

/* Initialise an empty arena; no allocation happens until the first ag_arena_alloc. */
void ag_arena_init(AgArena *a);
/* Release every block; the arena may be reused afterwards. */
void ag_arena_free(AgArena *a);
/* Zeroed memory aligned for any type. Out of memory ends the process (exit 3). */
void *ag_arena_alloc(AgArena *a, size_t size);
char *ag_arena_strdup(AgArena *a, const char *s);
char *ag_arena_strndup(AgArena *a, const char *s, size_t n);
char *ag_arena_printf(AgArena *a, const char *fmt, ...) AG_PRINTF(2, 3);
void *ag_arena_memdup(AgArena *a, const void *p, size_t n);

/* Allocation helpers for the rare heap use outside arenas; abort on OOM. */
void *ag_xmalloc(size_t n);
void *ag_xrealloc(void *p, size_t n);
char *ag_xstrdup(const char *s);

/* ---- string buffer -------------------------------------------------------- */

typedef struct AgBuf {
    char *data; /* always NUL-terminated once anything was written; heap owned */
    size_t len;
    size_t cap;
} AgBuf;

void ag_buf_init(AgBuf *b);
void ag_buf_free(AgBuf *b);
void ag_buf_reset(AgBuf *b);
void ag_buf_putc(AgBuf *b, char c);
void ag_buf_puts(AgBuf *b, const char *s);
void ag_buf_putn(AgBuf *b, const char *s, size_t n);
void ag_buf_printf(AgBuf *b, const char *fmt, ...) AG_PRINTF(2, 3);
void ag_buf_vprintf(AgBuf *b, const char *fmt, va_list ap) AG_PRINTF(2, 0);
/* The contents, "" for an empty buffer; valid until the next write. */
const char *ag_buf_cstr(const AgBuf *b);

/* ---- growable pointer vector (heap) ---------------------------------------- */

typedef struct AgVec {
    void **items;
    size_t len;
    size_t cap;
} AgVec;

void ag_vec_push(AgVec *v, void *item);
void ag_vec_free(AgVec *v);

/* ---- diagnostics ---------------------------------------------------------- */

/* A place in a model or revision file. line and col are 1-based; col counts characters.
 * {0} means "no place" (an introspected object). */
typedef struct AgLoc {
    const char *file;
    uint32_t line;
    uint32_t col;
} AgLoc;

typedef enum AgSeverity { AG_SEV_ERROR, AG_SEV_WARNING, AG_SEV_NOTE } AgSeverity;

typedef struct AgDiagItem {
    AgSeverity sev;
    AgLoc loc;
    char *msg;
    char *detail; /* may be NULL; printed as "  detail: ..." */
} AgDiagItem;

#define AG_DIAG_MAX_ERRORS 50

typedef struct AgDiag {
    AgDiagItem *items;
    size_t nitems;
    size_t cap;
    size_t nerrors;
    size_t nwarnings;
} AgDiag;

void ag_diag_init(AgDiag *d);
void ag_diag_free(AgDiag *d);
void ag_diag_error(AgDiag *d, AgLoc loc, const char *fmt, ...) AG_PRINTF(3, 4);
void ag_diag_warning(AgDiag *d, AgLoc loc, const char *fmt, ...) AG_PRINTF(3, 4);
void ag_diag_note(AgDiag *d, AgLoc loc, const char *fmt, ...) AG_PRINTF(3, 4);
/* Attach a detail line to the last recorded item (e.g. the failing query). */
void ag_diag_detail(AgDiag *d, const char *fmt, ...) AG_PRINTF(2, 3);
bool ag_diag_has_errors(const AgDiag *d);
/* Print every item as "file:line:col: error: msg" (or "autogen: error: msg" without a
 * place) to the stream, in the order recorded. */
void ag_diag_print(const AgDiag *d, void *stream);

/* ---- small helpers -------------------------------------------------------- */

/* qsort that accepts an empty (possibly NULL) array: qsort(NULL, 0, ...) is undefined
 * behaviour (its pointer is declared nonnull), and UBSan stops on it. Use this always. */
static inline void
ag_qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}

/* Read a whole file into arena memory, NUL-terminated. Returns NULL and records an
 * error naming the path on failure. */
char *ag_read_file(AgArena *a, const char *path, size_t *len_out, AgDiag *d);
/* Write a file atomically: temporary file in the same folder, fsync, rename. */
bool ag_write_file_atomic(const char *path, const char *data, size_t len, AgDiag *d);
uint64_t ag_hash_str(const char *s, uint64_t seed);
bool ag_streq(const char *a, const char *b); /* NULL-safe: two NULLs are equal */
/* Hex of a 64-bit FNV-1a-style checksum over the bytes, as 16 characters. */
void ag_checksum_hex(const char *data, size_t len, char out[17]);
/* Byte offset of the first byte of text that is not valid UTF-8 (overlong forms,
 * surrogates and code points past U+10FFFF included), or (size_t) -1 when all is valid. */
size_t ag_utf8_invalid_offset(const char *text, size_t len);
/* 1-based line and column (in characters, UTF-8 aware) of byte offset in text. */
void ag_line_col(const char *text, size_t offset, uint32_t *line, uint32_t *col);

#endif

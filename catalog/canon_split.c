/*
 * catalog/canon_split.c: statement splitting with libpg_query's scanner (see split.h),
 * with psql's rule that keeps a SQL-standard function body (BEGIN ATOMIC ... END) one
 * statement. Lives under canon* because only those files may use libpg_query in catalog/.
 */
#include <ctype.h>
#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>
#include <stdlib.h>
#include <string.h>

#include "catalog/split.h"

/* Whether text[0..len) holds the word ATOMIC in any case: a cheap test before scanning,
 * since only a statement with BEGIN ATOMIC can need joining. */
static bool
mentions_atomic(const char *text, size_t len)
{
    static const char word[] = "atomic";
    for (size_t i = 0; i + sizeof(word) - 1 <= len; i++) {
        size_t k = 0;
        while (k < sizeof(word) - 1 && tolower((unsigned char) text[i + k]) == word[k])
            k++;
        if (k == sizeof(word) - 1)
            return true;
    }
    return false;
}

/* Whether the statement text[0..len) ends inside an open BEGIN ... END, by psql's rule
 * (psqlscan.l, PostgreSQL 14 and later): in a statement whose first words are CREATE [OR
 * REPLACE] FUNCTION | PROCEDURE, outside parentheses, BEGIN opens, CASE opens when already
 * inside, END closes. Quotes, dollar quotes and comments are the scanner's business. */
static bool
ends_inside_atomic(const char *text, size_t len)
{
    char *copy = ag_xmalloc(len + 1);
    memcpy(copy, text, len);
    copy[len] = '\0';
    PgQueryScanResult r = pg_query_scan(copy);
    bool open = false;
    if (!r.error) {
        /* Unpacked here and freed below, with the scan result. */
        PgQuery__ScanResult *scan =
            pg_query__scan_result__unpack(NULL, r.pbuf.len, (const uint8_t *) r.pbuf.data);
        if (scan) {
            char first[4] = {0}; /* first letter of each of the first four words, as psql */
            size_t nwords = 0, depth = 0;
            int parens = 0;
            for (size_t i = 0; i < scan->n_tokens; i++) {
                const PgQuery__ScanToken *t = scan->tokens[i];
                if (t->token == PG_QUERY__TOKEN__ASCII_40) {
                    parens++;
                    continue;
                }
                if (t->token == PG_QUERY__TOKEN__ASCII_41) {
                    parens--;
                    continue;
                }
                bool is_word = t->token == PG_QUERY__TOKEN__IDENT ||
                               t->keyword_kind != PG_QUERY__KEYWORD_KIND__NO_KEYWORD;
                if (!is_word)
                    continue;
                if (nwords < sizeof(first)) {
                    switch (t->token) {
                    case PG_QUERY__TOKEN__CREATE:
                        first[nwords] = 'c';
                        break;
                    case PG_QUERY__TOKEN__OR:
                        first[nwords] = 'o';
                        break;
                    case PG_QUERY__TOKEN__REPLACE:
                        first[nwords] = 'r';
                        break;
                    case PG_QUERY__TOKEN__FUNCTION:
                        first[nwords] = 'f';
                        break;
                    case PG_QUERY__TOKEN__PROCEDURE:
                        first[nwords] = 'p';
                        break;
                    default:
                        break;
                    }
                }
                nwords++;
                bool is_routine =
                    first[0] == 'c' &&
                    (first[1] == 'f' || first[1] == 'p' ||
                     (first[1] == 'o' && first[2] == 'r' && (first[3] == 'f' || first[3] == 'p')));
                if (!is_routine || parens != 0)
                    continue;
                if (t->token == PG_QUERY__TOKEN__BEGIN_P)
                    depth++;
                else if (t->token == PG_QUERY__TOKEN__CASE && depth > 0)
                    depth++;
                else if (t->token == PG_QUERY__TOKEN__END_P && depth > 0)
                    depth--;
            }
            open = depth > 0;
            pg_query__scan_result__free_unpacked(scan, NULL);
        }
    }
    pg_query_free_scan_result(r);
    free(copy);
    return open;
}

size_t
cat_split_join_atomic(const char *sql, CatStmtSpan *spans, size_t n)
{
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        CatStmtSpan s = spans[i];
        if (mentions_atomic(sql + s.offset, s.len)) {
            /* Rescanning the joined text each time is quadratic in the statements of
             * one body, which are few. */
            while (i + 1 < n && ends_inside_atomic(sql + s.offset, s.len)) {
                i++;
                s.len = spans[i].offset + spans[i].len - s.offset;
            }
        }
        spans[out++] = s;
    }
    return out;
}

bool
cat_split_sql(AgArena *arena, const char *sql, const char *path, CatStmtSpan **out,
              size_t *nout, AgDiag *diag)
{
    PgQuerySplitResult r = pg_query_split_with_scanner(sql);
    if (r.error) {
        AgLoc loc = {.file = path};
        if (r.error->cursorpos > 0) {
            /* cursorpos is 1-based characters; find the byte offset. */
            size_t off = 0;
            int chars = 1;
            while (sql[off] && chars < r.error->cursorpos) {
                off++;
                while (((unsigned char) sql[off] & 0xC0) == 0x80)
                    off++;
                chars++;
            }
            ag_line_col(sql, off, &loc.line, &loc.col);
        }
        ag_diag_error(diag, loc, "cannot split the script into statements: %s",
                      r.error->message);
        pg_query_free_split_result(r);
        return false;
    }
    /* Copied out of the split result: it is freed before returning. */
    CatStmtSpan *spans = ag_arena_alloc(arena, sizeof(CatStmtSpan) * (size_t) (r.n_stmts + 1));
    for (int i = 0; i < r.n_stmts; i++) {
        spans[i].offset = (size_t) r.stmts[i]->stmt_location;
        spans[i].len = (size_t) r.stmts[i]->stmt_len;
        if (spans[i].len == 0)
            spans[i].len = strlen(sql + spans[i].offset);
    }
    size_t nraw = cat_split_join_atomic(sql, spans, (size_t) r.n_stmts);
    size_t n = 0;
    for (size_t i = 0; i < nraw; i++) {
        size_t off = spans[i].offset;
        size_t len = spans[i].len;
        /* Skip leading whitespace and comments so the reported line is the statement's. */
        for (;;) {
            while (len && isspace((unsigned char) sql[off])) {
                off++;
                len--;
            }
            if (len >= 2 && sql[off] == '-' && sql[off + 1] == '-') {
                while (len && sql[off] != '\n') {
                    off++;
                    len--;
                }
                continue;
            }
            break;
        }
        while (len && (isspace((unsigned char) sql[off + len - 1]) || sql[off + len - 1] == ';'))
            len--;
        if (len == 0)
            continue;
        spans[n].offset = off;
        spans[n].len = len;
        n++;
    }
    /* The scanner's split drops a last statement it cannot close (an unbalanced
     * parenthesis): anything left after the last statement is a truncated script. */
    size_t end = n ? spans[n - 1].offset + spans[n - 1].len : 0;
    for (;;) {
        while (sql[end] && (isspace((unsigned char) sql[end]) || sql[end] == ';'))
            end++;
        if (sql[end] == '-' && sql[end + 1] == '-') {
            while (sql[end] && sql[end] != '\n')
                end++;
            continue;
        }
        if (sql[end] == '/' && sql[end + 1] == '*') {
            /* block comments nest in PostgreSQL */
            size_t j = end + 2;
            int depth = 1;
            while (sql[j] && depth) {
                if (sql[j] == '/' && sql[j + 1] == '*') {
                    depth++;
                    j += 2;
                } else if (sql[j] == '*' && sql[j + 1] == '/') {
                    depth--;
                    j += 2;
                } else {
                    j++;
                }
            }
            if (!depth) {
                end = j;
                continue;
            }
        }
        break;
    }
    pg_query_free_split_result(r);
    if (sql[end]) {
        AgLoc loc = {.file = path};
        ag_line_col(sql, end, &loc.line, &loc.col);
        ag_diag_error(diag, loc, "unterminated statement at the end of the script (a missing "
                                 "closing parenthesis?)");
        return false;
    }
    *out = spans;
    *nout = n;
    return true;
}

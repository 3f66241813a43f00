/*
 * catalog/canon_split.c: statement splitting with libpg_query's scanner (see split.h).
 * Lives under canon* because only those files may use libpg_query in catalog/.
 */
#include <ctype.h>
#include <pg_query.h>
#include <string.h>

#include "catalog/split.h"

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
    size_t n = 0;
    for (int i = 0; i < r.n_stmts; i++) {
        size_t off = (size_t) r.stmts[i]->stmt_location;
        size_t len = (size_t) r.stmts[i]->stmt_len;
        if (len == 0)
            len = strlen(sql + off);
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

/*
 * catalog/split.h: split an SQL script into statements the way PostgreSQL's scanner
 * sees them (quotes, dollar quotes, comments), for running scripts statement by statement.
 */
#ifndef AUTOGEN_CATALOG_SPLIT_H
#define AUTOGEN_CATALOG_SPLIT_H

#include "base/base.h"

typedef struct CatStmtSpan {
    size_t offset; /* byte offset of the statement's first character (after whitespace) */
    size_t len;    /* bytes, without the terminating semicolon */
} CatStmtSpan;

/* Split sql into statements; empty statements are dropped. Returns false and records an
 * error when the scanner fails (an unterminated quote), naming path. Spans in arena. */
bool cat_split_sql(AgArena *arena, const char *sql, const char *path, CatStmtSpan **out,
                   size_t *nout, AgDiag *diag);

/* The scanner's split ends a statement at every semicolon, also at one inside the
 * SQL-standard body of CREATE [OR REPLACE] FUNCTION | PROCEDURE ... BEGIN ATOMIC ... END.
 * Joins those pieces back into one statement the way psql does (it counts BEGIN, and CASE
 * within a BEGIN, against END outside parentheses, in a statement that starts CREATE
 * FUNCTION or PROCEDURE). spans are the scanner's, in order: each one runs up to the
 * semicolon that ended it (or to the end of sql). Joins in place and returns the new
 * count; cannot fail (a body left open at the end of sql stays one last statement, for
 * the parser to report). */
size_t cat_split_join_atomic(const char *sql, CatStmtSpan *spans, size_t n);

#endif

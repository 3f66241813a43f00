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

#endif

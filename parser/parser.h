/*
 * parser/parser.h: model DDL text -> Catalog, with file:line:col for every object and
 * every error.
 */
#ifndef AUTOGEN_PARSER_PARSER_H
#define AUTOGEN_PARSER_PARSER_H

#include "catalog/catalog.h"

/* Load model files into cat. Each path is a .sql file or a folder whose *.sql files
 * (recursively) are read in byte order of their paths. Errors (syntax, duplicates,
 * unknown references, unsupported statements) are recorded in diag with their place and
 * loading goes on; returns false when any error was recorded. Calls cat_finish(). */
bool prs_load_paths(Catalog *cat, const char *const *paths, size_t npaths, AgDiag *diag);

/* Same for one text already in memory; filename is used in diagnostics only.
 * Does not call cat_finish() (so several texts can be loaded in one catalog);
 * call prs_finish() after the last one. */
bool prs_load_string(Catalog *cat, const char *filename, const char *text, AgDiag *diag);
/* Resolve cross-file references (foreign keys, OWNED BY, implicit names), report the
 * unresolved ones, and call cat_finish(). Returns false when an error was recorded. */
bool prs_finish(Catalog *cat, AgDiag *diag);

#endif

/*
 * catalog/introspect.h: read a live database's catalog into a Catalog.
 * Separate from catalog.h so that only modules allowed to use libpq see PGconn.
 */
#ifndef AUTOGEN_CATALOG_INTROSPECT_H
#define AUTOGEN_CATALOG_INTROSPECT_H

#include <libpq-fe.h>

#include "catalog/catalog.h"

/* Which objects a load takes. Zero-initialised means: every schema that is not a system
 * schema (pg_catalog, information_schema, pg_toast*, pg_temp*), no object that belongs
 * to an extension, nothing excluded. */
typedef struct CatFilter {
    const char *const *schemas; /* when nschemas > 0: only these schemas */
    uint32_t nschemas;
    const char *version_schema; /* the version table to leave out (NULL: none) */
    const char *version_table;
} CatFilter;

/* Oldest server the catalog queries are written for. */
#define CAT_MIN_SERVER_VERSION 130000

/* Read the database behind conn into cat, with a fixed number of set-based queries
 * whatever the number of tables, inside one read-only REPEATABLE READ transaction with
 * search_path = '' set locally (so type names and expressions come back qualified);
 * the session's own settings are untouched afterwards.
 * Returns false with a diagnostic naming the failing query on error, or when the server
 * is older than CAT_MIN_SERVER_VERSION. Calls cat_finish() on success. */
bool cat_load_db(Catalog *cat, PGconn *conn, const CatFilter *filter, AgDiag *diag);

#endif

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
    bool grants; /* also read privileges (CatObject.grants, see catalog.h) */
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

/* For cat_load_db (introspect_function.c): functions, procedures and triggers, read
 * inside its transaction after the tables. ver is PQserverVersion. Returns false with a
 * "query failed" diagnostic on error. */
bool cat_load_functions(Catalog *cat, PGconn *conn, const CatFilter *filter, AgDiag *diag,
                        int ver);

/* Tier 2 of canonicalisation (DESIGN.md): for each expression of model whose counterpart
 * in db (a catalog cat_load_db read from conn) still has a different canon, ask the server
 * what it would store for the model's text and, when that equals db's canon, set the
 * model expression's canon to db's (its sql is kept). Pairs: defaults and generated
 * columns by table and column, CHECK bodies and EXCLUDE keys and predicates by table and
 * constraint name, index key expressions and predicates by index name.
 * Unqualified names in model expressions mean public (pg_catalog searched first).
 * Costs no query when nothing is unsettled, else two round trips: everything runs on
 * temporary copies of the tables in a transaction (a savepoint inside the caller's)
 * that is always rolled back, with search_path set locally. An expression the server
 * rejects simply stays unsettled, i.e. a change. Needs plpgsql in the database.
 * Borrows: db and conn. Result lives in: model's arena.
 * Returns false with a "query failed" diagnostic when the connection or the batch as a
 * whole fails; the model is then untouched. */
bool cat_settle_exprs(Catalog *model, const Catalog *db, PGconn *conn, AgDiag *diag);

/* Views and materialized views (introspect_view.c), read by cat_load_db inside its
 * transaction with search_path = ''. schema_filter: "  AND n.nspname ..." lines on the
 * namespace alias n. Returns false with a diagnostic when the query fails. */
bool cat_load_views(Catalog *cat, PGconn *conn, const char *schema_filter, AgDiag *diag);

/* Tier 2 for view queries: every model view is created as a temporary view (in a
 * transaction that is always rolled back, search_path = the model file's) and read back
 * with pg_get_viewdef under search_path = ''. The model view then takes the server's
 * qualified text as its sql, its output columns and their types; and db's canon when
 * the texts agree. A view the server refuses stays as written (a change).
 * Called by cat_settle_exprs. Returns false with a diagnostic when the connection or
 * its transaction fails. */
bool cat_settle_views(Catalog *model, const Catalog *db, PGconn *conn, AgDiag *diag);

/* Tier 2 for CREATE TABLE ... AS (introspect_table_as.c): each model table that has its
 * query but no columns yet is created WITH NO DATA as a temporary table (in a transaction
 * that is always rolled back, search_path = the model file's) and takes the columns the
 * server gave it. A query the server refuses leaves the table without columns.
 * Called by cat_settle_exprs. Returns false with a diagnostic when the connection or its
 * transaction fails. */
bool cat_settle_table_as(Catalog *model, PGconn *conn, AgDiag *diag);

/* Privileges (introspect_grant.c): aclexplode of relacl, proacl and nspacl into the
 * grants of objects already loaded, in the form catalog.h describes; read by cat_load_db
 * when filter->grants. schema_filter: "  AND n.nspname ..." lines on the namespace alias
 * n. Returns false with a diagnostic when the query fails. */
bool cat_load_grants(Catalog *cat, PGconn *conn, const char *schema_filter, AgDiag *diag);

#endif

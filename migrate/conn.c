/*
 * migrate/conn.c: connecting with libpq so that URLs, key=value strings, PG* variables,
 * .pgpass and services all work as libpq users expect, and no password reaches output.
 */
#include <string.h>

#include "migrate/migrate.h"

/* libpq's messages name host, port and user, never the password; but a password given
 * inline can come back inside a "invalid URI" message, so those are masked. */
static void
report(AgDiag *diag, const char *what, const char *msg)
{
    char clean[1024];
    size_t n = 0;
    for (const char *p = msg; *p && n + 1 < sizeof(clean); p++) {
        if (*p == '\n' && p[1] == '\0')
            break;
        clean[n++] = *p;
    }
    clean[n] = '\0';
    if (strstr(clean, "password=") || strstr(clean, "://"))
        snprintf(clean, sizeof(clean), "invalid connection string (not shown: it may hold a "
                                       "password)");
    ag_diag_error(diag, (AgLoc){0}, "%s: %s", what, clean);
}

PGconn *
mig_connect(const char *conninfo, const char *dbname, AgDiag *diag)
{
    const char *keys[4] = {"dbname", NULL, NULL, NULL};
    const char *vals[4] = {conninfo ? conninfo : "", NULL, NULL, NULL};
    int k = 1;
    if (dbname) {
        keys[k] = "dbname";
        vals[k++] = dbname;
    }
    keys[k] = "fallback_application_name";
    vals[k++] = "autogen";
    PGconn *c = PQconnectdbParams(keys, vals, 1);
    if (!c) {
        ag_diag_error(diag, (AgLoc){0}, "cannot connect: out of memory");
        return NULL;
    }
    if (PQstatus(c) != CONNECTION_OK) {
        report(diag, "cannot connect to the database", PQerrorMessage(c));
        PQfinish(c);
        return NULL;
    }
    PGresult *r = PQexec(c, "SET client_min_messages = warning");
    PQclear(r);
    return c;
}

/*
 * migrate/migrate.h: revision files, the revision chain, the version table, applying
 * revisions to a database, and the scratch PostgreSQL server.
 * Not here: computing what changed (diff/), printing SQL for it (emit/), argv (cmd/).
 */
#ifndef AUTOGEN_MIGRATE_MIGRATE_H
#define AUTOGEN_MIGRATE_MIGRATE_H

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/base.h"

/* ---- revision files ------------------------------------------------------- */

#define MIG_MAX_PARENTS 4

typedef struct MigRevision {
    const char *id;                          /* 12 hex digits */
    const char *parents[MIG_MAX_PARENTS];    /* none: the first revision (parent "base") */
    uint32_t nparents;
    const char *message;
    const char *created;                     /* ISO 8601, UTC */
    const char *path;                        /* the file it was read from */
    const char *upgrade_sql;                 /* the upgrade section's text */
    uint32_t upgrade_line;                   /* 1-based line of the section's first line */
    const char *downgrade_sql;
    uint32_t downgrade_line;
    bool transactional;                      /* false: "-- autogen:no-transaction" */
    char checksum[17];                       /* of the whole file */
    uint32_t review_line;                    /* first "autogen:review" marker, 0 if none */
    /* filled by mig_chain_load */
    uint32_t nchildren;
    uint32_t depth;                          /* 1 for the first revision */
} MigRevision;

typedef struct MigChain {
    MigRevision **revs; /* sorted by (depth, id): parents before children */
    size_t nrevs;
    MigRevision **heads;
    size_t nheads;
} MigChain;

/* Read every *.sql revision file in dir into chain. A file that is not a revision, two
 * revisions with one id, a missing parent and a cycle are errors naming the file.
 * A missing dir is an empty chain. Everything lives in arena. */
bool mig_chain_load(AgArena *arena, const char *dir, MigChain *chain, AgDiag *diag);
MigRevision *mig_chain_find(const MigChain *chain, const char *id);
/* Parse one revision file's text; path is for messages. */
MigRevision *mig_revision_parse(AgArena *arena, const char *path, const char *text,
                                AgDiag *diag);

typedef struct MigNewRevision {
    const char *message;
    const char *const *parents; /* NULL/0: base */
    uint32_t nparents;
    const char *summary;        /* change and hazard lines, one per line, no "-- " */
    const char *upgrade_sql;
    const char *downgrade_sql;
    bool transactional;
    const char *id;             /* NULL: a fresh random id */
} MigNewRevision;

/* Write dir/<id>_<slug>.sql atomically; returns the path (in arena) or NULL. */
const char *mig_revision_write(AgArena *arena, const char *dir, const MigNewRevision *rev,
                               AgDiag *diag);
/* The text mig_revision_write would write (for --sql and verify). */
char *mig_revision_render(AgArena *arena, const MigNewRevision *rev, const char *id,
                          const char *created);

/* ---- version table and applying ------------------------------------------ */

typedef struct MigVersionTable {
    const char *schema; /* default "public" */
    const char *name;   /* default "autogen_version" */
} MigVersionTable;

typedef struct MigApplied {
    const char *revision;
    const char *checksum;
    const char *applied_at;
} MigApplied;

/* Applied revisions (empty when the version table does not exist yet). */
bool mig_version_read(AgArena *arena, PGconn *conn, const MigVersionTable *vt,
                      MigApplied **out, size_t *nout, AgDiag *diag);

/* The applied revision that is a head of the applied set (NULL: base). With two applied
 * heads (a merge not yet applied), the first by chain order; *nheads says how many. */
const char *mig_current(const MigChain *chain, const MigApplied *applied, size_t napplied,
                        size_t *nheads);

typedef struct MigApplyOptions {
    const MigVersionTable *vt;
    int lock_timeout_ms;      /* 0: none */
    int statement_timeout_ms; /* 0: none */
    int lock_retries;         /* retries of a revision that hit lock_timeout */
    bool no_wait;             /* fail at once if another runner holds the lock */
    bool force;               /* run although checksums differ */
    bool progress;            /* print "revision n of m" to stderr */
} MigApplyOptions;

/* Take the session advisory lock that serialises runners. */
bool mig_lock(PGconn *conn, bool no_wait, AgDiag *diag);
void mig_unlock(PGconn *conn);
bool mig_version_ensure(PGconn *conn, const MigVersionTable *vt, AgDiag *diag);

/* Apply one revision's upgrade (up=true) or downgrade, with its version-table update, in
 * one transaction (unless the revision is not transactional). On failure the transaction
 * is rolled back and diag names the revision, the statement's file:line and the server's
 * message. */
bool mig_apply_revision(PGconn *conn, const MigRevision *rev, bool up,
                        const MigApplyOptions *opts, AgDiag *diag);

/* Run a script (statements separated as PostgreSQL's scanner does) on conn, statement by
 * statement; errors name path:line. No transaction control of its own. */
bool mig_exec_script(PGconn *conn, const char *sql, const char *path, uint32_t first_line,
                     AgDiag *diag);

/* ---- the scratch server ---------------------------------------------------- */

typedef struct MigScratch {
    char dir[512];      /* temporary folder: data/, the socket, the log */
    char conninfo[700]; /* libpq connection string to its "postgres" database */
    bool running;
} MigScratch;

/* initdb into a fresh temporary folder and start a server on a Unix socket there, no TCP.
 * Run as root, the server processes run as the "postgres" account (or
 * $AUTOGEN_SCRATCH_USER). Binaries: $AUTOGEN_PG_BINDIR, else the newest
 * /usr/lib/postgresql/N/bin, else PATH. */
bool mig_scratch_start(MigScratch *s, AgDiag *diag);
/* Stop the server and remove the folder; safe to call twice. */
void mig_scratch_stop(MigScratch *s);
/* Create (drop = false) or drop (drop = true, IF EXISTS) a database on the server behind
 * conninfo (a URL or key=value string). */
bool mig_createdb(const char *conninfo, const char *dbname, bool drop, AgDiag *diag);

/* Connect to conninfo (a URL or key=value string), with dbname overriding the database
 * when not NULL. Sets client_min_messages = warning. NULL with a diagnostic on failure;
 * the message never contains the password. */
PGconn *mig_connect(const char *conninfo, const char *dbname, AgDiag *diag);

#endif

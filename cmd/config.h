/*
 * cmd/config.h: the settings of one run, from the config file, the environment and the
 * flags (flags win over the environment, which wins over the file).
 */
#ifndef AUTOGEN_CMD_CONFIG_H
#define AUTOGEN_CMD_CONFIG_H

#include <stdbool.h>

#include "base/base.h"

#define CMD_MAX_SCHEMAS 32

typedef struct CmdConfig {
    const char *config_path;   /* the file read, NULL when none */
    const char *database_url;  /* NULL: not configured (libpq defaults where a DB is needed) */
    bool database_from_libpq;  /* PGDATABASE/PGHOST/PGSERVICE set: a database is configured */
    const char *dev_url;       /* an existing server instead of the scratch server */
    const char *models;        /* file or folder, default "models" */
    const char *migrations;    /* folder, default "migrations" */
    const char *schemas[CMD_MAX_SCHEMAS];
    uint32_t nschemas;
    const char *version_schema; /* default "public" */
    const char *version_table;  /* default "autogen_version" */
    int lock_timeout_ms;        /* default 5000 */
    int statement_timeout_ms;   /* default 0: none */
    int lock_retries;           /* default 3 */
    bool grants;                /* manage privileges (GRANT / REVOKE); default false */
} CmdConfig;

/* Defaults, then the file (path, or ./autogen.conf when it exists), then the environment.
 * Unknown keys and bad values are errors naming file:line. */
bool cmd_config_load(AgArena *a, CmdConfig *cfg, const char *path, AgDiag *diag);
/* Apply one "key = value" setting (used by the file and by flags). */
bool cmd_config_set(AgArena *a, CmdConfig *cfg, const char *key, const char *value, AgLoc loc,
                    AgDiag *diag);

#endif

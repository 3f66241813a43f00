/*
 * cmd/config.c: reading autogen.conf ("key = value" lines, # comments) and the
 * environment into a CmdConfig. Passwords may sit in database_url: this file never
 * prints a value, only keys.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/config.h"

static bool
parse_int(const char *v, int *out)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (end == v || *end || n < 0 || n > 86400000)
        return false;
    *out = (int) n;
    return true;
}

bool
cmd_config_set(AgArena *a, CmdConfig *cfg, const char *key, const char *value, AgLoc loc,
               AgDiag *diag)
{
    const char *v = ag_arena_strdup(a, value);
    if (strcmp(key, "database_url") == 0) {
        cfg->database_url = *v ? v : NULL;
    } else if (strcmp(key, "dev_url") == 0) {
        cfg->dev_url = *v ? v : NULL;
    } else if (strcmp(key, "models") == 0) {
        cfg->models = v;
    } else if (strcmp(key, "migrations") == 0) {
        cfg->migrations = v;
    } else if (strcmp(key, "schemas") == 0) {
        cfg->nschemas = 0;
        char *copy = ag_arena_strdup(a, v);
        for (char *save = NULL, *t = strtok_r(copy, ", ", &save); t;
             t = strtok_r(NULL, ", ", &save)) {
            if (cfg->nschemas == CMD_MAX_SCHEMAS) {
                ag_diag_error(diag, loc, "at most %d schemas may be listed", CMD_MAX_SCHEMAS);
                return false;
            }
            cfg->schemas[cfg->nschemas++] = t;
        }
    } else if (strcmp(key, "version_table") == 0) {
        const char *dot = strchr(v, '.');
        if (dot) {
            cfg->version_schema = ag_arena_strndup(a, v, (size_t) (dot - v));
            cfg->version_table = dot + 1;
        } else {
            cfg->version_table = v;
        }
        if (!*cfg->version_table || (dot && dot == v)) {
            ag_diag_error(diag, loc, "version_table: expected [schema.]name");
            return false;
        }
    } else if (strcmp(key, "lock_timeout") == 0) {
        if (!parse_int(v, &cfg->lock_timeout_ms)) {
            ag_diag_error(diag, loc, "lock_timeout: expected milliseconds, got \"%s\"", v);
            return false;
        }
    } else if (strcmp(key, "statement_timeout") == 0) {
        if (!parse_int(v, &cfg->statement_timeout_ms)) {
            ag_diag_error(diag, loc, "statement_timeout: expected milliseconds, got \"%s\"", v);
            return false;
        }
    } else if (strcmp(key, "lock_retries") == 0) {
        if (!parse_int(v, &cfg->lock_retries) || cfg->lock_retries > 20) {
            ag_diag_error(diag, loc, "lock_retries: expected 0 to 20, got \"%s\"", v);
            return false;
        }
    } else if (strcmp(key, "grants") == 0) {
        if (strcmp(v, "true") == 0 || strcmp(v, "on") == 0 || strcmp(v, "yes") == 0) {
            cfg->grants = true;
        } else if (strcmp(v, "false") == 0 || strcmp(v, "off") == 0 || strcmp(v, "no") == 0) {
            cfg->grants = false;
        } else {
            ag_diag_error(diag, loc, "grants: expected true or false, got \"%s\"", v);
            return false;
        }
    } else {
        ag_diag_error(diag, loc,
                      "unknown setting \"%s\" (expected database_url, dev_url, models, "
                      "migrations, schemas, version_table, lock_timeout, statement_timeout, "
                      "lock_retries or grants)",
                      key);
        return false;
    }
    return true;
}

static char *
trim(char *s)
{
    while (isspace((unsigned char) *s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char) s[n - 1]))
        s[--n] = '\0';
    return s;
}

bool
cmd_config_load(AgArena *a, CmdConfig *cfg, const char *path, AgDiag *diag)
{
    memset(cfg, 0, sizeof(*cfg));
    cfg->models = "models";
    cfg->migrations = "migrations";
    cfg->version_schema = "public";
    cfg->version_table = "autogen_version";
    cfg->lock_timeout_ms = 5000;
    cfg->lock_retries = 3;
    if (!path && access("autogen.conf", F_OK) == 0)
        path = "autogen.conf";
    bool ok = true;
    if (path) {
        char *text = ag_read_file(a, path, NULL, diag);
        if (!text)
            return false;
        cfg->config_path = path;
        uint32_t lineno = 0;
        for (char *save = NULL, *line = strtok_r(text, "\n", &save); line;
             line = strtok_r(NULL, "\n", &save)) {
            lineno++;
            char *l = trim(line);
            if (!*l || *l == '#')
                continue;
            char *eq = strchr(l, '=');
            if (!eq) {
                ag_diag_error(diag, (AgLoc){path, lineno, 1}, "expected \"key = value\"");
                ok = false;
                continue;
            }
            *eq = '\0';
            char *key = trim(l), *val = trim(eq + 1);
            size_t vn = strlen(val);
            if (vn >= 2 && ((val[0] == '"' && val[vn - 1] == '"') ||
                            (val[0] == '\'' && val[vn - 1] == '\''))) {
                val[vn - 1] = '\0';
                val++;
            }
            if (!cmd_config_set(a, cfg, key, val, (AgLoc){path, lineno, 1}, diag))
                ok = false;
        }
    }
    const char *env = getenv("DATABASE_URL");
    if (env && *env)
        cfg->database_url = env;
    env = getenv("AUTOGEN_DATABASE_URL");
    if (env && *env)
        cfg->database_url = env;
    env = getenv("AUTOGEN_DEV_URL");
    if (env && *env)
        cfg->dev_url = env;
    const char *libpq_vars[] = {"PGDATABASE", "PGHOST", "PGSERVICE"};
    for (size_t i = 0; i < ARRAY_LEN(libpq_vars); i++) {
        env = getenv(libpq_vars[i]);
        if (env && *env)
            cfg->database_from_libpq = true;
    }
    return ok;
}

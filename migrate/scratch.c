/*
 * migrate/scratch.c: a private PostgreSQL for verify, check without a database, and the
 * tests: initdb into a temporary folder, a Unix socket there, no TCP, removed at the end.
 * PostgreSQL refuses to run as root, so as root the server's processes run as an
 * unprivileged account (postgres, or $AUTOGEN_SCRATCH_USER).
 * Not here: anything about revisions or catalogs.
 */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "migrate/migrate.h"

static bool
is_executable(const char *path)
{
    return access(path, X_OK) == 0;
}

/* The folder holding initdb, pg_ctl and postgres: $AUTOGEN_PG_BINDIR, else the newest
 * /usr/lib/postgresql/N/bin (Debian's layout), else the folder of initdb on PATH. */
static bool
find_bindir(char *out, size_t size)
{
    const char *env = getenv("AUTOGEN_PG_BINDIR");
    if (env && *env) {
        snprintf(out, size, "%s", env);
        return true;
    }
    DIR *d = opendir("/usr/lib/postgresql");
    int best = 0;
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            int v = atoi(e->d_name);
            char p[512];
            snprintf(p, sizeof(p), "/usr/lib/postgresql/%s/bin/initdb", e->d_name);
            if (v > best && is_executable(p))
                best = v;
        }
        closedir(d);
    }
    if (best) {
        snprintf(out, size, "/usr/lib/postgresql/%d/bin", best);
        return true;
    }
    const char *path = getenv("PATH");
    if (!path)
        return false;
    char *copy = ag_xstrdup(path);
    bool found = false;
    for (char *save = NULL, *dir = strtok_r(copy, ":", &save); dir && !found;
         dir = strtok_r(NULL, ":", &save)) {
        char p[512];
        snprintf(p, sizeof(p), "%s/initdb", dir);
        if (is_executable(p)) {
            snprintf(out, size, "%s", dir);
            found = true;
        }
    }
    free(copy);
    return found;
}

/* Run argv (argv[0] a full path) and wait; as root, drop to uid/gid first. Output goes to
 * logpath (appended). Returns the exit status, or -1 when it could not run. */
static int
run(const char *const argv[], bool drop, uid_t uid, gid_t gid, const char *logpath)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        if (drop) {
            if (setgroups(0, NULL) != 0 || setgid(gid) != 0 || setuid(uid) != 0)
                _exit(126);
        }
        FILE *log = logpath ? freopen(logpath, "a", stdout) : NULL;
        if (log)
            dup2(fileno(stdout), 2);
        /* The server inherits no libpq settings of the caller. */
        unsetenv("PGDATA");
        unsetenv("PGHOST");
        unsetenv("PGPORT");
        /* execv wants mutable strings; copies made in the child are never freed. */
        size_t n = 0;
        while (argv[n])
            n++;
        char **args = ag_xmalloc(sizeof(char *) * (n + 1));
        for (size_t i = 0; i < n; i++)
            args[i] = ag_xstrdup(argv[i]);
        args[n] = NULL;
        execv(args[0], args);
        _exit(127);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int
rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void) sb;
    (void) flag;
    (void) ftw;
    remove(path);
    return 0;
}

static void
tail_log(const char *logpath, AgDiag *diag)
{
    FILE *f = fopen(logpath, "r");
    if (!f)
        return;
    char line[1024], last[1024] = "";
    while (fgets(line, sizeof(line), f)) {
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n)
            snprintf(last, sizeof(last), "%s", line);
    }
    fclose(f);
    if (*last)
        ag_diag_detail(diag, "%s (log: %s)", last, logpath);
}

bool
mig_scratch_start(MigScratch *s, AgDiag *diag)
{
    memset(s, 0, sizeof(*s));
    char bindir[400];
    if (!find_bindir(bindir, sizeof(bindir))) {
        ag_diag_error(diag, (AgLoc){0},
                      "cannot start a scratch PostgreSQL: initdb not found (install "
                      "postgresql, or set AUTOGEN_PG_BINDIR, or pass --dev-url)");
        return false;
    }
    const char *tmp = getenv("TMPDIR");
    snprintf(s->dir, sizeof(s->dir), "%s/autogen-scratch-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(s->dir)) {
        ag_diag_error(diag, (AgLoc){0}, "cannot create a folder for the scratch server: %s",
                      strerror(errno));
        return false;
    }
    bool drop = geteuid() == 0;
    uid_t uid = 0;
    gid_t gid = 0;
    if (drop) {
        const char *user = getenv("AUTOGEN_SCRATCH_USER");
        if (!user || !*user)
            user = "postgres";
        struct passwd *pw = getpwnam(user);
        if (!pw) {
            ag_diag_error(diag, (AgLoc){0},
                          "cannot start a scratch PostgreSQL as root: no account \"%s\" to "
                          "run the server as (PostgreSQL refuses root; create one or set "
                          "AUTOGEN_SCRATCH_USER)",
                          user);
            rmdir(s->dir);
            return false;
        }
        uid = pw->pw_uid;
        gid = pw->pw_gid;
        if (chown(s->dir, uid, gid) != 0) {
            ag_diag_error(diag, (AgLoc){0}, "cannot hand %s to %s: %s", s->dir, user,
                          strerror(errno));
            rmdir(s->dir);
            return false;
        }
    }
    chmod(s->dir, 0700);
    char initdb[512], pgctl[512], data[600], logpath[600], opts[800];
    snprintf(initdb, sizeof(initdb), "%s/initdb", bindir);
    snprintf(pgctl, sizeof(pgctl), "%s/pg_ctl", bindir);
    snprintf(data, sizeof(data), "%s/data", s->dir);
    snprintf(logpath, sizeof(logpath), "%s/server.log", s->dir);
    const char *const initdb_argv[] = {initdb,      "-D",      data,        "-A", "trust", "-U",
                                 "autogen",   "-E",      "UTF8",      "--locale=C",
                                 "--no-sync", "--no-instructions", NULL};
    int rc = run(initdb_argv, drop, uid, gid, logpath);
    if (rc != 0) {
        ag_diag_error(diag, (AgLoc){0}, "initdb failed for the scratch server (exit %d)", rc);
        tail_log(logpath, diag);
        return false;
    }
    snprintf(opts, sizeof(opts),
             "-k %s -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
             "-c full_page_writes=off -c max_connections=40",
             s->dir);
    const char *const start_argv[] = {pgctl, "-D", data, "-o", opts, "-l", logpath,
                                "-w",  "-t", "60", "-s", "start", NULL};
    rc = run(start_argv, drop, uid, gid, NULL);
    if (rc != 0) {
        ag_diag_error(diag, (AgLoc){0}, "the scratch PostgreSQL did not start (pg_ctl exit %d)",
                      rc);
        tail_log(logpath, diag);
        return false;
    }
    snprintf(s->conninfo, sizeof(s->conninfo), "host=%s port=5432 user=autogen dbname=postgres",
             s->dir);
    s->running = true;
    return true;
}

void
mig_scratch_stop(MigScratch *s)
{
    if (!s->dir[0])
        return;
    if (s->running) {
        char bindir[400];
        if (find_bindir(bindir, sizeof(bindir))) {
            char pgctl[512], data[600];
            snprintf(pgctl, sizeof(pgctl), "%s/pg_ctl", bindir);
            snprintf(data, sizeof(data), "%s/data", s->dir);
            const char *const argv[] = {pgctl, "-D", data, "-m", "immediate", "-s", "-w", "stop", NULL};
            struct stat st;
            bool drop = geteuid() == 0 && stat(s->dir, &st) == 0;
            run(argv, drop, drop ? st.st_uid : 0, drop ? st.st_gid : 0, "/dev/null");
        }
        s->running = false;
    }
    nftw(s->dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    s->dir[0] = '\0';
}

bool
mig_createdb(const char *conninfo, const char *dbname, bool drop, AgDiag *diag)
{
    PGconn *c = mig_connect(conninfo, "postgres", diag);
    if (!c)
        return false;
    char *q = PQescapeIdentifier(c, dbname, strlen(dbname));
    char sql[700];
    snprintf(sql, sizeof(sql), drop ? "DROP DATABASE IF EXISTS %s WITH (FORCE)"
                                    : "CREATE DATABASE %s TEMPLATE template0",
             q ? q : "x");
    PQfreemem(q);
    PGresult *r = PQexec(c, sql);
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok)
        ag_diag_error(diag, (AgLoc){0}, "cannot %s database %s: %s", drop ? "drop" : "create",
                      dbname, PQresultErrorMessage(r));
    PQclear(r);
    PQfinish(c);
    return ok;
}

/*
 * cmd/main.c: the autogen command line: argv, configuration, the subcommands and their
 * exit codes (cmd/exit.h). Everything here is glue: catalogs come from parser/ and
 * catalog/, changes from diff/, SQL from emit/, revisions and applying from migrate/.
 * Only this folder calls exit().
 */
#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <pthread.h>
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "catalog/catalog.h"
#include "catalog/introspect.h"
#include "cmd/config.h"
#include "cmd/exit.h"
#include "diff/diff.h"
#include "emit/emit.h"
#include "migrate/migrate.h"
#include "parser/parser.h"

#define CMD_MAX_RENAMES 64

typedef struct CmdArgs {
    const char *command;
    const char *config;
    const char *message;
    const char *target;
    const char *out;
    const char *format; /* "text" or "json" */
    const char *renames[CMD_MAX_RENAMES];
    uint32_t nrenames;
    bool empty, sql, force, no_wait, verbose, down, online, all, help, quiet, no_renames, verify;
} CmdArgs;

typedef struct Ctx {
    AgArena arena;
    AgDiag diag;
    CmdConfig cfg;
    CmdArgs args;
    MigScratch scratch;
    bool scratch_started;
    uint32_t scratch_dbs;
    bool tty;
    /* the models, parsed on a thread while the database is read (models_start/get) */
    pthread_t models_thread;
    int models_state; /* 0 not started, 1 running, 2 done */
    int models_rc;
    AgArena models_arena;
    AgDiag models_diag;
    Catalog *models_cat;
    double models_ms; /* wall time of the parsing thread, for AUTOGEN_TIMING */
} Ctx;

/* AUTOGEN_TIMING=1 prints how long each stage took to stderr (for the benchmark's
 * "where the time goes"). */
static void
stage_done(const char *stage)
{
    static int enabled = -1;
    static struct timespec last;
    if (enabled < 0) {
        const char *e = getenv("AUTOGEN_TIMING");
        enabled = e && *e && strcmp(e, "0") != 0;
        clock_gettime(CLOCK_MONOTONIC, &last);
    }
    if (!enabled || !stage)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double ms = (double) (now.tv_sec - last.tv_sec) * 1e3 + (double) (now.tv_nsec - last.tv_nsec) / 1e6;
    struct rusage ru;
    long peak_kb = getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : 0;
    fprintf(stderr, "autogen: timing: %-12s %8.1f ms  (peak %ld MB)\n", stage, ms, peak_kb / 1024);
    last = now;
}

/* AUTOGEN_TIMING=1: a duration measured elsewhere (the parsing thread's). */
static void
stage_note(const char *what, double ms)
{
    const char *e = getenv("AUTOGEN_TIMING");
    if (e && *e && strcmp(e, "0") != 0)
        fprintf(stderr, "autogen: timing: %-12s %8.1f ms\n", what, ms);
}

static Ctx *g_ctx; /* for the signal handler: stop the scratch server on SIGINT/SIGTERM */

/* While a revision runs: the cancel handle of its connection, so SIGINT/SIGTERM cancel the
 * statement in flight at once instead of leaving the backend to notice the closed socket.
 * PQcancel is safe in a signal handler; the transaction is rolled back by the server. */
static PGcancel *volatile g_cancel;

static void
on_signal(int sig)
{
    if (g_cancel) {
        char err[256];
        static const char msg[] = "autogen: interrupted: the revision in progress is rolled "
                                  "back; run the command again to continue\n";
        PQcancel(g_cancel, err, sizeof(err));
        if (write(2, msg, sizeof(msg) - 1) < 0) {
            /* nothing more to do in a signal handler */
        }
    }
    if (g_ctx && g_ctx->scratch_started)
        mig_scratch_stop(&g_ctx->scratch);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* ---- help ------------------------------------------------------------------ */

static const char usage_text[] =
    "usage: autogen [OPTIONS] COMMAND [ARGS]\n"
    "       autogen -m MESSAGE            (shorthand for: autogen revision -m MESSAGE)\n"
    "\n"
    "Keep a PostgreSQL database in step with models written as SQL DDL.\n"
    "\n"
    "commands:\n"
    "  init [DIR]              create autogen.conf, models/ and migrations/\n"
    "  revision -m MSG         write a migration from the difference between the models and\n"
    "                          the database at head (--empty: a blank one to edit by hand)\n"
    "  upgrade [TARGET]        apply revisions up to TARGET (head, a revision id, +N)\n"
    "  downgrade [TARGET]      revert revisions down to TARGET (-1, -N, a revision id, base)\n"
    "  current                 show the revision the database is at\n"
    "  history                 list the revisions, newest first (--verbose for details)\n"
    "  heads                   list the heads of the revision chain\n"
    "  stamp REV               record REV as applied without running anything\n"
    "  merge -m MSG            write a revision joining two heads\n"
    "  check                   exit 1 when models, migrations and database disagree\n"
    "  diff                    print the SQL that would bring the database to the models\n"
    "  dump                    print (or --out FILE: write) the database schema as a model\n"
    "  verify [REV | --all]    prove revisions in a scratch database: upgrade (head: equal to\n"
    "                          the models), downgrade (equal to before), upgrade again\n"
    "\n"
    "options:\n"
    "  -c, --config FILE       configuration file (default: ./autogen.conf when present)\n"
    "  --database URL          the database (else DATABASE_URL, else the config file's\n"
    "                          database_url, else libpq's PG* defaults)\n"
    "  --models PATH           model file or folder (default: models)\n"
    "  --migrations DIR        revision folder (default: migrations)\n"
    "  --dev-url URL           an existing server to use instead of a scratch server\n"
    "  --schema NAME           manage only this schema (repeatable)\n"
    "  --version-table [S.]T   the version table (default: public.autogen_version)\n"
    "  --lock-timeout MS       lock_timeout for migration DDL (default: 5000)\n"
    "  --grants                also manage privileges: GRANT / REVOKE on tables, views,\n"
    "                          sequences, functions and schemas (config: grants = true)\n"
    "  --format text|json      output of check, diff and verify (default: text)\n"
    "  --all                   verify: every revision\n"
    "  --verify                revision: verify the new revision before writing it\n"
    "  -m, --message MSG       message of a new revision\n"
    "  --empty                 revision: write an empty revision\n"
    "  --online                generate CREATE/DROP INDEX CONCURRENTLY (no transaction)\n"
    "  --rename S.T=NEW, --rename S.T.COL=NEW\n"
    "                          revision, diff: this is a rename, not a drop + add (repeatable)\n"
    "  --no-renames            revision, diff: never guess renames\n"
    "  --sql                   upgrade/downgrade: print the SQL instead of running it\n"
    "  --force                 upgrade: run although an applied revision's file changed\n"
    "  --no-wait               fail at once when another runner holds the migration lock\n"
    "  --down                  diff: print the downgrade instead of the upgrade\n"
    "  --verbose               history: show files, dates and what is applied\n"
    "  -q, --quiet             print only errors\n"
    "  -h, --help              show this help (autogen COMMAND --help for one command)\n"
    "  --version               show the version\n"
    "\n"
    "exit codes: 0 ok, 1 drift or pending changes (check, diff), 2 bad input,\n"
    "3 environment (database, files), 4 internal error.\n";

typedef struct CmdHelp {
    const char *name;
    const char *text;
} CmdHelp;

static const CmdHelp command_help[] = {
    {"init", "usage: autogen init [DIR]\n"
             "Create DIR/autogen.conf, DIR/models/ and DIR/migrations/ (DIR defaults to .).\n"
             "Existing files are left alone.\n"},
    {"revision",
     "usage: autogen revision -m MESSAGE [--empty] [--online] [--verify [--force]]\n"
     "                        [--rename S.T=NEW | S.T.COL=NEW]... [--no-renames]\n"
     "Compare the models with the database at head and write migrations/<id>_<slug>.sql\n"
     "with an upgrade and a downgrade section. The database must be at head. Without a\n"
     "configured database, the migrations are replayed in a scratch server instead.\n"
     "Nothing to do: says so and writes nothing. --empty writes a blank revision.\n"
     "Renames: an object dropped and a similar one added is taken for a rename. On a\n"
     "terminal autogen asks; otherwise the RENAME carries an autogen:review marker that\n"
     "upgrade refuses until a person deletes it. --rename and a model comment\n"
     "'-- autogen: renamed from OLD' above or after the object state it for sure;\n"
     "--no-renames turns guessing off.\n"
     "--verify proves the new revision in a scratch database first (upgrade equals the\n"
     "models, downgrade returns, upgrade again) and writes nothing when it fails,\n"
     "unless --force.\n"},
    {"upgrade", "usage: autogen upgrade [head | REV | +N] [--sql] [--force] [--no-wait]\n"
                "Apply each pending revision in its own transaction with its version-table\n"
                "row. --sql prints the script instead of connecting. Revisions with\n"
                "'autogen:review' markers are refused until a person resolves them.\n"},
    {"downgrade", "usage: autogen downgrade [-1 | -N | REV | base] [--sql]\n"
                  "Revert applied revisions, newest first, down to the target.\n"},
    {"current", "usage: autogen current\nPrint the revision the database is at (base: none).\n"},
    {"history", "usage: autogen history [--verbose]\nList revisions, newest first.\n"},
    {"heads", "usage: autogen heads\nList the heads of the revision chain.\n"},
    {"stamp", "usage: autogen stamp REV|base\n"
              "Set the version table to REV (and its ancestors) without running SQL.\n"},
    {"merge", "usage: autogen merge -m MESSAGE\nWrite an empty revision whose parents are all "
              "current heads.\n"},
    {"check", "usage: autogen check [--format json]\n"
              "Exit 0 when the revision chain has one head, the database is at head, no\n"
              "applied revision file changed, and the database matches the models; exit 1\n"
              "with a summary otherwise. Without a configured database, the migrations are\n"
              "replayed in a scratch server and compared with the models.\n"},
    {"diff", "usage: autogen diff [--models PATH] [--database URL] [--down] [--format json]\n"
             "                   [--online] [--rename S.T=NEW | S.T.COL=NEW]... [--no-renames]\n"
             "Print the SQL that brings the database to the models (--down: back). Exit 0\n"
             "when there is nothing to do, 1 when there is.\n"},
    {"verify", "usage: autogen verify [REV | head | --all] [--format json] [--dev-url URL]\n"
               "In a scratch server (or --dev-url), apply the chain up to the revision's\n"
               "parent, then its upgrade (for head: compare with the models), its downgrade\n"
               "(compare with the state before) and its upgrade again (compare with the\n"
               "first upgrade). Differences are listed per object. Exit 1 when any step\n"
               "differs or fails. --all verifies every revision in chain order.\n"},
    {"dump", "usage: autogen dump [--database URL] [--out FILE]\n"
             "Write the database's schema as model DDL (stdout, or FILE).\n"},
};

static const char *
find_help(const char *cmd)
{
    for (size_t i = 0; i < ARRAY_LEN(command_help); i++)
        if (strcmp(command_help[i].name, cmd) == 0)
            return command_help[i].text;
    return NULL;
}

/* ---- argv ------------------------------------------------------------------ */

AG_PRINTF(1, 2) static int
usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "autogen: error: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry 'autogen --help'.\n");
    va_end(ap);
    return CMD_EXIT_INPUT;
}

/* Options that take a value and the config key they set (NULL: handled in CmdArgs). */
static int
parse_args(Ctx *c, int argc, char **argv, const char **values, const char **settings)
{
    CmdArgs *a = &c->args;
    int nsettings = 0;
    a->format = "text";
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        const char *val = NULL;
#define TAKES(opt)                                                                         \
    (strcmp(s, opt) == 0 ? (i + 1 < argc ? (val = argv[++i], 1) : -1)                      \
                         : (strncmp(s, opt "=", strlen(opt) + 1) == 0                      \
                                ? (val = s + strlen(opt) + 1, 1)                           \
                                : 0))
        int t;
        if ((t = TAKES("-m")) || (t = TAKES("--message"))) {
            if (t < 0)
                return usage_error("%s needs a message", s);
            a->message = val;
        } else if ((t = TAKES("-c")) || (t = TAKES("--config"))) {
            if (t < 0)
                return usage_error("%s needs a file", s);
            a->config = val;
        } else if ((t = TAKES("--format"))) {
            if (t < 0 || (strcmp(val, "text") != 0 && strcmp(val, "json") != 0))
                return usage_error("%s", "--format expects text or json");
            a->format = val;
        } else if ((t = TAKES("--out"))) {
            if (t < 0)
                return usage_error("%s needs a file", s);
            a->out = val;
        } else if ((t = TAKES("--rename"))) {
            if (t < 0)
                return usage_error("%s needs schema.table.old=new", s);
            if (a->nrenames == CMD_MAX_RENAMES)
                return usage_error("%s", "too many --rename options");
            a->renames[a->nrenames++] = val;
        } else if ((t = TAKES("--database")) || (t = TAKES("--url"))) {
            if (t < 0)
                return usage_error("%s needs a connection string", s);
            settings[nsettings] = "database_url";
            values[nsettings++] = val;
        } else if ((t = TAKES("--models")) || (t = TAKES("--migrations")) ||
                   (t = TAKES("--dev-url")) || (t = TAKES("--schema")) ||
                   (t = TAKES("--version-table")) || (t = TAKES("--lock-timeout")) ||
                   (t = TAKES("--statement-timeout"))) {
            if (t < 0)
                return usage_error("%s needs a value", s);
            static const struct {
                const char *opt, *key;
            } map[] = {{"--models", "models"},
                       {"--migrations", "migrations"},
                       {"--dev-url", "dev_url"},
                       {"--schema", "schemas"},
                       {"--version-table", "version_table"},
                       {"--lock-timeout", "lock_timeout"},
                       {"--statement-timeout", "statement_timeout"}};
            for (size_t k = 0; k < ARRAY_LEN(map); k++)
                if (strncmp(s, map[k].opt, strlen(map[k].opt)) == 0 &&
                    (s[strlen(map[k].opt)] == '\0' || s[strlen(map[k].opt)] == '='))
                    settings[nsettings] = map[k].key;
            values[nsettings++] = val;
        } else if (strcmp(s, "--grants") == 0) {
            settings[nsettings] = "grants";
            values[nsettings++] = "true";
        } else if (strcmp(s, "--empty") == 0) {
            a->empty = true;
        } else if (strcmp(s, "--sql") == 0) {
            a->sql = true;
        } else if (strcmp(s, "--force") == 0) {
            a->force = true;
        } else if (strcmp(s, "--no-wait") == 0) {
            a->no_wait = true;
        } else if (strcmp(s, "--verbose") == 0 || strcmp(s, "-v") == 0) {
            a->verbose = true;
        } else if (strcmp(s, "--down") == 0) {
            a->down = true;
        } else if (strcmp(s, "--online") == 0) {
            a->online = true;
        } else if (strcmp(s, "--all") == 0) {
            a->all = true;
        } else if (strcmp(s, "--verify") == 0) {
            a->verify = true;
        } else if (strcmp(s, "--no-renames") == 0) {
            a->no_renames = true;
        } else if (strcmp(s, "-q") == 0 || strcmp(s, "--quiet") == 0) {
            a->quiet = true;
        } else if (strcmp(s, "-h") == 0 || strcmp(s, "--help") == 0) {
            a->help = true;
        } else if (strcmp(s, "--version") == 0) {
            printf("autogen 0.1.0\n");
            exit(CMD_EXIT_OK);
        } else if (s[0] == '-' && s[1] && !(s[1] >= '0' && s[1] <= '9')) {
            return usage_error("unknown option %s", s);
        } else if (!a->command) {
            a->command = s;
        } else if (!a->target) {
            a->target = s;
        } else {
            return usage_error("unexpected argument %s", s);
        }
#undef TAKES
    }
    settings[nsettings] = NULL;
    return CMD_EXIT_OK;
}

/* ---- shared steps -------------------------------------------------------------- */

static int
fail(Ctx *c, int code)
{
    ag_diag_print(&c->diag, stderr);
    return code;
}

static CatFilter
make_filter(const Ctx *c)
{
    CatFilter f = {0};
    f.schemas = c->cfg.schemas;
    f.nschemas = c->cfg.nschemas;
    f.version_schema = c->cfg.version_schema;
    f.version_table = c->cfg.version_table;
    f.grants = c->cfg.grants;
    return f;
}

static MigVersionTable
make_vt(const Ctx *c)
{
    MigVersionTable vt = {c->cfg.version_schema, c->cfg.version_table};
    return vt;
}

static bool
database_configured(const Ctx *c)
{
    return c->cfg.database_url || c->cfg.database_from_libpq;
}

/* Parse the models into a catalog in arena, diagnostics in diag. */
static int
load_models_in(const char *models, bool grants, AgArena *arena, AgDiag *diag, Catalog **out)
{
    Catalog *cat = cat_new(arena);
    cat->grants = grants;
    struct stat st;
    if (stat(models, &st) != 0) {
        ag_diag_error(diag, (AgLoc){0},
                      "models not found: %s (set --models or models = in autogen.conf)", models);
        return CMD_EXIT_INPUT;
    }
    if (access(models, R_OK) != 0) {
        ag_diag_error(diag, (AgLoc){0}, "cannot read models %s: %s", models, strerror(errno));
        return CMD_EXIT_ENV;
    }
    const char *paths[1] = {models};
    if (!prs_load_paths(cat, paths, 1, diag))
        return CMD_EXIT_INPUT;
    *out = cat;
    return CMD_EXIT_OK;
}

static int
load_models(Ctx *c, Catalog **out)
{
    int rc = load_models_in(c->cfg.models, c->cfg.grants, &c->arena, &c->diag, out);
    stage_done("parse");
    return rc;
}

/* Parsing the models (client CPU) overlaps with reading the database (server work):
 * models_start runs the parser on a thread of its own, with its own arena and
 * diagnostics; models_get waits for it and merges the diagnostics in order. */
static void *
models_thread(void *arg)
{
    Ctx *c = arg;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    c->models_rc = load_models_in(c->cfg.models, c->cfg.grants, &c->models_arena,
                                  &c->models_diag, &c->models_cat);
    /* Parsing freed much more than it keeps (libpg_query's trees, the parser's name
     * sets): give those pages back, or they count in the peak while the diff runs. */
#ifdef __GLIBC__
    malloc_trim(0);
#endif
    clock_gettime(CLOCK_MONOTONIC, &t1);
    c->models_ms = (double) (t1.tv_sec - t0.tv_sec) * 1e3 + (double) (t1.tv_nsec - t0.tv_nsec) / 1e6;
    return NULL;
}

static void
models_start(Ctx *c)
{
    if (c->models_state != 0)
        return;
    ag_arena_init(&c->models_arena);
    ag_diag_init(&c->models_diag);
    if (pthread_create(&c->models_thread, NULL, models_thread, c) == 0) {
        c->models_state = 1;
    } else {
        models_thread(c);
        c->models_state = 2;
    }
}

static int
models_get(Ctx *c, Catalog **out)
{
    models_start(c);
    if (c->models_state == 1) {
        pthread_join(c->models_thread, NULL);
        c->models_state = 2;
        stage_done("parse (wait)");
        stage_note("parse (thread)", c->models_ms);
        for (size_t i = 0; i < c->models_diag.nitems; i++) {
            const AgDiagItem *it = &c->models_diag.items[i];
            if (it->sev == AG_SEV_ERROR)
                ag_diag_error(&c->diag, it->loc, "%s", it->msg);
            else if (it->sev == AG_SEV_WARNING)
                ag_diag_warning(&c->diag, it->loc, "%s", it->msg);
            else
                ag_diag_note(&c->diag, it->loc, "%s", it->msg);
            if (it->detail)
                ag_diag_detail(&c->diag, "%s", it->detail);
        }
        /* Errors past the cap were counted, not stored: keep the count honest. */
        if (c->models_diag.nerrors > AG_DIAG_MAX_ERRORS)
            c->diag.nerrors += c->models_diag.nerrors - AG_DIAG_MAX_ERRORS;
    }
    *out = c->models_cat;
    return c->models_rc;
}

static int
load_chain(Ctx *c, MigChain *chain)
{
    if (!mig_chain_load(&c->arena, c->cfg.migrations, chain, &c->diag))
        return CMD_EXIT_INPUT;
    return CMD_EXIT_OK;
}

static int
connect_db(Ctx *c, PGconn **out)
{
    PGconn *conn = mig_connect(c->cfg.database_url ? c->cfg.database_url : "", NULL, &c->diag);
    if (!conn)
        return CMD_EXIT_ENV;
    stage_done("connect");
    *out = conn;
    return CMD_EXIT_OK;
}

static int
introspect(Ctx *c, PGconn *conn, Catalog **out)
{
    Catalog *cat = cat_new(&c->arena);
    CatFilter f = make_filter(c);
    if (!cat_load_db(cat, conn, &f, &c->diag))
        return CMD_EXIT_ENV;
    stage_done("introspect");
    *out = cat;
    return CMD_EXIT_OK;
}

/* Tier 2 of canonicalisation: let the server say how it would store the model's
 * expressions that still differ from the database's after the structural rules. */
static int
settle(Ctx *c, Catalog *want, const Catalog *have, PGconn *conn)
{
    if (!cat_settle_exprs(want, have, conn, &c->diag))
        return CMD_EXIT_ENV;
    stage_done("settle");
    return CMD_EXIT_OK;
}

/* A fresh database on the scratch server (started on first use) or on --dev-url. */
static int
scratch_connect(Ctx *c, PGconn **out)
{
    const char *server = c->cfg.dev_url;
    if (!server) {
        if (!c->scratch_started) {
            if (!mig_scratch_start(&c->scratch, &c->diag))
                return CMD_EXIT_ENV;
            c->scratch_started = true;
        }
        server = c->scratch.conninfo;
    }
    char *db = ag_arena_printf(&c->arena, "autogen_scratch_%ld_%u", (long) getpid(),
                               c->scratch_dbs++);
    if (c->cfg.dev_url)
        mig_createdb(server, db, true, &c->diag);
    if (!mig_createdb(server, db, false, &c->diag))
        return CMD_EXIT_ENV;
    PGconn *conn = mig_connect(server, db, &c->diag);
    if (!conn)
        return CMD_EXIT_ENV;
    *out = conn;
    return CMD_EXIT_OK;
}

static void
scratch_done(Ctx *c, PGconn *conn)
{
    if (!conn)
        return;
    char *db = ag_arena_strdup(&c->arena, PQdb(conn));
    PQfinish(conn);
    if (c->cfg.dev_url) {
        AgDiag ignore;
        ag_diag_init(&ignore);
        mig_createdb(c->cfg.dev_url, db, true, &ignore);
        ag_diag_free(&ignore);
    }
}

static MigApplyOptions
make_apply_opts(Ctx *c, const MigVersionTable *vt)
{
    MigApplyOptions o = {0};
    o.vt = vt;
    o.lock_timeout_ms = c->cfg.lock_timeout_ms;
    o.statement_timeout_ms = c->cfg.statement_timeout_ms;
    o.lock_retries = c->cfg.lock_retries;
    o.no_wait = c->args.no_wait;
    o.force = c->args.force;
    o.progress = c->tty && !c->args.quiet;
    return o;
}

/* Is id an ancestor of (or equal to) target? */
static bool
is_ancestor(const MigChain *chain, const char *id, const char *target)
{
    if (!target)
        return false;
    if (strcmp(id, target) == 0)
        return true;
    MigRevision *t = mig_chain_find(chain, target);
    if (!t)
        return false;
    for (uint32_t i = 0; i < t->nparents; i++)
        if (is_ancestor(chain, id, t->parents[i]))
            return true;
    return false;
}

static bool
applied_has(const MigApplied *ap, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(ap[i].revision, id) == 0)
            return true;
    return false;
}

/* Apply every revision of the chain on a fresh database (replay). */
static int
replay(Ctx *c, PGconn *conn, const MigChain *chain, const char *upto)
{
    MigVersionTable vt = make_vt(c);
    MigApplyOptions o = make_apply_opts(c, &vt);
    o.lock_timeout_ms = 0;
    o.lock_retries = 0;
    o.progress = false;
    if (!mig_version_ensure(conn, &vt, &c->diag))
        return CMD_EXIT_ENV;
    for (size_t i = 0; i < chain->nrevs; i++) {
        MigRevision *r = chain->revs[i];
        if (upto && !is_ancestor(chain, r->id, upto))
            continue;
        if (!mig_apply_revision(conn, r, true, &o, &c->diag))
            return CMD_EXIT_INPUT;
    }
    return CMD_EXIT_OK;
}

static const char *
short_rev(const char *id)
{
    return id ? id : "base";
}

static void
json_escape(AgBuf *b, const char *s)
{
    ag_buf_putc(b, '"');
    for (; s && *s; s++) {
        unsigned char ch = (unsigned char) *s;
        if (ch == '"' || ch == '\\')
            ag_buf_printf(b, "\\%c", ch);
        else if (ch == '\n')
            ag_buf_puts(b, "\\n");
        else if (ch < 0x20)
            ag_buf_printf(b, "\\u%04x", ch);
        else
            ag_buf_putc(b, (char) ch);
    }
    ag_buf_putc(b, '"');
}

/* ---- generate ------------------------------------------------------------------ */

/* The database's catalog at head: the configured database (which must be at head), or
 * a replay of the chain in a scratch database. *conn_out stays open for callers that
 * need to look at data (NULL for the scratch case). */
static int
catalog_at_head(Ctx *c, const MigChain *chain, Catalog **want_out, Catalog **out,
                PGconn **conn_out, bool require_head)
{
    Catalog *want = NULL;
    int rc;
    *conn_out = NULL;
    if (database_configured(c)) {
        PGconn *conn;
        if ((rc = connect_db(c, &conn)))
            return rc;
        MigVersionTable vt = make_vt(c);
        MigApplied *ap;
        size_t nap;
        if (!mig_version_read(&c->arena, conn, &vt, &ap, &nap, &c->diag)) {
            PQfinish(conn);
            return CMD_EXIT_ENV;
        }
        const char *cur = mig_current(chain, ap, nap, NULL);
        const char *head = chain->nheads ? chain->heads[0]->id : NULL;
        if (require_head && !ag_streq(cur, head)) {
            ag_diag_error(&c->diag, (AgLoc){0}, "database is at %s, head is %s: run autogen upgrade",
                          short_rev(cur), short_rev(head));
            PQfinish(conn);
            return CMD_EXIT_ENV;
        }
        rc = introspect(c, conn, out);
        if (!rc)
            rc = models_get(c, &want);
        if (!rc)
            rc = settle(c, want, *out, conn);
        *want_out = want;
        *conn_out = conn;
        return rc;
    }
    PGconn *conn;
    if ((rc = scratch_connect(c, &conn)))
        return rc;
    rc = replay(c, conn, chain, NULL);
    if (!rc)
        rc = introspect(c, conn, out);
    if (!rc)
        rc = models_get(c, &want);
    if (!rc)
        rc = settle(c, want, *out, conn);
    *want_out = want;
    scratch_done(c, conn);
    return rc;
}

/* DiffOptions.rows_ctx for table_has_rows: the connection (NULL: a scratch replay, where
 * no table has rows), the tables known to be empty and the answers already given. */
typedef struct RowsTable {
    const char *schema;
    const char *name;
    bool rows;
} RowsTable;

typedef struct RowsCtx {
    PGconn *conn;
    AgArena arena;
    bool empty_read; /* empty[] was asked for (whether or not the query succeeded) */
    bool pending;    /* the query for empty[] was sent and its answer not read yet */
    RowsTable *empty; /* sorted by schema, name */
    size_t nempty;
    AgVec asked; /* RowsTable *: answers of EXISTS queries */
} RowsCtx;

/* Which tables hold no rows: pg_relation_size opens each table, a good part of a second
 * at 10,000 tables, so rows_init sends it at once and the server answers while the diff
 * runs; table_has_rows reads the answer when first asked. The lock_timeout keeps a table
 * locked by someone else from stalling it (the fallback is the query per table). */
static const char empty_tables_sql[] =
    "SELECT n.nspname, c.relname\n"
    "FROM pg_catalog.pg_class c\n"
    "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
    "WHERE c.relkind = 'r' AND c.relpersistence <> 't'\n"
    "  AND pg_catalog.pg_relation_size(c.oid) = 0";

static void
rows_init(RowsCtx *r, PGconn *conn)
{
    memset(r, 0, sizeof(*r));
    r->conn = conn;
    ag_arena_init(&r->arena);
    if (!conn || PQtransactionStatus(conn) != PQTRANS_IDLE)
        return;
    PGresult *b = PQexec(conn, "BEGIN READ ONLY; SET LOCAL lock_timeout = '200ms'");
    bool begun = PQresultStatus(b) == PGRES_COMMAND_OK;
    PQclear(b);
    if (begun && PQsendQuery(conn, empty_tables_sql))
        r->pending = true;
    else
        PQclear(PQexec(conn, "ROLLBACK"));
}

/* The answer to the query rows_init sent (NULL on failure), the connection idle again. */
static PGresult *
rows_take_answer(RowsCtx *r)
{
    r->pending = false;
    PGresult *answer = NULL;
    for (PGresult *res; (res = PQgetResult(r->conn));) {
        if (!answer && PQresultStatus(res) == PGRES_TUPLES_OK)
            answer = res;
        else
            PQclear(res);
    }
    PQclear(PQexec(r->conn, "ROLLBACK"));
    return answer;
}

static void
rows_free(RowsCtx *r)
{
    if (r->pending) {
        /* never asked: no need to wait for the answer */
        PGcancel *cancel = PQgetCancel(r->conn);
        char err[256];
        if (cancel) {
            PQcancel(cancel, err, sizeof(err));
            PQfreeCancel(cancel);
        }
        PQclear(rows_take_answer(r));
    }
    ag_vec_free(&r->asked);
    ag_arena_free(&r->arena);
}

static int
cmp_rows_table(const void *a, const void *b)
{
    const RowsTable *x = a, *y = b;
    int c = strcmp(x->schema, y->schema);
    return c ? c : strcmp(x->name, y->name);
}

/* One query for every table at once: a plain table without a single block of storage
 * holds no rows, so only tables with storage are asked one by one. */
static void
rows_read_empty(RowsCtx *r)
{
    r->empty_read = true;
    if (!r->pending)
        return; /* not sent (inside a transaction, or BEGIN failed): ask per table */
    PGresult *q = rows_take_answer(r);
    if (q) {
        r->nempty = (size_t) PQntuples(q);
        r->empty = ag_arena_alloc(&r->arena, sizeof(RowsTable) * (r->nempty + 1));
        for (size_t i = 0; i < r->nempty; i++)
            r->empty[i] = (RowsTable){.schema = ag_arena_strdup(&r->arena, PQgetvalue(q, (int) i, 0)),
                                      .name = ag_arena_strdup(&r->arena, PQgetvalue(q, (int) i, 1))};
        ag_qsort(r->empty, r->nempty, sizeof(RowsTable), cmp_rows_table);
    }
    PQclear(q);
}

/* DiffOptions.table_has_rows: asks the database, at most once per table and not at all
 * for a table without storage (rows_read_empty). */
static bool
table_has_rows(const char *schema, const char *table, void *ctx)
{
    RowsCtx *r = ctx;
    if (!r->conn)
        return false;
    if (!r->empty_read)
        rows_read_empty(r);
    RowsTable key = {.schema = schema ? schema : "public", .name = table};
    if (r->nempty && bsearch(&key, r->empty, r->nempty, sizeof(RowsTable), cmp_rows_table))
        return false;
    for (size_t i = 0; i < r->asked.len; i++)
        if (cmp_rows_table(&key, r->asked.items[i]) == 0)
            return ((RowsTable *) r->asked.items[i])->rows;
    AgArena a;
    ag_arena_init(&a);
    char *q = ag_arena_printf(&a, "SELECT EXISTS (SELECT 1 FROM ONLY %s)",
                              cat_qualified(&a, schema, table));
    PGresult *res = PQexec(r->conn, q);
    /* Unknown (an error) counts as having rows: the safe side asks for a backfill. */
    bool rows = PQresultStatus(res) != PGRES_TUPLES_OK || strcmp(PQgetvalue(res, 0, 0), "t") == 0;
    PQclear(res);
    ag_arena_free(&a);
    RowsTable *t = ag_arena_alloc(&r->arena, sizeof(RowsTable));
    *t = (RowsTable){.schema = ag_arena_strdup(&r->arena, key.schema),
                     .name = ag_arena_strdup(&r->arena, table), .rows = rows};
    ag_vec_push(&r->asked, t);
    return rows;
}

/* Renames for the upgrade (have -> want) into *up and the downgrade into *down (other
 * fields of both are left alone): --rename hints, --no-renames, and on a terminal each
 * guessed candidate asked in turn, with its evidence; yes makes it a confirmed rename
 * (no review marker), anything else leaves drop + add. The downgrade gets the confirmed
 * ones inverted so that both directions agree. */
static void
rename_options(Ctx *c, const Catalog *have, const Catalog *want, DiffOptions *up,
               DiffOptions *down)
{
    size_t n = c->args.nrenames;
    DiffRename *r = ag_arena_alloc(&c->arena, sizeof(DiffRename) * (n + 1));
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const char *eq = strrchr(c->args.renames[i], '=');
        if (!eq || eq == c->args.renames[i] || !eq[1])
            continue;
        r[k] = (DiffRename){.old = ag_arena_strndup(&c->arena, c->args.renames[i],
                                                    (size_t) (eq - c->args.renames[i])),
                            .new_name = eq + 1};
        k++;
    }
    up->renames = r;
    up->nrenames = k;
    up->no_rename_detection = c->args.no_renames;
    if (!c->args.no_renames && isatty(0) && isatty(1)) {
        DiffRenameCandidate *cand;
        size_t nc = diff_rename_candidates(&c->arena, have, want, up, &cand);
        DiffRename *all = ag_arena_alloc(&c->arena, sizeof(DiffRename) * (k + nc + 1));
        memcpy(all, r, sizeof(DiffRename) * k);
        bool *yes = ag_arena_alloc(&c->arena, sizeof(bool) * (nc + 1));
        for (size_t i = 0; i < nc; i++) {
            yes[i] = !cand[i].rename.is_guess;
            if (yes[i])
                continue; /* a hint or an implicit name: nothing to ask */
            uint32_t p = cand[i].parent;
            if (p != UINT32_MAX && p < i && !yes[p])
                continue; /* its table stays as it is: so does this */
            printf("Did you rename %s to %s (%s)? [y/N] ", cand[i].old_display,
                   cand[i].new_display, cand[i].rename.evidence);
            fflush(stdout);
            char line[64];
            yes[i] = fgets(line, sizeof(line), stdin) && (line[0] == 'y' || line[0] == 'Y');
            if (yes[i]) {
                all[k] = cand[i].rename;
                all[k].is_guess = false;
                k++;
            }
        }
        up->renames = all;
        up->nrenames = k;
        up->no_rename_detection = true; /* every guess has been answered */
    }
    DiffRename *inv;
    down->nrenames = diff_renames_invert(&c->arena, up->renames, up->nrenames, &inv);
    down->renames = inv;
    down->no_rename_detection = up->no_rename_detection;
}

static char *
make_summary(Ctx *c, const DiffChangeset *cs)
{
    AgBuf b;
    ag_buf_init(&b);
    emit_summary(&b, cs);
    char *s = ag_arena_strdup(&c->arena, ag_buf_cstr(&b));
    ag_buf_free(&b);
    return s;
}

static char *
make_sql(Ctx *c, const DiffChangeset *cs)
{
    AgBuf b;
    ag_buf_init(&b);
    EmitOptions eo = {0};
    emit_sql(&b, cs, &eo);
    char *s = ag_arena_strdup(&c->arena, ag_buf_cstr(&b));
    ag_buf_free(&b);
    return s;
}

static int verify_chain(Ctx *c, const MigChain *chain, const char *only, Catalog *models,
                        AgVec *steps);
static int report_verify(Ctx *c, AgVec *steps, bool json);

/* --verify: replay the chain plus the new revision (not yet written) in a scratch
 * database and prove its upgrade reaches the models and its downgrade returns. */
static int
verify_new_revision(Ctx *c, const MigChain *chain, const MigNewRevision *nr, Catalog *want)
{
    const char *vid = "000000000000";
    char *text = mig_revision_render(&c->arena, nr, vid, "verify");
    MigRevision *r = mig_revision_parse(&c->arena, "(new revision)", text, &c->diag);
    if (!r)
        return CMD_EXIT_INTERNAL;
    MigChain copy = *chain;
    copy.revs = ag_arena_alloc(&c->arena, sizeof(MigRevision *) * (chain->nrevs + 1));
    memcpy(copy.revs, chain->revs, sizeof(MigRevision *) * chain->nrevs);
    r->depth = chain->nheads ? chain->heads[0]->depth + 1 : 1;
    copy.revs[copy.nrevs++] = r;
    /* The old head is no longer a head: children counts decide who is compared with
     * the models, so count the new child on a copy of the parent. */
    for (size_t i = 0; i < copy.nrevs - 1; i++) {
        for (uint32_t k = 0; k < r->nparents; k++) {
            if (strcmp(copy.revs[i]->id, r->parents[k]) == 0) {
                MigRevision *p = ag_arena_memdup(&c->arena, copy.revs[i], sizeof(MigRevision));
                p->nchildren++;
                copy.revs[i] = p;
            }
        }
    }
    copy.heads = &copy.revs[copy.nrevs - 1];
    copy.nheads = 1;
    AgVec steps = {0};
    int rc = verify_chain(c, &copy, vid, want, &steps);
    if (!rc)
        rc = report_verify(c, &steps, false);
    ag_vec_free(&steps);
    return rc;
}

static int
cmd_revision(Ctx *c, bool merge)
{
    if (!c->args.message || !*c->args.message) {
        ag_diag_error(&c->diag, (AgLoc){0}, "a revision needs a message: -m \"what changes\"");
        return fail(c, CMD_EXIT_INPUT);
    }
    if (!merge && !c->args.empty)
        models_start(c);
    MigChain chain;
    int rc = load_chain(c, &chain);
    if (rc)
        return fail(c, rc);
    const char *parents[MIG_MAX_PARENTS];
    uint32_t nparents = 0;
    if (merge) {
        if (chain.nheads < 2) {
            ag_diag_error(&c->diag, (AgLoc){0}, "nothing to merge: the chain has %zu head(s)",
                          chain.nheads);
            return fail(c, CMD_EXIT_INPUT);
        }
        for (size_t i = 0; i < chain.nheads && nparents < MIG_MAX_PARENTS; i++)
            parents[nparents++] = chain.heads[i]->id;
    } else if (chain.nheads > 1) {
        ag_diag_error(&c->diag, (AgLoc){0},
                      "the revision chain has %zu heads (%s in %s, %s in %s): run autogen "
                      "merge -m MSG first",
                      chain.nheads, chain.heads[0]->id, chain.heads[0]->path, chain.heads[1]->id,
                      chain.heads[1]->path);
        return fail(c, CMD_EXIT_INPUT);
    } else if (chain.nheads == 1) {
        parents[nparents++] = chain.heads[0]->id;
    }
    MigNewRevision nr = {0};
    nr.message = c->args.message;
    nr.parents = parents;
    nr.nparents = nparents;
    nr.transactional = true;
    if (!merge && !c->args.empty) {
        Catalog *want = NULL;
        Catalog *have;
        PGconn *conn = NULL;
        if ((rc = catalog_at_head(c, &chain, &want, &have, &conn, true))) {
            if (conn)
                PQfinish(conn);
            return fail(c, rc);
        }
        DiffOptions dopts = {0};
        dopts.online = c->args.online;
        dopts.rows_known = true;
        dopts.table_has_rows = table_has_rows;
        RowsCtx rows;
        rows_init(&rows, conn);
        dopts.rows_ctx = &rows;
        DiffOptions down_opts = dopts;
        rename_options(c, have, want, &dopts, &down_opts);
        DiffChangeset *up = diff_catalogs(&c->arena, have, want, &dopts);
        DiffChangeset *down = diff_catalogs(&c->arena, want, have, &down_opts);
        rows_free(&rows);
        if (conn)
            PQfinish(conn);
        if (diff_count(up) == 0) {
            if (!c->args.quiet)
                printf("No changes: the models match the database at head; nothing written.\n");
            return CMD_EXIT_OK;
        }
        nr.summary = make_summary(c, up);
        nr.upgrade_sql = make_sql(c, up);
        nr.downgrade_sql = make_sql(c, down);
        nr.transactional = !diff_needs_no_transaction(up) && !diff_needs_no_transaction(down);
    } else {
        nr.upgrade_sql = merge ? "" : "-- write the upgrade here\n";
        nr.downgrade_sql = merge ? "" : "-- write the downgrade here\n";
    }
    if (c->args.verify && !merge && !c->args.empty) {
        Catalog *want2;
        /* A fresh model catalog: settling rewrote canons of the first against the
         * database at head, and verify settles against the scratch copy. */
        if ((rc = load_models(c, &want2)))
            return fail(c, rc);
        rc = verify_new_revision(c, &chain, &nr, want2);
        if (rc && !c->args.force) {
            ag_diag_error(&c->diag, (AgLoc){0},
                          "the new revision does not verify: nothing written (--force writes "
                          "it anyway)");
            return fail(c, rc == CMD_EXIT_DRIFT ? CMD_EXIT_DRIFT : rc);
        }
    }
    const char *path = mig_revision_write(&c->arena, c->cfg.migrations, &nr, &c->diag);
    if (!path)
        return fail(c, CMD_EXIT_ENV);
    if (!c->args.quiet) {
        printf("Wrote %s\n", path);
        if (nr.summary && *nr.summary) {
            const char *s = nr.summary;
            while (*s) {
                const char *nl = strchr(s, '\n');
                size_t n = nl ? (size_t) (nl - s) : strlen(s);
                printf("  %.*s\n", (int) n, s);
                s += n + (nl ? 1 : 0);
            }
        }
    }
    return CMD_EXIT_OK;
}

/* ---- upgrade / downgrade ---------------------------------------------------------- */

static void
print_offline(const Ctx *c, const MigRevision *r, bool up)
{
    AgArena a;
    ag_arena_init(&a);
    const char *vt = cat_qualified(&a, c->cfg.version_schema, c->cfg.version_table);
    printf("-- revision %s (%s): %s\n", r->id, up ? "upgrade" : "downgrade", r->message);
    if (r->transactional)
        printf("BEGIN;\n");
    const char *sql = up ? r->upgrade_sql : r->downgrade_sql;
    fputs(sql, stdout);
    if (*sql && sql[strlen(sql) - 1] != '\n')
        putchar('\n');
    if (up)
        printf("INSERT INTO %s (revision, checksum) VALUES (%s, %s);\n", vt,
               cat_quote_literal(&a, r->id), cat_quote_literal(&a, r->checksum));
    else
        printf("DELETE FROM %s WHERE revision = %s;\n", vt, cat_quote_literal(&a, r->id));
    if (r->transactional)
        printf("COMMIT;\n");
    printf("\n");
    ag_arena_free(&a);
}

/* The plan: revisions to run, in order. */
typedef struct Plan {
    MigRevision **revs;
    size_t n;
} Plan;

static int
plan_upgrade(Ctx *c, const MigChain *chain, const MigApplied *ap, size_t nap, Plan *plan)
{
    const char *t = c->args.target ? c->args.target : "head";
    plan->revs = ag_arena_alloc(&c->arena, sizeof(MigRevision *) * (chain->nrevs + 1));
    plan->n = 0;
    long limit = -1;
    const char *target = NULL;
    if (strcmp(t, "head") == 0 || strcmp(t, "heads") == 0 || t[0] == '+') {
        if (t[0] == '+') {
            char *end;
            limit = strtol(t + 1, &end, 10);
            if (*end || limit <= 0) {
                ag_diag_error(&c->diag, (AgLoc){0}, "upgrade target %s: expected +N with N > 0", t);
                return CMD_EXIT_INPUT;
            }
        }
        if (chain->nheads > 1 && strcmp(t, "heads") != 0) {
            ag_diag_error(&c->diag, (AgLoc){0},
                          "the revision chain has %zu heads (%s, %s): run autogen merge, or name "
                          "a revision",
                          chain->nheads, chain->heads[0]->id, chain->heads[1]->id);
            return CMD_EXIT_INPUT;
        }
    } else {
        MigRevision *r = mig_chain_find(chain, t);
        if (!r) {
            ag_diag_error(&c->diag, (AgLoc){0}, "can't locate revision %s", t);
            return CMD_EXIT_INPUT;
        }
        target = r->id;
    }
    for (size_t i = 0; i < chain->nrevs; i++) {
        MigRevision *r = chain->revs[i];
        if (applied_has(ap, nap, r->id))
            continue;
        if (target && !is_ancestor(chain, r->id, target))
            continue;
        if (limit >= 0 && (long) plan->n >= limit)
            break;
        plan->revs[plan->n++] = r;
    }
    return CMD_EXIT_OK;
}

static int
plan_downgrade(Ctx *c, const MigChain *chain, const MigApplied *ap, size_t nap, Plan *plan)
{
    const char *t = c->args.target ? c->args.target : "-1";
    plan->revs = ag_arena_alloc(&c->arena, sizeof(MigRevision *) * (chain->nrevs + 1));
    plan->n = 0;
    /* Applied revisions in reverse chain order. */
    MigRevision **applied = ag_arena_alloc(&c->arena, sizeof(MigRevision *) * (nap + 1));
    size_t na = 0;
    for (size_t i = chain->nrevs; i-- > 0;)
        if (applied_has(ap, nap, chain->revs[i]->id))
            applied[na++] = chain->revs[i];
    for (size_t i = 0; i < nap; i++) {
        if (!mig_chain_find(chain, ap[i].revision)) {
            ag_diag_error(&c->diag, (AgLoc){0},
                          "the database has revision %s applied, but no file in %s defines it",
                          ap[i].revision, c->cfg.migrations);
            return CMD_EXIT_INPUT;
        }
    }
    if (t[0] == '-') {
        char *end;
        long n = strtol(t + 1, &end, 10);
        if (*end || n <= 0) {
            ag_diag_error(&c->diag, (AgLoc){0}, "downgrade target %s: expected -N with N > 0", t);
            return CMD_EXIT_INPUT;
        }
        if ((size_t) n > na) {
            ag_diag_error(&c->diag, (AgLoc){0},
                          "cannot go %ld revisions down: only %zu are applied", n, na);
            return CMD_EXIT_INPUT;
        }
        for (long i = 0; i < n; i++)
            plan->revs[plan->n++] = applied[i];
        return CMD_EXIT_OK;
    }
    const char *target = NULL;
    if (strcmp(t, "base") != 0) {
        MigRevision *r = mig_chain_find(chain, t);
        if (!r) {
            ag_diag_error(&c->diag, (AgLoc){0}, "can't locate revision %s", t);
            return CMD_EXIT_INPUT;
        }
        target = r->id;
    }
    for (size_t i = 0; i < na; i++)
        if (!target || !is_ancestor(chain, applied[i]->id, target))
            plan->revs[plan->n++] = applied[i];
    return CMD_EXIT_OK;
}

static int
cmd_migrate(Ctx *c, bool up)
{
    MigChain chain;
    int rc = load_chain(c, &chain);
    if (rc)
        return fail(c, rc);
    MigApplied *ap = NULL;
    size_t nap = 0;
    PGconn *conn = NULL;
    MigVersionTable vt = make_vt(c);
    if (c->args.sql) {
        /* Offline: from base (upgrade) or from head (downgrade), without connecting. */
        Plan plan;
        if (up) {
            rc = plan_upgrade(c, &chain, NULL, 0, &plan);
        } else {
            MigApplied *all = ag_arena_alloc(&c->arena, sizeof(MigApplied) * (chain.nrevs + 1));
            for (size_t i = 0; i < chain.nrevs; i++)
                all[i].revision = chain.revs[i]->id;
            rc = plan_downgrade(c, &chain, all, chain.nrevs, &plan);
        }
        if (rc)
            return fail(c, rc);
        if (up)
            printf("CREATE TABLE IF NOT EXISTS %s (\n    revision text PRIMARY KEY,\n"
                   "    checksum text NOT NULL,\n"
                   "    applied_at timestamp with time zone NOT NULL DEFAULT now()\n);\n\n",
                   cat_qualified(&c->arena, vt.schema, vt.name));
        for (size_t i = 0; i < plan.n; i++)
            print_offline(c, plan.revs[i], up);
        return CMD_EXIT_OK;
    }
    if ((rc = connect_db(c, &conn)))
        return fail(c, rc);
    if (!mig_lock(conn, c->args.no_wait, &c->diag)) {
        PQfinish(conn);
        return fail(c, CMD_EXIT_ENV);
    }
    if (!mig_version_ensure(conn, &vt, &c->diag) ||
        !mig_version_read(&c->arena, conn, &vt, &ap, &nap, &c->diag)) {
        PQfinish(conn);
        return fail(c, CMD_EXIT_ENV);
    }
    /* The version table may only name revisions that files define. */
    for (size_t i = 0; i < nap; i++) {
        if (!mig_chain_find(&chain, ap[i].revision)) {
            ag_diag_error(&c->diag, (AgLoc){0},
                          "the version table names revision %s, but no file in %s defines it "
                          "(a missing or renamed revision file?)",
                          ap[i].revision, c->cfg.migrations);
            PQfinish(conn);
            return fail(c, CMD_EXIT_INPUT);
        }
    }
    /* An applied revision whose file changed is refused unless forced. */
    for (size_t i = 0; i < nap; i++) {
        MigRevision *r = mig_chain_find(&chain, ap[i].revision);
        if (r && strcmp(r->checksum, ap[i].checksum) != 0 && !c->args.force) {
            ag_diag_error(&c->diag, (AgLoc){r->path, 0, 0},
                          "revision %s was edited after it was applied (checksum %s, applied "
                          "%s); revert the edit or pass --force",
                          r->id, r->checksum, ap[i].checksum);
            PQfinish(conn);
            return fail(c, CMD_EXIT_INPUT);
        }
    }
    Plan plan;
    rc = up ? plan_upgrade(c, &chain, ap, nap, &plan) : plan_downgrade(c, &chain, ap, nap, &plan);
    if (rc) {
        PQfinish(conn);
        return fail(c, rc);
    }
    for (size_t i = 0; i < plan.n; i++) {
        MigRevision *r = plan.revs[i];
        if (r->review_line) {
            ag_diag_error(&c->diag, (AgLoc){r->path, r->review_line, 1},
                          "revision %s has an autogen:review marker: a person must resolve it "
                          "(edit the SQL, delete the marker) before it runs",
                          r->id);
            PQfinish(conn);
            return fail(c, CMD_EXIT_INPUT);
        }
    }
    MigApplyOptions o = make_apply_opts(c, &vt);
    g_cancel = PQgetCancel(conn);
    for (size_t i = 0; i < plan.n; i++) {
        MigRevision *r = plan.revs[i];
        if (o.progress)
            fprintf(stderr, "autogen: %s revision %zu of %zu: %s %s\n",
                    up ? "applying" : "reverting", i + 1, plan.n, r->id, r->message);
        if (!mig_apply_revision(conn, r, up, &o, &c->diag)) {
            PGcancel *cancel = g_cancel;
            g_cancel = NULL;
            PQfreeCancel(cancel);
            PQfinish(conn);
            return fail(c, CMD_EXIT_ENV);
        }
        if (!c->args.quiet && !o.progress)
            printf("%s %s %s\n", up ? "Applied" : "Reverted", r->id, r->message);
    }
    PGcancel *cancel = g_cancel;
    g_cancel = NULL;
    PQfreeCancel(cancel);
    if (plan.n == 0 && !c->args.quiet)
        printf("Nothing to do: the database is already at the target.\n");
    mig_unlock(conn);
    PQfinish(conn);
    return CMD_EXIT_OK;
}

/* ---- current / history / heads / stamp -------------------------------------------- */

static int
cmd_current(Ctx *c)
{
    MigChain chain;
    int rc = load_chain(c, &chain);
    if (rc)
        return fail(c, rc);
    PGconn *conn;
    if ((rc = connect_db(c, &conn)))
        return fail(c, rc);
    MigVersionTable vt = make_vt(c);
    MigApplied *ap;
    size_t nap;
    if (!mig_version_read(&c->arena, conn, &vt, &ap, &nap, &c->diag)) {
        PQfinish(conn);
        return fail(c, CMD_EXIT_ENV);
    }
    PQfinish(conn);
    size_t nheads;
    const char *cur = mig_current(&chain, ap, nap, &nheads);
    if (!cur) {
        printf("base\n");
        return CMD_EXIT_OK;
    }
    MigRevision *r = mig_chain_find(&chain, cur);
    bool is_head = r && r->nchildren == 0;
    printf("%s%s%s%s\n", cur, is_head ? " (head)" : "", r ? " " : " (no file defines it)",
           r ? r->message : "");
    return CMD_EXIT_OK;
}

static int
cmd_history(Ctx *c)
{
    MigChain chain;
    int rc = load_chain(c, &chain);
    if (rc)
        return fail(c, rc);
    MigApplied *ap = NULL;
    size_t nap = 0;
    if (c->args.verbose && database_configured(c)) {
        PGconn *conn;
        MigVersionTable vt = make_vt(c);
        if (!connect_db(c, &conn)) {
            mig_version_read(&c->arena, conn, &vt, &ap, &nap, &c->diag);
            PQfinish(conn);
        }
        ag_diag_free(&c->diag); /* history works without a database */
        ag_diag_init(&c->diag);
    }
    for (size_t i = chain.nrevs; i-- > 0;) {
        MigRevision *r = chain.revs[i];
        if (r->nparents == 0)
            printf("<base> -> ");
        for (uint32_t k = 0; k < r->nparents; k++)
            printf("%s%s", k ? ", " : "", r->parents[k]);
        if (r->nparents)
            printf(" -> ");
        printf("%s%s, %s\n", r->id, r->nchildren == 0 ? " (head)" : "", r->message);
        if (c->args.verbose) {
            printf("    file:    %s\n", r->path);
            printf("    created: %s\n", r->created ? r->created : "?");
            for (size_t k = 0; k < nap; k++)
                if (strcmp(ap[k].revision, r->id) == 0)
                    printf("    applied: %s%s\n", ap[k].applied_at,
                           strcmp(ap[k].checksum, r->checksum) ? " (file edited since)" : "");
            printf("%s", r->transactional ? "" : "    runs outside a transaction\n");
        }
    }
    return CMD_EXIT_OK;
}

static int
cmd_heads(Ctx *c)
{
    MigChain chain;
    int rc = load_chain(c, &chain);
    if (rc)
        return fail(c, rc);
    for (size_t i = 0; i < chain.nheads; i++)
        printf("%s (head) %s  [%s]\n", chain.heads[i]->id, chain.heads[i]->message,
               chain.heads[i]->path);
    return CMD_EXIT_OK;
}

static int
cmd_stamp(Ctx *c)
{
    if (!c->args.target) {
        ag_diag_error(&c->diag, (AgLoc){0}, "stamp needs a revision id or base");
        return fail(c, CMD_EXIT_INPUT);
    }
    MigChain chain;
    int rc = load_chain(c, &chain);
    if (rc)
        return fail(c, rc);
    const char *target = NULL;
    if (strcmp(c->args.target, "base") != 0) {
        MigRevision *r = strcmp(c->args.target, "head") == 0 && chain.nheads == 1
                             ? chain.heads[0]
                             : mig_chain_find(&chain, c->args.target);
        if (!r) {
            ag_diag_error(&c->diag, (AgLoc){0}, "can't locate revision %s", c->args.target);
            return fail(c, CMD_EXIT_INPUT);
        }
        target = r->id;
    }
    PGconn *conn;
    if ((rc = connect_db(c, &conn)))
        return fail(c, rc);
    MigVersionTable vt = make_vt(c);
    const char *name = cat_qualified(&c->arena, vt.schema, vt.name);
    bool ok = mig_lock(conn, c->args.no_wait, &c->diag) && mig_version_ensure(conn, &vt, &c->diag);
    AgBuf q;
    ag_buf_init(&q);
    ag_buf_printf(&q, "BEGIN;\nDELETE FROM %s;\n", name);
    for (size_t i = 0; target && i < chain.nrevs; i++)
        if (is_ancestor(&chain, chain.revs[i]->id, target))
            ag_buf_printf(&q, "INSERT INTO %s (revision, checksum) VALUES (%s, %s);\n", name,
                          cat_quote_literal(&c->arena, chain.revs[i]->id),
                          cat_quote_literal(&c->arena, chain.revs[i]->checksum));
    ag_buf_puts(&q, "COMMIT;\n");
    if (ok) {
        PGresult *r = PQexec(conn, ag_buf_cstr(&q));
        ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        if (!ok)
            ag_diag_error(&c->diag, (AgLoc){0}, "stamp failed: %s", PQresultErrorMessage(r));
        PQclear(r);
    }
    ag_buf_free(&q);
    PQfinish(conn);
    if (!ok)
        return fail(c, CMD_EXIT_ENV);
    if (!c->args.quiet)
        printf("Stamped %s\n", short_rev(target));
    return CMD_EXIT_OK;
}

/* ---- check / diff / dump ------------------------------------------------------------ */

/* cmd_check's error exit: its list of problems lives on the heap. */
static int
check_fail(Ctx *c, AgVec *items, AgBuf *problems, int code)
{
    ag_vec_free(items);
    ag_buf_free(problems);
    return fail(c, code);
}

static int
cmd_check(Ctx *c)
{
    models_start(c);
    MigChain chain;
    int rc = load_chain(c, &chain);
    if (rc)
        return fail(c, rc);
    Catalog *want = NULL;
    AgBuf problems;
    ag_buf_init(&problems);
    AgVec items = {0};
    if (chain.nheads > 1) {
        char *s = ag_arena_printf(&c->arena, "the revision chain has %zu heads:", chain.nheads);
        for (size_t i = 0; i < chain.nheads; i++)
            s = ag_arena_printf(&c->arena, "%s %s (%s)", s, chain.heads[i]->id,
                                chain.heads[i]->path);
        ag_vec_push(&items, s);
    }
    Catalog *have = NULL;
    bool scratch = !database_configured(c);
    if (!scratch) {
        PGconn *conn;
        if ((rc = connect_db(c, &conn)))
            return check_fail(c, &items, &problems, rc);
        MigVersionTable vt = make_vt(c);
        MigApplied *ap;
        size_t nap;
        if (!mig_version_read(&c->arena, conn, &vt, &ap, &nap, &c->diag)) {
            PQfinish(conn);
            return check_fail(c, &items, &problems, CMD_EXIT_ENV);
        }
        for (size_t i = 0; i < nap; i++) {
            MigRevision *r = mig_chain_find(&chain, ap[i].revision);
            if (!r)
                ag_vec_push(&items, ag_arena_printf(&c->arena,
                                                    "revision %s is applied but no file "
                                                    "defines it",
                                                    ap[i].revision));
            else if (strcmp(r->checksum, ap[i].checksum) != 0)
                ag_vec_push(&items, ag_arena_printf(&c->arena,
                                                    "revision %s (%s) was edited after it was "
                                                    "applied",
                                                    r->id, r->path));
        }
        for (size_t i = 0; i < chain.nrevs; i++)
            if (!applied_has(ap, nap, chain.revs[i]->id))
                ag_vec_push(&items, ag_arena_printf(&c->arena, "revision %s (%s) is pending: "
                                                               "run autogen upgrade",
                                                    chain.revs[i]->id, chain.revs[i]->message));
        rc = introspect(c, conn, &have);
        if (!rc)
            rc = models_get(c, &want);
        if (!rc)
            rc = settle(c, want, have, conn);
        PQfinish(conn);
        if (rc)
            return check_fail(c, &items, &problems, rc);
    } else {
        PGconn *conn;
        if ((rc = scratch_connect(c, &conn)))
            return check_fail(c, &items, &problems, rc);
        rc = replay(c, conn, &chain, NULL);
        if (!rc)
            rc = introspect(c, conn, &have);
        if (!rc)
            rc = models_get(c, &want);
        if (!rc)
            rc = settle(c, want, have, conn);
        scratch_done(c, conn);
        if (rc)
            return check_fail(c, &items, &problems, rc);
    }
    DiffOptions dopts = {0};
    DiffChangeset *cs = diff_catalogs(&c->arena, have, want, &dopts);
    size_t nchanges = diff_count(cs);
    bool json = strcmp(c->args.format, "json") == 0;
    int code = (items.len || nchanges) ? CMD_EXIT_DRIFT : CMD_EXIT_OK;
    if (json) {
        AgBuf out;
        ag_buf_init(&out);
        ag_buf_printf(&out, "{\"drift\": %s, \"source\": \"%s\", \"problems\": [",
                      code ? "true" : "false", scratch ? "replayed migrations" : "database");
        for (size_t i = 0; i < items.len; i++) {
            if (i)
                ag_buf_puts(&out, ", ");
            json_escape(&out, items.items[i]);
        }
        ag_buf_puts(&out, "], \"model_changes\": ");
        emit_json(&out, cs);
        ag_buf_puts(&out, "}\n");
        fputs(ag_buf_cstr(&out), stdout);
        ag_buf_free(&out);
    } else if (code) {
        printf("autogen check: drift (%s)\n", scratch ? "migrations replayed in a scratch database"
                                                      : "database");
        for (size_t i = 0; i < items.len; i++)
            printf("  %s\n", (char *) items.items[i]);
        if (nchanges) {
            /* With revisions pending, the difference may be theirs: say so rather than
             * send the person to write a migration that already exists. */
            printf("  the models differ from %s (%zu change%s; %s):\n",
                   scratch ? "the migrations" : "the database", nchanges, nchanges == 1 ? "" : "s",
                   items.len ? "run autogen upgrade first, then autogen -m for what remains"
                             : "not in a migration: run autogen -m");
            const char *s = make_summary(c, cs);
            while (*s) {
                const char *nl = strchr(s, '\n');
                size_t n = nl ? (size_t) (nl - s) : strlen(s);
                printf("    %.*s\n", (int) n, s);
                s += n + (nl ? 1 : 0);
            }
        }
    } else if (!c->args.quiet) {
        printf("autogen check: ok (models, migrations and %s agree)\n",
               scratch ? "replayed migrations" : "database");
    }
    ag_vec_free(&items);
    ag_buf_free(&problems);
    return code;
}

static int
cmd_diff(Ctx *c)
{
    Catalog *want = NULL;
    int rc;
    models_start(c);
    PGconn *conn;
    if ((rc = connect_db(c, &conn))) {
        models_get(c, &want);
        return fail(c, rc);
    }
    Catalog *have;
    rc = introspect(c, conn, &have);
    if (!rc)
        rc = models_get(c, &want);
    if (!rc)
        rc = settle(c, want, have, conn);
    if (rc) {
        PQfinish(conn);
        return fail(c, rc);
    }
    DiffOptions dopts = {0};
    dopts.online = c->args.online;
    dopts.rows_known = true;
    dopts.table_has_rows = table_has_rows;
    RowsCtx rows;
    rows_init(&rows, conn);
    dopts.rows_ctx = &rows;
    DiffOptions down_opts = dopts;
    rename_options(c, have, want, &dopts, &down_opts);
    DiffChangeset *cs = c->args.down ? diff_catalogs(&c->arena, want, have, &down_opts)
                                     : diff_catalogs(&c->arena, have, want, &dopts);
    rows_free(&rows);
    PQfinish(conn);
    stage_done("diff");
    AgBuf out;
    ag_buf_init(&out);
    if (strcmp(c->args.format, "json") == 0) {
        emit_json(&out, cs);
        ag_buf_putc(&out, '\n');
    } else {
        EmitOptions eo = {0};
        emit_sql(&out, cs, &eo);
    }
    fputs(ag_buf_cstr(&out), stdout);
    ag_buf_free(&out);
    stage_done("emit");
    return diff_count(cs) ? CMD_EXIT_DRIFT : CMD_EXIT_OK;
}

static int
cmd_dump(Ctx *c)
{
    PGconn *conn;
    int rc;
    if ((rc = connect_db(c, &conn)))
        return fail(c, rc);
    Catalog *have;
    rc = introspect(c, conn, &have);
    PQfinish(conn);
    if (rc)
        return fail(c, rc);
    Catalog *empty = cat_new(&c->arena);
    cat_finish(empty);
    DiffOptions dopts = {0};
    DiffChangeset *cs = diff_catalogs(&c->arena, empty, have, &dopts);
    AgBuf out;
    ag_buf_init(&out);
    ag_buf_puts(&out, "-- autogen dump: the database schema as a model\n\n");
    EmitOptions eo = {0};
    emit_sql(&out, cs, &eo);
    bool ok = true;
    if (c->args.out)
        ok = ag_write_file_atomic(c->args.out, out.data, out.len, &c->diag);
    else
        fputs(ag_buf_cstr(&out), stdout);
    ag_buf_free(&out);
    return ok ? CMD_EXIT_OK : fail(c, CMD_EXIT_ENV);
}

/* ---- verify --------------------------------------------------------------------------- */

typedef struct VerifyStep {
    const char *what; /* "upgrade", "downgrade", "re-upgrade" */
    const char *rev;
    bool ok;
    const char *differences; /* summary lines of what differs, NULL when ok */
} VerifyStep;

/* Lines describing how catalog got differs from want; NULL when they are the same. */
static char *
catalog_differences(Ctx *c, const Catalog *want, const Catalog *got)
{
    DiffChangeset *cs = diff_catalogs(&c->arena, got, want, NULL);
    if (diff_count(cs) == 0)
        return NULL;
    return make_summary(c, cs);
}

static void
print_lines(const char *indent, const char *s)
{
    while (s && *s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t) (nl - s) : strlen(s);
        printf("%s%.*s\n", indent, (int) n, s);
        s += n + (nl ? 1 : 0);
    }
}

/* Prove revisions in a scratch database: for each revision in chain order, from the
 * state of its parents: upgrade (for head: compare with the models), downgrade (compare
 * with the state before), upgrade again (compare with the state after the first).
 * only: verify this revision alone (its ancestors are just applied), NULL: all. */
static int
verify_chain(Ctx *c, const MigChain *chain, const char *only, Catalog *models, AgVec *steps)
{
    PGconn *conn;
    int rc = scratch_connect(c, &conn);
    if (rc)
        return rc;
    MigVersionTable vt = make_vt(c);
    MigApplyOptions o = make_apply_opts(c, &vt);
    o.lock_timeout_ms = 0;
    o.lock_retries = 0;
    o.progress = false;
    o.force = true;
    if (!mig_version_ensure(conn, &vt, &c->diag)) {
        scratch_done(c, conn);
        return CMD_EXIT_ENV;
    }
    Catalog *before = NULL;
    bool failed = false;
    for (size_t i = 0; i < chain->nrevs && !failed; i++) {
        MigRevision *r = chain->revs[i];
        bool check = !only || strcmp(only, r->id) == 0;
        if (only && !check && !is_ancestor(chain, r->id, only))
            continue;
        if (check && !before && (rc = introspect(c, conn, &before)))
            break;
        if (!mig_apply_revision(conn, r, true, &o, &c->diag)) {
            VerifyStep *st = ag_arena_alloc(&c->arena, sizeof(VerifyStep));
            *st = (VerifyStep){"upgrade", r->id, false, "the upgrade failed (see the error)"};
            ag_vec_push(steps, st);
            failed = true;
            break;
        }
        if (!check) {
            before = NULL;
            continue;
        }
        Catalog *after;
        if ((rc = introspect(c, conn, &after)))
            break;
        VerifyStep *up = ag_arena_alloc(&c->arena, sizeof(VerifyStep));
        *up = (VerifyStep){"upgrade", r->id, true, NULL};
        if (r->nchildren == 0 && models) {
            if ((rc = settle(c, models, after, conn)))
                break;
            up->differences = catalog_differences(c, models, after);
            up->ok = up->differences == NULL;
        }
        ag_vec_push(steps, up);
        VerifyStep *down = ag_arena_alloc(&c->arena, sizeof(VerifyStep));
        *down = (VerifyStep){"downgrade", r->id, true, NULL};
        ag_vec_push(steps, down);
        if (!mig_apply_revision(conn, r, false, &o, &c->diag)) {
            down->ok = false;
            down->differences = "the downgrade failed (see the error)";
            failed = true;
            break;
        }
        Catalog *back;
        if ((rc = introspect(c, conn, &back)))
            break;
        down->differences = catalog_differences(c, before, back);
        down->ok = down->differences == NULL;
        VerifyStep *again = ag_arena_alloc(&c->arena, sizeof(VerifyStep));
        *again = (VerifyStep){"re-upgrade", r->id, true, NULL};
        ag_vec_push(steps, again);
        if (!mig_apply_revision(conn, r, true, &o, &c->diag)) {
            again->ok = false;
            again->differences = "the second upgrade failed (see the error)";
            failed = true;
            break;
        }
        Catalog *twice;
        if ((rc = introspect(c, conn, &twice)))
            break;
        again->differences = catalog_differences(c, after, twice);
        again->ok = again->differences == NULL;
        before = twice;
    }
    scratch_done(c, conn);
    return rc;
}

static int
report_verify(Ctx *c, AgVec *steps, bool json)
{
    bool all_ok = true;
    for (size_t i = 0; i < steps->len; i++)
        all_ok = all_ok && ((VerifyStep *) steps->items[i])->ok;
    if (json) {
        AgBuf out;
        ag_buf_init(&out);
        ag_buf_printf(&out, "{\"ok\": %s, \"steps\": [", all_ok ? "true" : "false");
        for (size_t i = 0; i < steps->len; i++) {
            VerifyStep *st = steps->items[i];
            ag_buf_printf(&out, "%s{\"revision\": ", i ? ", " : "");
            json_escape(&out, st->rev);
            ag_buf_puts(&out, ", \"step\": ");
            json_escape(&out, st->what);
            ag_buf_printf(&out, ", \"ok\": %s, \"differences\": ", st->ok ? "true" : "false");
            if (st->differences)
                json_escape(&out, st->differences);
            else
                ag_buf_puts(&out, "null");
            ag_buf_putc(&out, '}');
        }
        ag_buf_puts(&out, "]}\n");
        fputs(ag_buf_cstr(&out), stdout);
        ag_buf_free(&out);
    } else {
        for (size_t i = 0; i < steps->len; i++) {
            VerifyStep *st = steps->items[i];
            if (!c->args.quiet || !st->ok)
                printf("%s %-10s %s\n", st->ok ? "ok  " : "FAIL", st->what, st->rev);
            if (!st->ok)
                print_lines("       ", st->differences);
        }
    }
    return all_ok ? CMD_EXIT_OK : CMD_EXIT_DRIFT;
}

static int
cmd_verify(Ctx *c)
{
    MigChain chain;
    int rc = load_chain(c, &chain);
    if (rc)
        return fail(c, rc);
    if (chain.nrevs == 0) {
        ag_diag_error(&c->diag, (AgLoc){0}, "no revisions in %s to verify", c->cfg.migrations);
        return fail(c, CMD_EXIT_INPUT);
    }
    const char *only = NULL;
    if (!c->args.all) {
        if (c->args.target && strcmp(c->args.target, "head") != 0) {
            MigRevision *r = mig_chain_find(&chain, c->args.target);
            if (!r) {
                ag_diag_error(&c->diag, (AgLoc){0}, "can't locate revision %s", c->args.target);
                return fail(c, CMD_EXIT_INPUT);
            }
            only = r->id;
        } else {
            if (chain.nheads != 1) {
                ag_diag_error(&c->diag, (AgLoc){0}, "the chain has %zu heads: name a revision",
                              chain.nheads);
                return fail(c, CMD_EXIT_INPUT);
            }
            only = chain.heads[0]->id;
        }
    }
    Catalog *models = NULL;
    struct stat st;
    if (stat(c->cfg.models, &st) == 0 && (rc = load_models(c, &models)))
        return fail(c, rc);
    AgVec steps = {0};
    rc = verify_chain(c, &chain, only, models, &steps);
    if (rc) {
        ag_vec_free(&steps);
        return fail(c, rc);
    }
    if (c->diag.nerrors)
        ag_diag_print(&c->diag, stderr);
    rc = report_verify(c, &steps, strcmp(c->args.format, "json") == 0);
    ag_vec_free(&steps);
    return rc;
}

/* ---- init -------------------------------------------------------------------------- */

static int
cmd_init(Ctx *c)
{
    const char *dir = c->args.target ? c->args.target : ".";
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        ag_diag_error(&c->diag, (AgLoc){0}, "cannot create %s: %s", dir, strerror(errno));
        return fail(c, CMD_EXIT_ENV);
    }
    const char *conf = ag_arena_printf(&c->arena, "%s/autogen.conf", dir);
    const char *models = ag_arena_printf(&c->arena, "%s/models", dir);
    const char *migs = ag_arena_printf(&c->arena, "%s/migrations", dir);
    if ((mkdir(models, 0755) != 0 && errno != EEXIST) ||
        (mkdir(migs, 0755) != 0 && errno != EEXIST)) {
        ag_diag_error(&c->diag, (AgLoc){0}, "cannot create the project folders in %s: %s", dir,
                      strerror(errno));
        return fail(c, CMD_EXIT_ENV);
    }
    if (access(conf, F_OK) != 0) {
        static const char text[] =
            "# autogen configuration. Flags override the environment, which overrides this.\n"
            "# The database (else DATABASE_URL, else libpq's PG* variables). Without one,\n"
            "# autogen check and autogen -m replay the migrations in a scratch server.\n"
            "# database_url = postgresql://user@localhost/app\n"
            "models = models\n"
            "migrations = migrations\n"
            "# schemas = public, app\n"
            "# version_table = public.autogen_version\n"
            "# lock_timeout = 5000\n";
        if (!ag_write_file_atomic(conf, text, sizeof(text) - 1, &c->diag))
            return fail(c, CMD_EXIT_ENV);
    }
    if (!c->args.quiet)
        printf("Initialised %s: autogen.conf, models/, migrations/\n", dir);
    return CMD_EXIT_OK;
}

/* ---- main ---------------------------------------------------------------------------- */

int
main(int argc, char **argv)
{
    static Ctx ctx;
    Ctx *c = &ctx;
    g_ctx = c;
    ag_arena_init(&c->arena);
    ag_diag_init(&c->diag);
    c->tty = isatty(2);
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGPIPE, SIG_IGN);

    const char *values[64];
    const char *settings[64];
    if (argc > 60)
        return usage_error("%s", "too many arguments");
    stage_done(NULL);
    int rc = parse_args(c, argc, argv, values, settings);
    if (rc)
        return rc;
    if (!c->args.command && c->args.message)
        c->args.command = "revision";
    if (c->args.help || !c->args.command) {
        const char *h = c->args.command ? find_help(c->args.command) : NULL;
        fputs(h ? h : usage_text, c->args.command || c->args.help ? stdout : stderr);
        return c->args.help ? CMD_EXIT_OK : CMD_EXIT_INPUT;
    }
    if (!cmd_config_load(&c->arena, &c->cfg, c->args.config, &c->diag))
        return fail(c, CMD_EXIT_INPUT);
    bool schemas_from_flags = false;
    for (int i = 0; settings[i]; i++) {
        const char *val = values[i];
        if (strcmp(settings[i], "schemas") == 0) {
            /* --schema is repeatable: each adds one. */
            if (!schemas_from_flags)
                c->cfg.nschemas = 0;
            schemas_from_flags = true;
            if (c->cfg.nschemas < CMD_MAX_SCHEMAS)
                c->cfg.schemas[c->cfg.nschemas++] = val;
            continue;
        }
        if (!cmd_config_set(&c->arena, &c->cfg, settings[i], val, (AgLoc){0}, &c->diag))
            return fail(c, CMD_EXIT_INPUT);
    }
    const char *cmd = c->args.command;
    if (strcmp(cmd, "init") == 0)
        rc = cmd_init(c);
    else if (strcmp(cmd, "revision") == 0)
        rc = cmd_revision(c, false);
    else if (strcmp(cmd, "merge") == 0)
        rc = cmd_revision(c, true);
    else if (strcmp(cmd, "upgrade") == 0)
        rc = cmd_migrate(c, true);
    else if (strcmp(cmd, "downgrade") == 0)
        rc = cmd_migrate(c, false);
    else if (strcmp(cmd, "current") == 0)
        rc = cmd_current(c);
    else if (strcmp(cmd, "history") == 0)
        rc = cmd_history(c);
    else if (strcmp(cmd, "heads") == 0)
        rc = cmd_heads(c);
    else if (strcmp(cmd, "stamp") == 0)
        rc = cmd_stamp(c);
    else if (strcmp(cmd, "check") == 0)
        rc = cmd_check(c);
    else if (strcmp(cmd, "diff") == 0)
        rc = cmd_diff(c);
    else if (strcmp(cmd, "dump") == 0)
        rc = cmd_dump(c);
    else if (strcmp(cmd, "verify") == 0)
        rc = cmd_verify(c);
    else
        rc = usage_error("unknown command %s", cmd);
    if (c->models_state) {
        Catalog *ignored;
        models_get(c, &ignored);
    }
    if (c->scratch_started)
        mig_scratch_stop(&c->scratch);
    /* Errors were printed where they happened (fail); warnings of a run that went on are
     * printed at the end, whatever the verdict. */
    if (c->diag.nwarnings && !c->args.quiet && (rc == CMD_EXIT_OK || rc == CMD_EXIT_DRIFT))
        ag_diag_print(&c->diag, stderr);
    ag_diag_free(&c->diag);
    /* Last: diagnostics point into the models' arena (file names of declaration sites). */
    if (c->models_state) {
        ag_diag_free(&c->models_diag);
        ag_arena_free(&c->models_arena);
    }
    ag_arena_free(&c->arena);
    return rc;
}

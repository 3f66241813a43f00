/*
 * migrate/revision.c: revision files (render, atomic write, parse) and the chain they
 * form through parent pointers (duplicates, missing parents, cycles, heads).
 *
 * A revision file reads on its own in a review: a comment header (revision, parent,
 * message, created, the summary of changes and hazards), an optional
 * "-- autogen:no-transaction" directive, then "-- autogen:upgrade" and
 * "-- autogen:downgrade" sections of plain SQL.
 * Not here: running the SQL (apply.c).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "migrate/migrate.h"

#define MARK_UP       "-- autogen:upgrade"
#define MARK_DOWN     "-- autogen:downgrade"
#define MARK_NOTX     "-- autogen:no-transaction"
#define MARK_REVIEW   "autogen:review"

static void
random_id(char out[13])
{
    unsigned char bytes[6] = {0};
    int fd = open("/dev/urandom", O_RDONLY);
    bool ok = fd >= 0 && read(fd, bytes, sizeof(bytes)) == (ssize_t) sizeof(bytes);
    if (fd >= 0)
        close(fd);
    if (!ok) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        uint64_t v = (uint64_t) ts.tv_nsec ^ ((uint64_t) ts.tv_sec << 20) ^ (uint64_t) getpid();
        memcpy(bytes, &v, sizeof(bytes));
    }
    for (int i = 0; i < 6; i++)
        snprintf(out + 2 * i, 3, "%02x", bytes[i]);
}

static const char *
slug(AgArena *a, const char *msg)
{
    char buf[41];
    size_t n = 0;
    bool sep = false;
    for (const char *p = msg; *p && n < sizeof(buf) - 1; p++) {
        unsigned char c = (unsigned char) *p;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (sep && n)
                buf[n++] = '_';
            if (n < sizeof(buf) - 1)
                buf[n++] = (char) c;
            sep = false;
        } else if (c >= 'A' && c <= 'Z') {
            if (sep && n)
                buf[n++] = '_';
            if (n < sizeof(buf) - 1)
                buf[n++] = (char) (c - 'A' + 'a');
            sep = false;
        } else {
            sep = true;
        }
    }
    buf[n] = '\0';
    return ag_arena_strdup(a, n ? buf : "revision");
}

/* One line of header text: newlines inside a message would end the comment. */
static void
put_header_value(AgBuf *b, const char *v)
{
    for (const char *p = v; *p; p++)
        ag_buf_putc(b, (*p == '\n' || *p == '\r') ? ' ' : *p);
}

char *
mig_revision_render(AgArena *arena, const MigNewRevision *rev, const char *id,
                    const char *created)
{
    AgBuf b;
    ag_buf_init(&b);
    ag_buf_printf(&b, "-- autogen revision file: review it like code; edit only the SQL.\n");
    ag_buf_printf(&b, "-- revision: %s\n", id);
    ag_buf_puts(&b, "-- parent: ");
    if (rev->nparents == 0)
        ag_buf_puts(&b, "base");
    for (uint32_t i = 0; i < rev->nparents; i++)
        ag_buf_printf(&b, "%s%s", i ? ", " : "", rev->parents[i]);
    ag_buf_puts(&b, "\n-- message: ");
    put_header_value(&b, rev->message ? rev->message : "");
    ag_buf_printf(&b, "\n-- created: %s\n", created);
    ag_buf_puts(&b, "--\n-- summary:\n");
    const char *s = rev->summary ? rev->summary : "";
    if (!*s)
        ag_buf_puts(&b, "--   (no schema changes)\n");
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t) (nl - s) : strlen(s);
        ag_buf_puts(&b, "--   ");
        ag_buf_putn(&b, s, n);
        ag_buf_putc(&b, '\n');
        s += n + (nl ? 1 : 0);
    }
    if (!rev->transactional)
        ag_buf_puts(&b, "--\n" MARK_NOTX "\n");
    ag_buf_puts(&b, "\n" MARK_UP "\n");
    ag_buf_puts(&b, rev->upgrade_sql ? rev->upgrade_sql : "");
    if (b.len && b.data[b.len - 1] != '\n')
        ag_buf_putc(&b, '\n');
    ag_buf_puts(&b, "\n" MARK_DOWN "\n");
    ag_buf_puts(&b, rev->downgrade_sql ? rev->downgrade_sql : "");
    if (b.len && b.data[b.len - 1] != '\n')
        ag_buf_putc(&b, '\n');
    char *out = ag_arena_strndup(arena, ag_buf_cstr(&b), b.len);
    ag_buf_free(&b);
    return out;
}

const char *
mig_revision_write(AgArena *arena, const char *dir, const MigNewRevision *rev, AgDiag *diag)
{
    char id[13];
    if (rev->id)
        snprintf(id, sizeof(id), "%s", rev->id);
    else
        random_id(id);
    char created[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(created, sizeof(created), "%Y-%m-%dT%H:%M:%SZ", &tm);
    char *text = mig_revision_render(arena, rev, id, created);
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        ag_diag_error(diag, (AgLoc){0}, "cannot create folder %s: %s", dir, strerror(errno));
        return NULL;
    }
    const char *path = ag_arena_printf(arena, "%s/%s_%s.sql", dir, id, slug(arena, rev->message ? rev->message : ""));
    if (!ag_write_file_atomic(path, text, strlen(text), diag))
        return NULL;
    return path;
}

static bool
starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The line starting at p, without its newline, trailing spaces trimmed. */
static char *
line_dup(AgArena *a, const char *p, const char **next)
{
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t) (nl - p) : strlen(p);
    *next = p + n + (nl ? 1 : 0);
    while (n && (p[n - 1] == ' ' || p[n - 1] == '\r' || p[n - 1] == '\t'))
        n--;
    return ag_arena_strndup(a, p, n);
}

MigRevision *
mig_revision_parse(AgArena *arena, const char *path, const char *text, AgDiag *diag)
{
    size_t bad = ag_utf8_invalid_offset(text, strlen(text));
    if (bad != (size_t) -1) {
        AgLoc loc = {.file = path};
        ag_line_col(text, bad, &loc.line, &loc.col);
        ag_diag_error(diag, loc, "invalid UTF-8 (byte 0x%02x): revision files must be UTF-8",
                      (unsigned char) text[bad]);
        return NULL;
    }
    MigRevision *rev = ag_arena_alloc(arena, sizeof(MigRevision));
    rev->path = ag_arena_strdup(arena, path);
    rev->transactional = true;
    ag_checksum_hex(text, strlen(text), rev->checksum);
    const char *p = text;
    uint32_t line = 1;
    const char *up_start = NULL, *down_start = NULL;
    uint32_t up_line = 0, down_line = 0;
    bool have_parent = false;
    while (*p) {
        const char *next;
        char *l = line_dup(arena, p, &next);
        if (strcmp(l, MARK_UP) == 0 && !up_start) {
            up_start = next;
            up_line = line + 1;
        } else if (strcmp(l, MARK_DOWN) == 0 && up_start && !down_start) {
            down_start = next;
            down_line = line + 1;
            rev->upgrade_sql = ag_arena_strndup(arena, up_start, (size_t) (p - up_start));
        } else if (!up_start) {
            if (starts_with(l, "-- revision:")) {
                const char *v = l + strlen("-- revision:");
                while (*v == ' ')
                    v++;
                rev->id = v;
            } else if (starts_with(l, "-- parent:")) {
                have_parent = true;
                char *v = l + strlen("-- parent:");
                for (char *save = NULL, *tok = strtok_r(v, ", ", &save); tok;
                     tok = strtok_r(NULL, ", ", &save)) {
                    if (strcmp(tok, "base") == 0)
                        continue;
                    if (rev->nparents == MIG_MAX_PARENTS) {
                        ag_diag_error(diag, (AgLoc){path, line, 1},
                                      "a revision may have at most %d parents",
                                      MIG_MAX_PARENTS);
                        return NULL;
                    }
                    rev->parents[rev->nparents++] = tok;
                }
            } else if (starts_with(l, "-- message:")) {
                const char *v = l + strlen("-- message:");
                while (*v == ' ')
                    v++;
                rev->message = v;
            } else if (starts_with(l, "-- created:")) {
                const char *v = l + strlen("-- created:");
                while (*v == ' ')
                    v++;
                rev->created = v;
            } else if (strcmp(l, MARK_NOTX) == 0) {
                rev->transactional = false;
            }
        }
        if (up_start && strstr(l, MARK_REVIEW) && !rev->review_line)
            rev->review_line = line;
        p = next;
        line++;
    }
    if (!rev->id || strlen(rev->id) == 0) {
        ag_diag_error(diag, (AgLoc){path, 1, 1},
                      "not a revision file: expected a '-- revision: <id>' header line");
        return NULL;
    }
    for (const char *c = rev->id; *c; c++) {
        if (!((*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'z') || *c == '_')) {
            ag_diag_error(diag, (AgLoc){path, 1, 1},
                          "revision id \"%s\" may hold only a-z, 0-9 and _", rev->id);
            return NULL;
        }
    }
    if (!have_parent) {
        ag_diag_error(diag, (AgLoc){path, 1, 1},
                      "revision %s has no '-- parent: <id|base>' header line", rev->id);
        return NULL;
    }
    if (!up_start || !down_start) {
        ag_diag_error(diag, (AgLoc){path, line, 1},
                      "revision %s: expected the sections '%s' and then '%s'", rev->id,
                      MARK_UP, MARK_DOWN);
        return NULL;
    }
    rev->upgrade_line = up_line;
    rev->downgrade_sql = ag_arena_strdup(arena, down_start);
    rev->downgrade_line = down_line;
    if (!rev->message)
        rev->message = "";
    return rev;
}

static int
cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *) a, *(char *const *) b);
}

static int
cmp_revs(const void *pa, const void *pb)
{
    const MigRevision *a = *(MigRevision *const *) pa, *b = *(MigRevision *const *) pb;
    if (a->depth != b->depth)
        return a->depth < b->depth ? -1 : 1;
    return strcmp(a->id, b->id);
}

MigRevision *
mig_chain_find(const MigChain *chain, const char *id)
{
    for (size_t i = 0; i < chain->nrevs; i++)
        if (strcmp(chain->revs[i]->id, id) == 0)
            return chain->revs[i];
    return NULL;
}

/* depth = 1 + max depth of parents; 0 while unknown, UINT32_MAX while on the stack. */
static bool
compute_depth(MigChain *chain, MigRevision *r, AgDiag *diag)
{
    if (r->depth == UINT32_MAX) {
        ag_diag_error(diag, (AgLoc){r->path, 1, 1},
                      "revision %s is its own ancestor: the parent pointers form a cycle",
                      r->id);
        return false;
    }
    if (r->depth)
        return true;
    r->depth = UINT32_MAX;
    uint32_t d = 0;
    for (uint32_t i = 0; i < r->nparents; i++) {
        MigRevision *p = mig_chain_find(chain, r->parents[i]);
        if (!p) {
            ag_diag_error(diag, (AgLoc){r->path, 1, 1},
                          "can't locate revision %s, the parent of revision %s", r->parents[i],
                          r->id);
            return false;
        }
        if (!compute_depth(chain, p, diag))
            return false;
        if (p->depth > d)
            d = p->depth;
    }
    r->depth = d + 1;
    return true;
}

bool
mig_chain_load(AgArena *arena, const char *dir, MigChain *chain, AgDiag *diag)
{
    memset(chain, 0, sizeof(*chain));
    DIR *d = opendir(dir);
    if (!d) {
        if (errno == ENOENT)
            return true;
        ag_diag_error(diag, (AgLoc){0}, "cannot read folder %s: %s", dir, strerror(errno));
        return false;
    }
    AgVec names = {0};
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n > 4 && strcmp(e->d_name + n - 4, ".sql") == 0 && e->d_name[0] != '.')
            ag_vec_push(&names, ag_arena_strdup(arena, e->d_name));
    }
    closedir(d);
    if (names.len)
        ag_qsort(names.items, names.len, sizeof(void *), cmp_names);
    chain->revs = ag_arena_alloc(arena, sizeof(MigRevision *) * (names.len + 1));
    bool ok = true;
    for (size_t i = 0; i < names.len; i++) {
        const char *path = ag_arena_printf(arena, "%s/%s", dir, (char *) names.items[i]);
        char *text = ag_read_file(arena, path, NULL, diag);
        if (!text) {
            ok = false;
            continue;
        }
        MigRevision *r = mig_revision_parse(arena, path, text, diag);
        if (!r) {
            ok = false;
            continue;
        }
        MigRevision *dup = mig_chain_find(chain, r->id);
        if (dup) {
            ag_diag_error(diag, (AgLoc){r->path, 1, 1},
                          "revision %s is defined twice: here and in %s", r->id, dup->path);
            ok = false;
            continue;
        }
        chain->revs[chain->nrevs++] = r;
    }
    ag_vec_free(&names);
    if (!ok)
        return false;
    for (size_t i = 0; i < chain->nrevs; i++)
        if (!compute_depth(chain, chain->revs[i], diag))
            return false;
    for (size_t i = 0; i < chain->nrevs; i++)
        for (uint32_t k = 0; k < chain->revs[i]->nparents; k++)
            mig_chain_find(chain, chain->revs[i]->parents[k])->nchildren++;
    if (chain->nrevs > 1)
        ag_qsort(chain->revs, chain->nrevs, sizeof(MigRevision *), cmp_revs);
    chain->heads = ag_arena_alloc(arena, sizeof(MigRevision *) * (chain->nrevs + 1));
    for (size_t i = 0; i < chain->nrevs; i++)
        if (chain->revs[i]->nchildren == 0)
            chain->heads[chain->nheads++] = chain->revs[i];
    return true;
}

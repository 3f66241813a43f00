/*
 * base/util.c: files (whole reads, atomic writes), hashing, checksums, positions.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"

char *
ag_read_file(AgArena *a, const char *path, size_t *len_out, AgDiag *d)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        ag_diag_error(d, (AgLoc){0}, "cannot open %s: %s", path, strerror(errno));
        return NULL;
    }
    AgBuf b;
    ag_buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        ag_buf_putn(&b, chunk, n);
    bool failed = ferror(f);
    fclose(f);
    if (failed) {
        ag_diag_error(d, (AgLoc){0}, "cannot read %s", path);
        ag_buf_free(&b);
        return NULL;
    }
    char *s = ag_arena_strndup(a, ag_buf_cstr(&b), b.len);
    if (len_out)
        *len_out = b.len;
    ag_buf_free(&b);
    return s;
}

bool
ag_write_file_atomic(const char *path, const char *data, size_t len, AgDiag *d)
{
    size_t plen = strlen(path);
    char *tmp = ag_xmalloc(plen + 16);
    snprintf(tmp, plen + 16, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        ag_diag_error(d, (AgLoc){0}, "cannot create a file next to %s: %s", path,
                      strerror(errno));
        free(tmp);
        return false;
    }
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            ag_diag_error(d, (AgLoc){0}, "cannot write %s: %s", path, strerror(errno));
            close(fd);
            unlink(tmp);
            free(tmp);
            return false;
        }
        off += (size_t) w;
    }
    if (fsync(fd) != 0 || fchmod(fd, 0644) != 0 || close(fd) != 0) {
        ag_diag_error(d, (AgLoc){0}, "cannot write %s: %s", path, strerror(errno));
        unlink(tmp);
        free(tmp);
        return false;
    }
    if (rename(tmp, path) != 0) {
        ag_diag_error(d, (AgLoc){0}, "cannot rename %s to %s: %s", tmp, path, strerror(errno));
        unlink(tmp);
        free(tmp);
        return false;
    }
    free(tmp);
    return true;
}

uint64_t
ag_hash_str(const char *s, uint64_t seed)
{
    uint64_t h = 14695981039346656037ULL ^ seed;
    for (; s && *s; s++) {
        h ^= (unsigned char) *s;
        h *= 1099511628211ULL;
    }
    return h;
}

bool
ag_streq(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

void
ag_checksum_hex(const char *data, size_t len, char out[17])
{
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char) data[i];
        h *= 1099511628211ULL;
    }
    snprintf(out, 17, "%016llx", (unsigned long long) h);
}

void
ag_line_col(const char *text, size_t offset, uint32_t *line, uint32_t *col)
{
    uint32_t l = 1, c = 1;
    for (size_t i = 0; i < offset && text[i]; i++) {
        unsigned char ch = (unsigned char) text[i];
        if (ch == '\n') {
            l++;
            c = 1;
        } else if ((ch & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

size_t
ag_utf8_invalid_offset(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *) text;
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + n > len)
            return i;
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return i;
        i += n;
    }
    return (size_t) -1;
}

/*
 * tests/unit/test_fuzz_regress.c: replays every input the fuzz campaigns ever found
 * (every file in test-fixtures/fuzz/<target>/) through the very code of the fuzz targets, so a
 * finding, once fixed, stays fixed in the normal test suite (no clang, no libFuzzer).
 * Each fuzz target's source is included with its entry point renamed.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "tests/unit/check.h"

#define LLVMFuzzerTestOneInput fuzz_model_one
#include "fuzz/fuzz_model.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_revision_one
#include "fuzz/fuzz_revision.c"
#undef LLVMFuzzerTestOneInput

typedef int (*FuzzOne)(const uint8_t *data, size_t size);

static int
by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *) a, *(char *const *) b);
}

/* Run every file of test-fixtures/fuzz/<target>/ through one; returns how many. */
static size_t
replay(const char *target, FuzzOne one)
{
    const char *root = getenv("AUTOGEN_SOURCE_ROOT");
    char dir[1024];
    snprintf(dir, sizeof(dir), "%s/test-fixtures/fuzz/%s", root ? root : ".", target);
    DIR *d = opendir(dir);
    CHECK(d != NULL);
    if (!d)
        return 0;
    char **names = NULL;
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.')
            continue;
        names = ag_xrealloc(names, (n + 1) * sizeof(*names));
        names[n++] = ag_xstrdup(e->d_name);
    }
    closedir(d);
    ag_qsort(names, n, sizeof(*names), by_name);
    for (size_t i = 0; i < n; i++) {
        AgArena a;
        ag_arena_init(&a);
        AgDiag diag;
        ag_diag_init(&diag);
        size_t len = 0;
        char *path = ag_arena_printf(&a, "%s/%s", dir, names[i]);
        char *data = ag_read_file(&a, path, &len, &diag);
        CHECK(data != NULL);
        if (data) {
            /* A finding that comes back crashes here (or under the sanitizers). */
            fprintf(stderr, "test_fuzz_regress: %s/%s (%zu bytes)\n", target, names[i], len);
            CHECK_INT_EQ(one((const uint8_t *) data, len), 0);
        }
        ag_diag_free(&diag);
        ag_arena_free(&a);
        free(names[i]);
    }
    free(names);
    return n;
}

int
main(void)
{
    CHECK(replay("fuzz_model", fuzz_model_one) > 0);
    CHECK(replay("fuzz_revision", fuzz_revision_one) > 0);
    return check_report("test_fuzz_regress");
}

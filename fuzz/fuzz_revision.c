/*
 * fuzz/fuzz_revision.c: libFuzzer target for revision-file parsing. The input bytes are
 * one revision file given to mig_revision_parse. Errors are expected; a crash, a
 * sanitizer report or a leak is a finding.
 * Built only with -Dfuzz=true (fuzz/run.sh); its findings are replayed by
 * tests/unit/test_fuzz_regress.c.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/base.h"
#include "migrate/migrate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    AgArena arena;
    ag_arena_init(&arena);
    /* A revision file is read as a NUL-terminated text: bytes after an inner NUL are
     * not seen. */
    char *text = ag_arena_strndup(&arena, (const char *) data, size);
    AgDiag diag;
    ag_diag_init(&diag);
    mig_revision_parse(&arena, "fuzz.sql", text, &diag);
    ag_diag_free(&diag);
    ag_arena_free(&arena);
    return 0;
}

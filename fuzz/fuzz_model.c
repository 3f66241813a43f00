/*
 * fuzz/fuzz_model.c: libFuzzer target for model parsing. The input bytes are one model
 * file: prs_load_string, prs_finish, then cat_dump of whatever was loaded. Errors in the
 * model are expected; a crash, a sanitizer report or a leak is a finding.
 * Built only with -Dfuzz=true (fuzz/run.sh); its findings are replayed by
 * tests/unit/test_fuzz_regress.c.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/base.h"
#include "catalog/catalog.h"
#include "parser/parser.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    AgArena arena;
    ag_arena_init(&arena);
    /* The parser takes a NUL-terminated text: bytes after an inner NUL are not seen. */
    char *text = ag_arena_strndup(&arena, (const char *) data, size);
    Catalog *cat = cat_new(&arena);
    AgDiag diag;
    ag_diag_init(&diag);
    prs_load_string(cat, "fuzz.sql", text, &diag);
    prs_finish(cat, &diag);
    AgBuf out;
    ag_buf_init(&out);
    cat_dump(cat, &out);
    ag_buf_free(&out);
    ag_diag_free(&diag);
    ag_arena_free(&arena);
    return 0;
}

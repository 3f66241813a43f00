/* tests/unit/test_base.c: arena, buffers, positions and checksums. */
#include <string.h>

#include "base/base.h"
#include "tests/unit/check.h"

static void
test_line_col(void)
{
    static const struct {
        const char *text;
        size_t off;
        uint32_t line, col;
    } cases[] = {
        {.text = "abc", .off = 0, .line = 1, .col = 1},
        {.text = "abc\ndef", .off = 5, .line = 2, .col = 2},
        {.text = "é\nxé y", .off = 7, .line = 2, .col = 4}, /* é is two bytes */
        {.text = "ab\n\n", .off = 4, .line = 3, .col = 1},
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        uint32_t l, c;
        ag_line_col(cases[i].text, cases[i].off, &l, &c);
        CHECK_INT_EQ(l, cases[i].line);
        CHECK_INT_EQ(c, cases[i].col);
    }
}

static void
test_arena_and_buf(void)
{
    AgArena a;
    ag_arena_init(&a);
    char *s = ag_arena_printf(&a, "%s-%d", "x", 42);
    CHECK_STR_EQ(s, "x-42");
    char *big = ag_arena_alloc(&a, 200000);
    CHECK(big[199999] == 0);
    CHECK_STR_EQ(ag_arena_strndup(&a, "hello", 3), "hel");
    ag_arena_free(&a);

    AgBuf b;
    ag_buf_init(&b);
    CHECK_STR_EQ(ag_buf_cstr(&b), "");
    for (int i = 0; i < 1000; i++)
        ag_buf_printf(&b, "%d,", i % 10);
    CHECK_INT_EQ(b.len, 2000);
    CHECK(strncmp(b.data, "0,1,2,", 6) == 0);
    ag_buf_free(&b);
}

static void
test_checksum(void)
{
    char x[17], y[17];
    ag_checksum_hex("abc", 3, x);
    ag_checksum_hex("abd", 3, y);
    CHECK_INT_EQ(strlen(x), 16);
    CHECK(strcmp(x, y) != 0);
    CHECK_STR_EQ(x, "e71fa2190541574b"); /* FNV-1a 64 of "abc" */
}

static void
test_utf8(void)
{
    static const struct {
        const char *text;
        size_t want;
    } cases[] = {
        {.text = "plain ascii", .want = (size_t) -1},
        {.text = "caf\xc3\xa9 \xe2\x98\x95 \xf0\x9f\x98\x80", .want = (size_t) -1},
        {.text = "caf\xe9", .want = 3},                   /* Latin-1 e-acute */
        {.text = "ab\xc0\xaf", .want = 2},                /* overlong '/' */
        {.text = "\xed\xa0\x80", .want = 0},              /* a surrogate */
        {.text = "x\xf4\x90\x80\x80", .want = 1},         /* past U+10FFFF */
        {.text = "x\xe2\x98", .want = 1},                 /* truncated sequence */
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++)
        CHECK_INT_EQ(ag_utf8_invalid_offset(cases[i].text, strlen(cases[i].text)),
                     cases[i].want);
}

int
main(void)
{
    test_utf8();
    test_line_col();
    test_arena_and_buf();
    test_checksum();
    return check_report("test_base");
}

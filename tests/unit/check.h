/*
 * tests/unit/check.h: the tiny assertion kit of the unit tests. A failure prints
 * file:line, what was expected and what came; main returns check_report().
 */
#ifndef AUTOGEN_TESTS_CHECK_H
#define AUTOGEN_TESTS_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures;
static int check_count;

#define CHECK(cond)                                                                        \
    do {                                                                                   \
        check_count++;                                                                     \
        if (!(cond)) {                                                                     \
            check_failures++;                                                              \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);       \
        }                                                                                  \
    } while (0)

#define CHECK_STR_EQ(got, want)                                                            \
    do {                                                                                   \
        const char *g_ = (got), *w_ = (want);                                              \
        check_count++;                                                                     \
        if (!g_ || !w_ ? g_ != w_ : strcmp(g_, w_) != 0) {                                 \
            check_failures++;                                                              \
            fprintf(stderr, "%s:%d: %s\n  want: %s\n  got:  %s\n", __FILE__, __LINE__,     \
                    #got, w_ ? w_ : "(null)", g_ ? g_ : "(null)");                         \
        }                                                                                  \
    } while (0)

#define CHECK_INT_EQ(got, want)                                                            \
    do {                                                                                   \
        long long g_ = (long long) (got), w_ = (long long) (want);                         \
        check_count++;                                                                     \
        if (g_ != w_) {                                                                    \
            check_failures++;                                                              \
            fprintf(stderr, "%s:%d: %s\n  want: %lld\n  got:  %lld\n", __FILE__, __LINE__, \
                    #got, w_, g_);                                                         \
        }                                                                                  \
    } while (0)

static inline int
check_report(const char *name)
{
    printf("%s: %d checks, %d failed\n", name, check_count, check_failures);
    return check_failures ? 1 : 0;
}

#endif

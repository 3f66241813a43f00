/*
 * cmd/exit.h: the exit codes of autogen, defined once (STYLE.md section 5).
 */
#ifndef AUTOGEN_CMD_EXIT_H
#define AUTOGEN_CMD_EXIT_H

enum {
    CMD_EXIT_OK = 0,       /* success; for check and diff: nothing to do */
    CMD_EXIT_DRIFT = 1,    /* check found drift or pending changes; diff found changes */
    CMD_EXIT_INPUT = 2,    /* usage, configuration, model or revision-file errors */
    CMD_EXIT_ENV = 3,      /* database, file system, server */
    CMD_EXIT_INTERNAL = 4, /* a bug of ours */
};

#endif

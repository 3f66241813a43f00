/*
 * emit/emit.h: a changeset printed for people and tools: the SQL script in run order,
 * a summary (one line per change, then hazards and review items) and a JSON report.
 * Quoting happens here and only here: identifiers through cat_quote_ident /
 * cat_qualified, literals through cat_quote_literal, expressions from CatExpr.sql and
 * types as the catalog spells them (format_type, valid SQL).
 * Not here: deciding what changes or in which order (diff/), files (migrate/, cmd/).
 */
#ifndef AUTOGEN_EMIT_EMIT_H
#define AUTOGEN_EMIT_EMIT_H

#include <stdbool.h>

#include "base/base.h"
#include "diff/diff.h"

/* The marker the runner refuses to run past: a line starting with it sits right above
 * each statement that waits for a person's decision. */
#define EMIT_REVIEW_MARKER "-- autogen:review"

typedef struct EmitOptions {
    /* Write "-- <summary line>" above the statements of each change. */
    bool annotate;
} EmitOptions;

/* Append the script: every statement ends with ";\n", in the changeset's order; a
 * statement needing a decision is preceded by an EMIT_REVIEW_MARKER line. An empty
 * changeset appends nothing. opts may be NULL. Cannot fail. */
void emit_sql(AgBuf *out, const DiffChangeset *cs, const EmitOptions *opts);

/* Append one line per change ("+ table public.jobs", "~ column public.jobs.status: type
 * text -> character varying(20)", "- column public.jobs.jd (data loss)"), then one line
 * per hazard ("hazard: data loss: DROP COLUMN public.jobs.jd"), then one per review item
 * ("review: ..."), then "error: ..." when the order has a cycle. Plain lines, no comment
 * markers, each ending with "\n". */
void emit_summary(AgBuf *out, const DiffChangeset *cs);

/* Append a JSON array, one object per change: {"op":"create","kind":"table",
 * "object":"public.jobs","sql":["CREATE TABLE ...;", ...],"hazards":["data loss: ..."],
 * "review":["..."]}, then a newline. Statements are listed in run order without their
 * final newline; one that needs the model's search_path (emit_step_search_path) comes
 * as three: SET search_path, the statement, RESET search_path. */
void emit_json(AgBuf *out, const DiffChangeset *cs);

/* ---- pieces, shared by the files of emit/ and handy in tests ------------------------ */

/* The statement of one step, ending with ";\n"; the review line is not included.
 * Temporary strings go to arena. */
void emit_step_sql(AgBuf *out, AgArena *arena, const DiffStep *st);
/* The search_path the step's statement must run under ("app, public", ready for SET),
 * or NULL for the script's own (the session's, where "public" is searched). Only a
 * statement printed from the model's own text has one: a function's or aggregate's
 * definition, a trigger, a view query the server did not qualify, CREATE TABLE ... AS
 * without known columns; every other statement names its objects qualified. */
const char *emit_step_search_path(const DiffStep *st);
/* function.c: the SQL and hazard label of function, procedure and trigger steps; the
 * COMMENT ON target of a function or trigger; "schema.fname(identity types)"; and
 * whether the script creates functions (then SET check_function_bodies = false first). */
void emit_function_sql(AgBuf *out, AgArena *arena, const DiffStep *st);
void emit_function_label(AgBuf *out, AgArena *arena, const DiffStep *st);
void emit_function_comment_target(AgBuf *out, AgArena *arena, const DiffStep *st);
const char *emit_function_name(AgArena *arena, const CatObject *fn);
bool emit_needs_function_settings(const DiffChangeset *cs);
/* partition.c: the SQL of partition, row-level security and policy steps; the PARTITION
 * OF parent part of CREATE TABLE, and what follows its parentheses (bound, PARTITION BY). */
void emit_partition_sql(AgBuf *out, AgArena *arena, const DiffStep *st);
void emit_partition_of(AgBuf *out, AgArena *arena, const CatTable *t);
void emit_partition_tail(AgBuf *out, const CatTable *t);
/* The review line of a table dropped and created again for a new partition key. */
void emit_partition_review(AgBuf *out, AgArena *arena, const DiffStep *st);
/* view.c: the SQL and hazard label of view steps, the COMMENT ON target of a view or
 * its column (DIFF_OBJ_VIEW). */
void emit_view_sql(AgBuf *out, AgArena *arena, const DiffStep *st);
void emit_view_label(AgBuf *out, AgArena *arena, const DiffStep *st);
void emit_view_comment_target(AgBuf *out, AgArena *arena, const DiffStep *st);
/* grant.c: GRANT / REVOKE of one privilege (DIFF_GRANT). */
void emit_grant_sql(AgBuf *out, AgArena *arena, const DiffStep *st);
/* Short text naming what a step does, for hazard lines: "DROP COLUMN public.jobs.jd". */
void emit_step_label(AgBuf *out, AgArena *arena, const DiffStep *st);
/* Domains and composite types (types.c): the statement of a DIFF_*_DOMAIN or
 * DIFF_*_COMPOSITE step, and the parts of an altered one's summary line (": x, y",
 * *first as report.c's part() keeps it). */
void emit_type_sql(AgBuf *out, AgArena *arena, const DiffStep *st);
void emit_type_details(AgBuf *out, AgArena *arena, const DiffChangeset *cs, const DiffChange *ch,
                       bool *first);
/* The review text of a step (without the marker), nothing when it needs none. */
void emit_step_review(AgBuf *out, AgArena *arena, const DiffStep *st);
/* DIFF_RENAME (emit/rename.c): the statement, the review text of a guess, and the
 * summary details ": renamed from x" of its change. */
void emit_rename(AgBuf *out, AgArena *arena, const DiffStep *st);
void emit_rename_review(AgBuf *out, AgArena *arena, const DiffStep *st);
void emit_rename_details(AgBuf *out, AgArena *arena, const DiffChange *ch);
/* The summary line of a change without its final newline. */
void emit_change_line(AgBuf *out, AgArena *arena, const DiffChangeset *cs, const DiffChange *ch);

#endif

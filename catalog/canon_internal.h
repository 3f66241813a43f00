/*
 * catalog/canon_internal.h: what canon.c lends to the other canon*.c files: the
 * structural rules of cat_canon_expr applied to a libpg_query tree in place, so that
 * canon_stmt.c normalises the expressions inside whole statements (a trigger's WHEN)
 * exactly as cat_canon_expr normalises a lone expression.
 * Only canon*.c include this header (libpg_query types).
 */
#ifndef AUTOGEN_CATALOG_CANON_INTERNAL_H
#define AUTOGEN_CATALOG_CANON_INTERNAL_H

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include "base/base.h"

/* Rewrite the expression tree n in place by cat_canon_expr's rules. New nodes come from
 * scratch, which must also hold the tree (it was unpacked with cat_canon_allocator). */
void cat_canon_norm_node(AgArena *scratch, PgQuery__Node *n);

/* A protobuf-c allocator drawing from scratch (frees are no-ops). */
ProtobufCAllocator cat_canon_allocator(AgArena *scratch);

#endif

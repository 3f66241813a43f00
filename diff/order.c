/*
 * diff/order.c: the run order of a changeset. Steps name the things they provide, need,
 * remove and release (dependency keys, see internal.h); matching keys become edges, and
 * a topological sort always takes the earliest ready step in (kind priority, schema,
 * name, sub-object, creation) order, so the same catalogs give the same bytes and the
 * order reads naturally where dependencies leave a choice [pg_dump].
 * Not here: deciding what changes (diff.c, table.c).
 */
#include <stdlib.h>
#include <string.h>

#include "diff/internal.h"

/* Kind priority: drops of dependents first, then creations in dependency order, then
 * drops of containers (types, sequences, extensions, schemas) once nothing uses them.
 * Only a preference: edges decide whenever they exist. */
static const uint8_t step_rank[] = {
    [DIFF_RENAME] = 1,
    [DIFF_DROP_CONSTRAINT] = 10,
    [DIFF_DROP_INDEX] = 12,
    [DIFF_DROP_IDENTITY] = 14,
    [DIFF_DROP_DEFAULT] = 14,
    [DIFF_DROP_EXPRESSION] = 14,
    [DIFF_DROP_NOT_NULL] = 14,
    [DIFF_DROP_COLUMN] = 15,
    [DIFF_DROP_TABLE] = 16,
    [DIFF_CREATE_SCHEMA] = 20,
    [DIFF_CREATE_EXTENSION] = 21,
    [DIFF_ALTER_EXTENSION_SCHEMA] = 21,
    [DIFF_ALTER_EXTENSION_VERSION] = 21,
    [DIFF_ENUM_RENAME] = 22,
    [DIFF_CREATE_ENUM] = 23,
    [DIFF_CREATE_DOMAIN] = 23,
    [DIFF_CREATE_COMPOSITE] = 23,
    [DIFF_ALTER_DOMAIN] = 24,
    [DIFF_ALTER_COMPOSITE] = 24,
    [DIFF_ENUM_ADD_VALUE] = 23,
    [DIFF_CREATE_SEQUENCE] = 24,
    [DIFF_ALTER_SEQUENCE] = 24,
    [DIFF_CREATE_TABLE] = 30,
    [DIFF_SET_LOGGED] = 31,
    [DIFF_ADD_COLUMN] = 32,
    [DIFF_ALTER_COLUMN_TYPE] = 33,
    [DIFF_SET_DEFAULT] = 34,
    [DIFF_BACKFILL] = 35,
    [DIFF_SET_NOT_NULL] = 36,
    [DIFF_ADD_IDENTITY] = 37,
    [DIFF_ALTER_IDENTITY] = 37,
    [DIFF_SEQUENCE_OWNED_BY] = 40,
    [DIFF_ADD_CONSTRAINT] = 50,
    [DIFF_VALIDATE_CONSTRAINT] = 53,
    [DIFF_CREATE_INDEX] = 60,
    [DIFF_CREATE_VIEW] = 62,
    [DIFF_REPLACE_VIEW] = 62,
    [DIFF_DROP_VIEW] = 9,
    [DIFF_COMMENT] = 70,
    [DIFF_DROP_SEQUENCE] = 80,
    [DIFF_DROP_ENUM] = 81,
    [DIFF_DROP_DOMAIN] = 81,
    [DIFF_DROP_COMPOSITE] = 81,
    [DIFF_DROP_EXTENSION] = 82,
    [DIFF_DROP_SCHEMA] = 83,
    [DIFF_DETACH_PARTITION] = 12,
    [DIFF_DROP_POLICY] = 12,
    [DIFF_ATTACH_PARTITION] = 55,
    [DIFF_SET_RLS] = 56,
    [DIFF_CREATE_POLICY] = 57,
    [DIFF_ALTER_POLICY] = 57,
    [DIFF_DROP_TRIGGER] = 9,
    [DIFF_CREATE_FUNCTION] = 25,
    [DIFF_REPLACE_FUNCTION] = 25,
    [DIFF_CREATE_TRIGGER] = 65,
    [DIFF_TRIGGER_STATE] = 66,
    [DIFF_DROP_FUNCTION] = 79,
    [DIFF_GRANT] = 71,
};
_Static_assert(ARRAY_LEN(step_rank) == DIFF_STEP_KIND_COUNT, "step_rank must rank every step");

static unsigned
rank_of(const DiffStep *s)
{
    unsigned r = step_rank[s->kind];
    if (s->con && (s->kind == DIFF_ADD_CONSTRAINT || s->kind == DIFF_DROP_CONSTRAINT)) {
        /* Keys before the checks and foreign keys that use them; foreign keys dropped
         * before the keys they reference. */
        switch (s->con->type) {
        case CAT_CON_PRIMARY:
        case CAT_CON_UNIQUE:
        case CAT_CON_EXCLUDE:
            r += s->kind == DIFF_DROP_CONSTRAINT ? 1 : 0;
            break;
        case CAT_CON_CHECK:
            r += 1;
            break;
        case CAT_CON_FOREIGN:
            r += s->kind == DIFF_DROP_CONSTRAINT ? 0 : 2;
            break;
        }
    }
    return r;
}

static const char *
sub_of(const DiffStep *s)
{
    if (s->column)
        return s->column->name;
    if (s->old_column)
        return s->old_column->name;
    if (s->con)
        return s->con->name;
    if (s->label)
        return s->label;
    if (s->trigger)
        return s->trigger->name;
    return "";
}

static int
cmp_opt(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

static int
step_cmp(const DiffCtx *c, uint32_t a, uint32_t b)
{
    const DiffStep *x = &c->steps[a], *y = &c->steps[b];
    unsigned ra = rank_of(x), rb = rank_of(y);
    if (ra != rb)
        return ra < rb ? -1 : 1;
    int r = cmp_opt(x->schema, y->schema);
    if (r)
        return r;
    r = cmp_opt(x->name, y->name);
    if (r)
        return r;
    r = strcmp(sub_of(x), sub_of(y));
    if (r)
        return r;
    return a < b ? -1 : a > b;
}

/* ---- key map --------------------------------------------------------------- */

typedef struct KeyEntry {
    const char *key;
    uint32_t *ids[KEY_ROLE_COUNT];
    uint32_t n[KEY_ROLE_COUNT];
    uint32_t cap[KEY_ROLE_COUNT];
} KeyEntry;

typedef struct KeyMap {
    KeyEntry **slots;
    uint32_t cap;
    uint32_t n;
} KeyMap;

static KeyEntry *
key_get(AgArena *a, KeyMap *m, const char *key)
{
    if ((m->n + 1) * 2 > m->cap) {
        uint32_t cap = m->cap ? m->cap * 2 : 1024;
        KeyEntry **slots = ag_arena_alloc(a, sizeof(KeyEntry *) * cap);
        for (uint32_t i = 0; i < m->cap; i++) {
            if (!m->slots[i])
                continue;
            uint32_t j = (uint32_t) ag_hash_str(m->slots[i]->key, 7) & (cap - 1);
            while (slots[j])
                j = (j + 1) & (cap - 1);
            slots[j] = m->slots[i];
        }
        m->slots = slots;
        m->cap = cap;
    }
    uint32_t j = (uint32_t) ag_hash_str(key, 7) & (m->cap - 1);
    while (m->slots[j]) {
        if (strcmp(m->slots[j]->key, key) == 0)
            return m->slots[j];
        j = (j + 1) & (m->cap - 1);
    }
    KeyEntry *e = ag_arena_alloc(a, sizeof(KeyEntry));
    e->key = key;
    m->slots[j] = e;
    m->n++;
    return e;
}

static void
entry_add(AgArena *a, KeyEntry *e, KeyRole role, uint32_t step)
{
    if (e->n[role] == e->cap[role]) {
        uint32_t cap = e->cap[role] ? e->cap[role] * 2 : 4;
        uint32_t *ids = ag_arena_alloc(a, sizeof(uint32_t) * cap);
        if (e->n[role])
            memcpy(ids, e->ids[role], sizeof(uint32_t) * e->n[role]);
        e->ids[role] = ids;
        e->cap[role] = cap;
    }
    e->ids[role][e->n[role]++] = step;
}

/* ---- graph ----------------------------------------------------------------- */

typedef struct EdgeVec {
    Edge *items;
    size_t n, cap;
} EdgeVec;

static void
edge_push(EdgeVec *v, uint32_t before, uint32_t after)
{
    if (before == after)
        return;
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 256;
        v->items = ag_xrealloc(v->items, sizeof(Edge) * v->cap);
    }
    v->items[v->n++] = (Edge){before, after};
}

static void
cross(EdgeVec *v, const KeyEntry *e, KeyRole first, KeyRole then)
{
    for (uint32_t i = 0; i < e->n[first]; i++)
        for (uint32_t j = 0; j < e->n[then]; j++)
            edge_push(v, e->ids[first][i], e->ids[then][j]);
}

/* A binary min-heap of step indexes ordered by step_cmp. */
typedef struct Heap {
    uint32_t *items;
    uint32_t n;
} Heap;

static void
heap_push(const DiffCtx *c, Heap *h, uint32_t v)
{
    uint32_t i = h->n++;
    h->items[i] = v;
    while (i > 0) {
        uint32_t p = (i - 1) / 2;
        if (step_cmp(c, h->items[p], h->items[i]) <= 0)
            break;
        uint32_t t = h->items[p];
        h->items[p] = h->items[i];
        h->items[i] = t;
        i = p;
    }
}

static uint32_t
heap_pop(const DiffCtx *c, Heap *h)
{
    uint32_t top = h->items[0];
    h->items[0] = h->items[--h->n];
    uint32_t i = 0;
    for (;;) {
        uint32_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->n && step_cmp(c, h->items[l], h->items[m]) < 0)
            m = l;
        if (r < h->n && step_cmp(c, h->items[r], h->items[m]) < 0)
            m = r;
        if (m == i)
            break;
        uint32_t t = h->items[m];
        h->items[m] = h->items[i];
        h->items[i] = t;
        i = m;
    }
    return top;
}

static const DiffCtx *sort_ctx; /* qsort has no context argument; diff is single-threaded */

static int
cmp_step_idx(const void *pa, const void *pb)
{
    return step_cmp(sort_ctx, *(const uint32_t *) pa, *(const uint32_t *) pb);
}

static int
cmp_change_first(const void *pa, const void *pb)
{
    const DiffChange *a = pa, *b = pb;
    uint32_t fa = a->nsteps ? a->steps[0] : UINT32_MAX;
    uint32_t fb = b->nsteps ? b->steps[0] : UINT32_MAX;
    return fa < fb ? -1 : fa > fb;
}

void
diff_order(DiffCtx *c, DiffChangeset *cs)
{
    uint32_t n = c->nsteps;
    AgArena *sa = &c->scratch;
    KeyMap map = {0};
    for (uint32_t s = 0; s < n; s++)
        for (int role = 0; role < KEY_ROLE_COUNT; role++)
            for (uint32_t k = 0; k < c->keys[s].nkeys[role]; k++)
                entry_add(sa, key_get(sa, &map, c->keys[s].keys[role][k]), (KeyRole) role, s);

    EdgeVec ev = {0};
    for (uint32_t i = 0; i < c->nedges; i++)
        edge_push(&ev, c->edges[i].before, c->edges[i].after);
    for (uint32_t i = 0; i < map.cap; i++) {
        const KeyEntry *e = map.slots[i];
        if (!e)
            continue;
        cross(&ev, e, KEY_PROVIDES, KEY_NEEDS);
        cross(&ev, e, KEY_RELEASES, KEY_REMOVES);
        cross(&ev, e, KEY_REMOVES, KEY_PROVIDES);
    }

    /* Adjacency in CSR form. */
    uint32_t *start = ag_arena_alloc(sa, sizeof(uint32_t) * (n + 1));
    uint32_t *indeg = ag_arena_alloc(sa, sizeof(uint32_t) * (n + 1));
    for (size_t i = 0; i < ev.n; i++) {
        start[ev.items[i].before + 1]++;
        indeg[ev.items[i].after]++;
    }
    for (uint32_t i = 0; i < n; i++)
        start[i + 1] += start[i];
    uint32_t *adj = ag_arena_alloc(sa, sizeof(uint32_t) * (ev.n + 1));
    uint32_t *fill = ag_arena_alloc(sa, sizeof(uint32_t) * (n + 1));
    memcpy(fill, start, sizeof(uint32_t) * n);
    for (size_t i = 0; i < ev.n; i++)
        adj[fill[ev.items[i].before]++] = ev.items[i].after;
    free(ev.items);

    uint32_t *order = ag_arena_alloc(sa, sizeof(uint32_t) * (n + 1));
    uint32_t norder = 0;
    Heap h = {.items = ag_arena_alloc(sa, sizeof(uint32_t) * (n + 1))};
    for (uint32_t i = 0; i < n; i++)
        if (indeg[i] == 0)
            heap_push(c, &h, i);
    while (h.n) {
        uint32_t s = heap_pop(c, &h);
        order[norder++] = s;
        for (uint32_t j = start[s]; j < start[s + 1]; j++)
            if (--indeg[adj[j]] == 0)
                heap_push(c, &h, adj[j]);
    }
    cs->has_cycle = norder < n;
    cs->cycle_from = norder;
    if (norder < n) {
        /* What is left sits on or behind a cycle: keep it in plain key order. */
        uint32_t first_left = norder;
        for (uint32_t i = 0; i < n; i++)
            if (indeg[i] > 0)
                order[norder++] = i;
        sort_ctx = c;
        ag_qsort(order + first_left, n - first_left, sizeof(uint32_t), cmp_step_idx);
        sort_ctx = NULL;
    }

    /* Copy out in run order; changes list their steps in run order too. */
    cs->steps = ag_arena_alloc(c->arena, sizeof(DiffStep) * (n + 1));
    cs->nsteps = n;
    for (uint32_t i = 0; i < n; i++)
        cs->steps[i] = c->steps[order[i]];
    cs->changes = ag_arena_alloc(c->arena, sizeof(DiffChange) * (c->nchanges + 1));
    uint32_t *count = ag_arena_alloc(sa, sizeof(uint32_t) * (c->nchanges + 1));
    for (uint32_t i = 0; i < n; i++)
        count[cs->steps[i].change]++;
    uint32_t nch = 0;
    uint32_t *newidx = ag_arena_alloc(sa, sizeof(uint32_t) * (c->nchanges + 1));
    for (uint32_t i = 0; i < c->nchanges; i++) {
        if (!count[i]) {
            newidx[i] = UINT32_MAX;
            continue;
        }
        DiffChange ch = c->changes[i];
        ch.steps = ag_arena_alloc(c->arena, sizeof(uint32_t) * count[i]);
        ch.nsteps = 0;
        ch.hazards = 0;
        newidx[i] = nch;
        cs->changes[nch++] = ch;
    }
    for (uint32_t i = 0; i < n; i++) {
        DiffChange *ch = &cs->changes[newidx[cs->steps[i].change]];
        ch->steps[ch->nsteps++] = i;
        ch->hazards |= cs->steps[i].hazards;
    }
    /* Changes in the order of their first step (a stable permutation: first steps are
     * distinct), then steps point at their change's new place. */
    ag_qsort(cs->changes, nch, sizeof(DiffChange), cmp_change_first);
    for (uint32_t i = 0; i < nch; i++)
        for (uint32_t j = 0; j < cs->changes[i].nsteps; j++)
            cs->steps[cs->changes[i].steps[j]].change = i;
    cs->nchanges = nch;
}

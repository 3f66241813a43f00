/*
 * catalog/catalog.c: object registry of a Catalog: creation, lookup by (kind, schema,
 * name) through an open-addressing hash, per-table columns and constraints, and the
 * canonical ordering applied once both producers are done.
 * Not here: canonical forms of types and expressions (canon*.c), the database (introspect.c).
 */
#include <stdlib.h>
#include <string.h>

#include "catalog/catalog.h"

struct CatHashEntry {
    uint64_t hash;
    CatObject *obj;
};

static const char *const kind_sql[] = {
    [CAT_SCHEMA] = "SCHEMA",     [CAT_EXTENSION] = "EXTENSION", [CAT_ENUM] = "TYPE",
    [CAT_SEQUENCE] = "SEQUENCE", [CAT_TABLE] = "TABLE",         [CAT_INDEX] = "INDEX",
    [CAT_DOMAIN] = "DOMAIN",     [CAT_COMPOSITE] = "TYPE",      [CAT_FUNCTION] = "FUNCTION",
    [CAT_VIEW] = "VIEW",
};
_Static_assert(ARRAY_LEN(kind_sql) == CAT_KIND_COUNT, "kind_sql must name every CatKind");

static const size_t kind_size[] = {
    [CAT_SCHEMA] = sizeof(CatSchema),     [CAT_EXTENSION] = sizeof(CatExtension),
    [CAT_ENUM] = sizeof(CatEnum),         [CAT_SEQUENCE] = sizeof(CatSequence),
    [CAT_TABLE] = sizeof(CatTable),       [CAT_INDEX] = sizeof(CatIndex),
    [CAT_DOMAIN] = sizeof(CatDomain),     [CAT_COMPOSITE] = sizeof(CatComposite),
    [CAT_FUNCTION] = sizeof(CatFunction), [CAT_VIEW] = sizeof(CatView),
};
_Static_assert(ARRAY_LEN(kind_size) == CAT_KIND_COUNT, "kind_size must size every CatKind");

const char *
cat_kind_sql(CatKind kind)
{
    return kind_sql[kind];
}

Catalog *
cat_new(AgArena *arena)
{
    Catalog *cat = ag_arena_alloc(arena, sizeof(Catalog));
    cat->arena = arena;
    return cat;
}

static uint64_t
key_hash(CatKind kind, const char *schema, const char *name)
{
    uint64_t h = ag_hash_str(schema ? schema : "", (uint64_t) kind * 0x9E3779B97F4A7C15ULL);
    h = ag_hash_str(name, h ^ 0x51);
    return h ? h : 1;
}

static bool
key_match(const CatObject *o, CatKind kind, const char *schema, const char *name)
{
    return o->kind == kind && ag_streq(o->schema, schema) && strcmp(o->name, name) == 0;
}

static void
hash_insert(Catalog *cat, CatObject *o, uint64_t h)
{
    uint32_t mask = cat->hash_cap - 1;
    uint32_t i = (uint32_t) h & mask;
    while (cat->hash[i].obj)
        i = (i + 1) & mask;
    cat->hash[i].hash = h;
    cat->hash[i].obj = o;
}

static void
hash_rebuild(Catalog *cat, uint32_t cap)
{
    /* Old tables stay in the arena; they are small next to the objects themselves. */
    cat->hash = ag_arena_alloc(cat->arena, sizeof(CatHashEntry) * cap);
    cat->hash_cap = cap;
    for (uint32_t i = 0; i < cat->nobjects; i++) {
        CatObject *o = cat->objects[i];
        hash_insert(cat, o, key_hash(o->kind, o->schema, o->name));
    }
}

CatObject *
cat_find(const Catalog *cat, CatKind kind, const char *schema, const char *name)
{
    if (!cat->hash_cap || !name)
        return NULL;
    uint64_t h = key_hash(kind, schema, name);
    uint32_t mask = cat->hash_cap - 1;
    for (uint32_t i = (uint32_t) h & mask; cat->hash[i].obj; i = (i + 1) & mask) {
        if (cat->hash[i].hash == h && key_match(cat->hash[i].obj, kind, schema, name))
            return cat->hash[i].obj;
    }
    return NULL;
}

CatObject *
cat_add(Catalog *cat, CatKind kind, const char *schema, const char *name, AgLoc loc)
{
    if (cat_find(cat, kind, schema, name))
        return NULL;
    if ((cat->nobjects + 1) * 2 > cat->hash_cap)
        hash_rebuild(cat, cat->hash_cap ? cat->hash_cap * 2 : 256);
    if (cat->nobjects == cat->cap) {
        uint32_t cap = cat->cap ? cat->cap * 2 : 64;
        CatObject **objs = ag_arena_alloc(cat->arena, sizeof(CatObject *) * cap);
        if (cat->nobjects)
            memcpy(objs, cat->objects, sizeof(CatObject *) * cat->nobjects);
        cat->objects = objs;
        cat->cap = cap;
    }
    CatObject *o = ag_arena_alloc(cat->arena, kind_size[kind]);
    o->kind = kind;
    o->id = cat->nobjects;
    o->schema = ag_arena_strdup(cat->arena, schema);
    o->name = ag_arena_strdup(cat->arena, name);
    o->loc = loc;
    cat->objects[cat->nobjects++] = o;
    hash_insert(cat, o, key_hash(kind, o->schema, o->name));
    return o;
}

CatTable *
cat_table_find(const Catalog *cat, const char *schema, const char *name)
{
    return (CatTable *) cat_find(cat, CAT_TABLE, schema, name);
}

CatColumn *
cat_table_find_column(const CatTable *t, const char *name)
{
    for (uint32_t i = 0; i < t->ncolumns; i++)
        if (strcmp(t->columns[i].name, name) == 0)
            return &t->columns[i];
    return NULL;
}

CatConstraint *
cat_table_find_constraint(const CatTable *t, const char *name)
{
    for (uint32_t i = 0; i < t->nconstraints; i++)
        if (strcmp(t->constraints[i].name, name) == 0)
            return &t->constraints[i];
    return NULL;
}

/* Grow an arena array by one element: capacity 4, then doubling at each power of two
 * from 4 on (the old array stays in the arena, so 1 and 2 must not reallocate). */
static void *
grow(AgArena *a, void *items, uint32_t n, size_t size)
{
    if (n == 0 || (n >= 4 && (n & (n - 1)) == 0)) {
        uint32_t cap = n ? n * 2 : 4;
        void *p = ag_arena_alloc(a, size * cap);
        if (n)
            memcpy(p, items, size * n);
        return p;
    }
    return items;
}

static void
columns_realloc(Catalog *cat, CatTable *t, uint32_t cap)
{
    CatColumn *p = ag_arena_alloc(cat->arena, sizeof(CatColumn) * cap);
    if (t->ncolumns)
        memcpy(p, t->columns, sizeof(CatColumn) * t->ncolumns);
    t->columns = p;
    t->columns_cap = cap;
}

CatColumn *
cat_table_add_column(Catalog *cat, CatTable *t, const CatColumn *col)
{
    if (t->ncolumns == t->columns_cap)
        columns_realloc(cat, t, t->columns_cap ? t->columns_cap * 2 : 4);
    t->columns[t->ncolumns] = *col;
    return &t->columns[t->ncolumns++];
}

void
cat_table_reserve_columns(Catalog *cat, CatTable *t, uint32_t n)
{
    if (t->ncolumns + n > t->columns_cap)
        columns_realloc(cat, t, t->ncolumns + n);
}

CatConstraint *
cat_table_add_constraint(Catalog *cat, CatTable *t, const CatConstraint *con)
{
    t->constraints = grow(cat->arena, t->constraints, t->nconstraints, sizeof(CatConstraint));
    t->constraints[t->nconstraints] = *con;
    return &t->constraints[t->nconstraints++];
}

CatTrigger *
cat_table_add_trigger(Catalog *cat, CatTable *t, const CatTrigger *trg)
{
    t->triggers = grow(cat->arena, t->triggers, t->ntriggers, sizeof(CatTrigger));
    t->triggers[t->ntriggers] = *trg;
    return &t->triggers[t->ntriggers++];
}

CatPolicy *
cat_table_add_policy(Catalog *cat, CatTable *t, const CatPolicy *pol)
{
    t->policies = grow(cat->arena, t->policies, t->npolicies, sizeof(CatPolicy));
    t->policies[t->npolicies] = *pol;
    return &t->policies[t->npolicies++];
}

static int
cmp_str(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

static int
cmp_objects(const void *pa, const void *pb)
{
    const CatObject *a = *(CatObject *const *) pa;
    const CatObject *b = *(CatObject *const *) pb;
    if (a->kind != b->kind)
        return (int) a->kind - (int) b->kind;
    int c = cmp_str(a->schema, b->schema);
    return c ? c : strcmp(a->name, b->name);
}

static int
cmp_constraints(const void *pa, const void *pb)
{
    return strcmp(((const CatConstraint *) pa)->name, ((const CatConstraint *) pb)->name);
}

static int
cmp_triggers(const void *pa, const void *pb)
{
    return strcmp(((const CatTrigger *) pa)->name, ((const CatTrigger *) pb)->name);
}

static int
cmp_policies(const void *pa, const void *pb)
{
    return strcmp(((const CatPolicy *) pa)->name, ((const CatPolicy *) pb)->name);
}

static int
cmp_cstr(const void *pa, const void *pb)
{
    return strcmp(*(const char *const *) pa, *(const char *const *) pb);
}

void
cat_finish(Catalog *cat)
{
    if (cat->nobjects > 1)
        ag_qsort(cat->objects, cat->nobjects, sizeof(CatObject *), cmp_objects);
    for (uint32_t i = 0; i < cat->nobjects; i++) {
        CatObject *o = cat->objects[i];
        o->id = i;
        if (o->kind == CAT_TABLE) {
            CatTable *t = (CatTable *) o;
            if (t->nconstraints > 1)
                ag_qsort(t->constraints, t->nconstraints, sizeof(CatConstraint), cmp_constraints);
            if (t->ntriggers > 1)
                ag_qsort(t->triggers, t->ntriggers, sizeof(CatTrigger), cmp_triggers);
            if (t->npolicies > 1)
                ag_qsort(t->policies, t->npolicies, sizeof(CatPolicy), cmp_policies);
        } else if (o->kind == CAT_INDEX) {
            CatIndex *ix = (CatIndex *) o;
            if (ix->noptions > 1)
                ag_qsort(ix->options, ix->noptions, sizeof(char *), cmp_cstr);
        }
    }
}

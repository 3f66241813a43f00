#!/usr/bin/env python3
"""bench/gen.py N DIR: a realistic synthetic schema of N tables (DIR/from.sql) and a
changed version with about 5% of the tables touched (DIR/to.sql).

Tables mix column types, defaults, NOT NULL, primary keys, foreign keys to earlier
tables, 1-4 indexes (partial and expression ones among them), CHECKs, enums, comments.
Deterministic for a given N (fixed seed)."""
import random
import sys

n = int(sys.argv[1])
out = sys.argv[2]
rnd = random.Random(42)
types = ["integer", "bigint", "text", "varchar(120)", "numeric(12,2)", "boolean",
         "timestamptz", "date", "jsonb", "uuid", "smallint", "double precision"]
defaults = {"integer": "0", "bigint": "0", "text": "''", "varchar(120)": "'n/a'",
            "numeric(12,2)": "0.00", "boolean": "false", "timestamptz": "now()",
            "date": "CURRENT_DATE", "jsonb": "'{}'::jsonb", "uuid": None, "smallint": "1",
            "double precision": "0"}
nenums = max(1, n // 100)


def schema(changed):
    lines = []
    for e in range(nenums):
        labels = ["new", "active", "archived"]
        if changed and e % 7 == 0:
            labels.append("deleted")
        lines.append("CREATE TYPE status_%d AS ENUM (%s);" % (e, ", ".join("'%s'" % l for l in labels)))
    r = random.Random(7)
    for t in range(n):
        touched = changed and t % 20 == 3
        drop_c1 = touched and t % 40 == 3
        ncols = r.randint(4, 12)
        cols = ["    id bigserial PRIMARY KEY"]
        colnames = []
        for c in range(ncols):
            ty = r.choice(types)
            name = "c%d_%s" % (c, ty.split("(")[0].replace(" ", "_"))
            colnames.append((name, ty))
            spec = "    %s %s" % (name, ty)
            dropped = drop_c1 and name.startswith("c1_")
            if r.random() < 0.4:
                spec += " NOT NULL"
            d = defaults[ty]
            if d and r.random() < 0.3:
                spec += " DEFAULT " + d
            if not dropped:
                cols.append(spec)
        cols.append("    status status_%d NOT NULL DEFAULT 'new'" % (t % nenums))
        if t > 0 and r.random() < 0.6:
            cols.append("    parent_id bigint REFERENCES t%d (id) ON DELETE CASCADE" % r.randint(0, t - 1))
        num = [c for c, ty in colnames if ty in ("integer", "bigint", "numeric(12,2)")]
        if num and r.random() < 0.3 and not (drop_c1 and num[0].startswith("c1_")):
            cols.append("    CHECK (%s >= 0)" % num[0])
        if touched:
            cols.append("    added_col text")
        lines.append("CREATE TABLE t%d (\n%s\n);" % (t, ",\n".join(cols)))
        for i in range(r.randint(1, 4)):
            name, ty = r.choice(colnames)
            kind = r.random()
            if drop_c1 and name.startswith("c1_"):
                continue
            if kind < 0.2:
                lines.append("CREATE INDEX t%d_i%d ON t%d (%s) WHERE %s IS NOT NULL;" % (t, i, t, name, name))
            elif kind < 0.3 and ty == "text":
                lines.append("CREATE INDEX t%d_i%d ON t%d (lower(%s));" % (t, i, t, name))
            else:
                lines.append("CREATE INDEX t%d_i%d ON t%d (%s);" % (t, i, t, name))
        if touched:
            lines.append("CREATE INDEX t%d_added ON t%d (added_col);" % (t, t))
        if r.random() < 0.3:
            lines.append("COMMENT ON TABLE t%d IS 'table number %d';" % (t, t))
    return "\n".join(lines) + "\n"


with open(out + "/from.sql", "w") as f:
    f.write(schema(False))
with open(out + "/to.sql", "w") as f:
    f.write(schema(True))

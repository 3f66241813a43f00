-- A renamed column keeps what mentions it: PostgreSQL rewrites the CHECK and the
-- index on RENAME COLUMN, so they stay; the CHECK's implicit name follows the column.
CREATE TABLE stock (
    id integer PRIMARY KEY,
    -- autogen: renamed from qty
    quantity integer CHECK (quantity > 0),
    note text
);
CREATE INDEX stock_qty ON stock ((quantity * 2)) WHERE quantity > 1;

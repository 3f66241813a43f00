CREATE TABLE items (
    id integer NOT NULL,
    kind text NOT NULL,
    qty integer CHECK (qty >= 0)
) PARTITION BY LIST (kind);

CREATE TABLE items_a PARTITION OF items FOR VALUES IN ('a');

-- No longer a partition: the same columns and CHECK, on its own.
CREATE TABLE items_b (
    id integer NOT NULL,
    kind text NOT NULL,
    qty integer CONSTRAINT items_qty_check CHECK (qty >= 0)
);

CREATE TABLE items (
    id integer NOT NULL,
    kind text NOT NULL,
    qty integer CHECK (qty >= 0)
) PARTITION BY LIST (kind);

CREATE TABLE items_a PARTITION OF items FOR VALUES IN ('a');
CREATE TABLE items_b PARTITION OF items FOR VALUES IN ('b');

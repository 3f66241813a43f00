-- Partitioned tables: range, list and hash keys, expression keys, default partitions,
-- sub-partitioning, bounds the server re-spells, and a partition attached pg_dump style.
CREATE TABLE measurements (
    id bigint NOT NULL,
    taken_at timestamp NOT NULL,
    city text NOT NULL,
    reading numeric CHECK (reading >= 0),
    PRIMARY KEY (id, taken_at)
) PARTITION BY RANGE (taken_at);

CREATE TABLE measurements_2024_01 PARTITION OF measurements
    FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE measurements_2024_02 PARTITION OF measurements
    FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
CREATE TABLE measurements_old PARTITION OF measurements
    FOR VALUES FROM (MINVALUE) TO ('2024-01-01');
CREATE TABLE measurements_rest PARTITION OF measurements DEFAULT;

CREATE INDEX measurements_city ON measurements (city);

CREATE TABLE events (
    id integer NOT NULL,
    happened timestamptz NOT NULL,
    kind text NOT NULL
) PARTITION BY RANGE (happened);

-- Written with a zone offset: stored in the server's zone.
CREATE TABLE events_2024 PARTITION OF events
    FOR VALUES FROM ('2024-01-01 00:00:00+01') TO ('2025-01-01 00:00:00+01');

CREATE TABLE regions (
    code text NOT NULL,
    name text
) PARTITION BY LIST (code);

CREATE TABLE regions_eu PARTITION OF regions FOR VALUES IN ('de', 'fr', 'it');
CREATE TABLE regions_us PARTITION OF regions FOR VALUES IN ('us');
CREATE TABLE regions_other PARTITION OF regions DEFAULT;

-- Expression key.
CREATE TABLE users_by_name (
    id integer NOT NULL,
    name text NOT NULL
) PARTITION BY LIST (lower(name));

CREATE TABLE users_by_name_a PARTITION OF users_by_name FOR VALUES IN ('a');

-- Hash partitions.
CREATE TABLE sessions (
    id bigint NOT NULL PRIMARY KEY,
    payload jsonb
) PARTITION BY HASH (id);

CREATE TABLE sessions_0 PARTITION OF sessions FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE sessions_1 PARTITION OF sessions FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE sessions_2 PARTITION OF sessions FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE sessions_3 PARTITION OF sessions FOR VALUES WITH (MODULUS 4, REMAINDER 3);

-- Sub-partitioning: a partition that is itself partitioned.
CREATE TABLE orders (
    id bigint NOT NULL,
    placed date NOT NULL,
    region text NOT NULL
) PARTITION BY RANGE (placed);

CREATE TABLE orders_2024 PARTITION OF orders
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')
    PARTITION BY LIST (region);
CREATE TABLE orders_2024_eu PARTITION OF orders_2024 FOR VALUES IN ('eu');

-- Multi-column range key, attached after creation (pg_dump's form).
CREATE TABLE ledger (
    year integer NOT NULL,
    month integer NOT NULL,
    amount numeric
) PARTITION BY RANGE (year, month);

CREATE TABLE ledger_2024h1 (
    year integer NOT NULL,
    month integer NOT NULL,
    amount numeric
);
ALTER TABLE ONLY ledger ATTACH PARTITION ledger_2024h1 FOR VALUES FROM (2024, 1) TO (2024, 7);

-- A partitioned table's index takes over a partition's matching index made before it,
-- and ATTACH PARTITION takes over the new partition's (neither is an index of its own).
CREATE TABLE shard (id integer, k text) PARTITION BY LIST (k);
CREATE TABLE shard_a PARTITION OF shard FOR VALUES IN ('a');
CREATE INDEX shard_a_id ON shard_a (id);
CREATE INDEX shard_id ON shard (id);
CREATE TABLE shard_b (id integer, k text);
CREATE INDEX shard_b_id ON shard_b (id);
CREATE INDEX shard_b_k ON shard_b (k DESC);
ALTER TABLE shard ATTACH PARTITION shard_b FOR VALUES IN ('b');

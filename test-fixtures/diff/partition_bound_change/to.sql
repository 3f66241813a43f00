CREATE TABLE readings (
    id integer NOT NULL,
    taken timestamp NOT NULL,
    value numeric CHECK (value > 0)
) PARTITION BY RANGE (taken);

-- Widened to the whole year: DETACH and ATTACH keep the rows.
CREATE TABLE readings_h1 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

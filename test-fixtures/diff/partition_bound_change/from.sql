CREATE TABLE readings (
    id integer NOT NULL,
    taken timestamp NOT NULL,
    value numeric CHECK (value > 0)
) PARTITION BY RANGE (taken);

CREATE TABLE readings_h1 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2024-07-01');

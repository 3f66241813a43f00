CREATE TABLE metrics (
    name text NOT NULL,
    at date NOT NULL,
    value double precision
) PARTITION BY LIST (lower(name));

-- Kept across the parent's recreation: detached first, attached to the new parent.
CREATE TABLE metrics_2024 PARTITION OF metrics FOR VALUES IN ('cpu');
CREATE TABLE metrics_rest PARTITION OF metrics DEFAULT;

-- Partitioned tables as a model writes them: partitions copy their parent; ALTER reaches them.
CREATE TABLE m (id bigint NOT NULL, at date NOT NULL, v text DEFAULT 'x', PRIMARY KEY (id, at), CHECK (id > 0)) PARTITION BY RANGE (at);
CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE m_2025 PARTITION OF m (v DEFAULT 'y') FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX ON m (v);
CREATE TABLE r (id bigint PRIMARY KEY, m_id bigint, m_at date, FOREIGN KEY (m_id, m_at) REFERENCES m);
ALTER TABLE m ADD COLUMN w int NOT NULL DEFAULT 0;
ALTER TABLE m ALTER COLUMN v SET NOT NULL;

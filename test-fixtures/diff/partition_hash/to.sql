CREATE TABLE accounts (
    id bigint PRIMARY KEY
);

CREATE TABLE sessions (
    id uuid NOT NULL,
    account bigint NOT NULL REFERENCES accounts,
    data jsonb,
    PRIMARY KEY (id)
) PARTITION BY HASH (id);

CREATE TABLE sessions_0 PARTITION OF sessions FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE sessions_1 PARTITION OF sessions FOR VALUES WITH (modulus 3, remainder 1);
CREATE TABLE sessions_2 PARTITION OF sessions FOR VALUES WITH (MODULUS 3, REMAINDER 2);

CREATE TABLE customers (
    id integer PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE invoices (
    id bigint NOT NULL,
    customer integer NOT NULL REFERENCES customers,
    issued date NOT NULL,
    total numeric CHECK (total >= 0),
    PRIMARY KEY (id, issued)
) PARTITION BY RANGE (issued);

CREATE TABLE invoices_2023 PARTITION OF invoices FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE invoices_2024 PARTITION OF invoices FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX invoices_customer ON invoices (customer);

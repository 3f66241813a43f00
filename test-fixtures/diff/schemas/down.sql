DROP TABLE billing.invoices;
CREATE SCHEMA old;
CREATE TYPE old.e AS ENUM ('x');
CREATE TABLE old.t (
    id integer NOT NULL,
    CONSTRAINT t_pkey PRIMARY KEY (id)
);
DROP TYPE billing.currency;
DROP SCHEMA billing;

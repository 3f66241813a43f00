DROP TABLE old.t;
CREATE SCHEMA billing;
CREATE TYPE billing.currency AS ENUM ('EUR', 'USD');
CREATE TABLE billing.invoices (
    id integer NOT NULL,
    currency billing.currency NOT NULL,
    CONSTRAINT invoices_pkey PRIMARY KEY (id)
);
DROP TYPE old.e;
DROP SCHEMA old;

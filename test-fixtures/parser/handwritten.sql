-- A hand-written model of the usual shape: enums, defaults, checks, partial, gin and DESC indexes, identity, serial, FKs across schemas, comments.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE TYPE status AS ENUM ('new', 'active', 'archived');
CREATE SCHEMA billing;
CREATE TABLE users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email varchar(255) NOT NULL UNIQUE,
    name text,
    status status NOT NULL DEFAULT 'new',
    tags text[] NOT NULL DEFAULT '{}',
    prefs jsonb NOT NULL DEFAULT '{}'::jsonb,
    score numeric(5,2) DEFAULT 0.0 CHECK (score >= 0),
    balance bigint DEFAULT -1,
    active boolean DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamp DEFAULT now(),
    ttl interval DEFAULT '1 day',
    kind char(1) DEFAULT 'a' CHECK (kind IN ('a', 'b')),
    CONSTRAINT email_lower CHECK (email = lower(email))
);
CREATE INDEX users_name_idx ON users (lower(name)) WHERE name IS NOT NULL;
CREATE INDEX ON users USING gin (tags);
CREATE INDEX ON users USING gin (prefs jsonb_path_ops);
CREATE INDEX ON users (created_at DESC);
CREATE TABLE billing.invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES public.users ON DELETE CASCADE,
    amount numeric(12,2) NOT NULL CHECK (amount > 0),
    currency char(3) NOT NULL DEFAULT 'EUR',
    period daterange,
    paid_at timestamptz,
    UNIQUE (user_id, period)
);
COMMENT ON TABLE billing.invoices IS 'Invoices';
COMMENT ON COLUMN billing.invoices.amount IS 'Amount in currency';
CREATE TABLE audit (
    id bigserial PRIMARY KEY,
    at timestamptz DEFAULT now() NOT NULL,
    actor uuid REFERENCES users (id) ON UPDATE CASCADE ON DELETE SET NULL,
    payload json
);

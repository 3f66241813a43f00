SET check_function_bodies = false;
CREATE OR REPLACE FUNCTION fmt(v date) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT to_char(v, 'YYYY-MM-DD') $$;
CREATE OR REPLACE FUNCTION fmt(v numeric, digits integer DEFAULT 2) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT round(v, digits)::text $$;
CREATE TABLE public.labels (
    id integer NOT NULL,
    amount numeric,
    shown text DEFAULT public.fmt(0::numeric),
    CONSTRAINT amount_fmt CHECK (public.fmt(amount) <> ''),
    CONSTRAINT labels_pkey PRIMARY KEY (id)
);

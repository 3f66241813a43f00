CREATE TYPE public.address AS (
    street text,
    zip integer,
    country text
);
COMMENT ON COLUMN public.address.zip IS 'postal code';
CREATE TABLE public.people (
    id integer PRIMARY KEY,
    home public.address
);

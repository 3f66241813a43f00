CREATE TYPE public.address AS (
    street text,
    zip integer,
    city text COLLATE "C"
);
COMMENT ON TYPE public.address IS 'where';
COMMENT ON COLUMN public.address.zip IS 'zip code';
CREATE TABLE public.people (
    id integer PRIMARY KEY,
    home public.address
);

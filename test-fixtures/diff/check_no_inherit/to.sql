CREATE TABLE public.base (
    id integer,
    CONSTRAINT base_id_check CHECK (id > 0) NO INHERIT
);

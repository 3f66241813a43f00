CREATE TABLE public.u (
    id integer NOT NULL,
    email text,
    name text
);

CREATE TABLE public.keep (
    id serial PRIMARY KEY,
    n serial
);
CREATE TABLE public.fresh (
    id serial PRIMARY KEY
);

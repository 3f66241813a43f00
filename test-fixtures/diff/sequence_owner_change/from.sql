CREATE TABLE public.t (
    id serial,
    x integer
);

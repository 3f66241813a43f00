CREATE TABLE public.p (
    id integer PRIMARY KEY
);
CREATE TABLE public.q (
    pid integer REFERENCES public.p (id)
);

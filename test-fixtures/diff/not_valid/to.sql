CREATE TABLE public.a (
    id integer PRIMARY KEY,
    n integer
);
ALTER TABLE public.a ADD CONSTRAINT a_n_check CHECK (n > 0);
ALTER TABLE public.a ADD CONSTRAINT a_n_small CHECK (n < 100) NOT VALID;

-- b is computed from a: PostgreSQL refuses to retype a while b exists.
CREATE TABLE public.t (
    id integer PRIMARY KEY,
    a integer,
    b integer GENERATED ALWAYS AS (a * 2) STORED
);
CREATE INDEX t_b_idx ON public.t (b);

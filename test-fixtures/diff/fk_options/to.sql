CREATE TABLE public.parents (
    a integer NOT NULL,
    b integer NOT NULL,
    CONSTRAINT parents_pkey PRIMARY KEY (a, b)
);
CREATE TABLE public.children (
    id integer PRIMARY KEY,
    pa integer,
    pb integer,
    CONSTRAINT children_parent_fkey FOREIGN KEY (pa, pb) REFERENCES public.parents (a, b)
        MATCH FULL ON UPDATE CASCADE ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED
);

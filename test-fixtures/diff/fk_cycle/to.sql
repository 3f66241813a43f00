CREATE TABLE public.a (
    id integer PRIMARY KEY,
    b_id integer
);
CREATE TABLE public.b (
    id integer PRIMARY KEY,
    a_id integer REFERENCES public.a (id)
);
ALTER TABLE public.a ADD CONSTRAINT a_b_id_fkey FOREIGN KEY (b_id) REFERENCES public.b (id);

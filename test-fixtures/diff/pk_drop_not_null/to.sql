-- q goes, and p loses its key: the key's drop (after q's) comes before DROP NOT NULL.
CREATE TABLE public.p (
    id integer
);

CREATE TABLE public.docs (
    id integer PRIMARY KEY,
    title text,
    body text
);
CREATE INDEX docs_title_idx ON public.docs (title);

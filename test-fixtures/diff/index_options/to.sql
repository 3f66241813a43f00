CREATE TABLE public.docs (
    id integer PRIMARY KEY,
    title text,
    body text
);
CREATE INDEX docs_title_idx ON public.docs (title text_pattern_ops) WITH (fillfactor = 70);
CREATE INDEX docs_body_idx ON public.docs (body COLLATE "C" DESC NULLS LAST, id NULLS FIRST);
CREATE UNIQUE INDEX docs_title_key ON public.docs (title) NULLS NOT DISTINCT;

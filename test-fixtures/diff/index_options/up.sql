DROP INDEX public.docs_title_idx;
CREATE INDEX docs_body_idx ON public.docs (body COLLATE pg_catalog."C" DESC NULLS LAST, id NULLS FIRST);
CREATE INDEX docs_title_idx ON public.docs (title pg_catalog.text_pattern_ops) WITH (fillfactor=70);
CREATE UNIQUE INDEX docs_title_key ON public.docs (title) NULLS NOT DISTINCT;

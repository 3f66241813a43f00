DROP INDEX public.docs_body_idx;
DROP INDEX public.docs_title_idx;
DROP INDEX public.docs_title_key;
CREATE INDEX docs_title_idx ON public.docs (title);

DROP INDEX public.words_w;
ALTER TABLE public.words DROP COLUMN v;
ALTER TABLE public.words ALTER COLUMN w TYPE text;
DROP DOMAIN public.word;

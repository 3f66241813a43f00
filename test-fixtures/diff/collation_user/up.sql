CREATE DOMAIN public.word AS text COLLATE public.mycoll;
ALTER TABLE public.words ADD COLUMN v public.word;
ALTER TABLE public.words ALTER COLUMN w TYPE text COLLATE public.mycoll;
CREATE INDEX words_w ON public.words (w DESC);

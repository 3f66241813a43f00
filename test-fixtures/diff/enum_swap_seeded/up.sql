ALTER TABLE public.things ALTER COLUMN color DROP DEFAULT;
ALTER TABLE public.things ALTER COLUMN palette DROP DEFAULT;
ALTER TYPE public.color RENAME TO color__old;
CREATE TYPE public.color AS ENUM ('blue', 'green', 'red');
ALTER TABLE public.things ALTER COLUMN color TYPE public.color USING color::text::public.color;
ALTER TABLE public.things ALTER COLUMN palette TYPE public.color[] USING palette::text[]::public.color[];
ALTER TABLE public.things ALTER COLUMN color SET DEFAULT 'red';
ALTER TABLE public.things ALTER COLUMN palette SET DEFAULT '{red}';
DROP TYPE public.color__old;

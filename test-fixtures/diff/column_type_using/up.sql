ALTER TABLE public.jobs ALTER COLUMN ref DROP DEFAULT;
ALTER TABLE public.jobs ALTER COLUMN flags TYPE text;
-- autogen:review check the conversion of public.jobs.ref from text to integer: rows that do not convert make it fail
ALTER TABLE public.jobs ALTER COLUMN ref TYPE integer USING ref::integer;
ALTER TABLE public.jobs ALTER COLUMN ref SET DEFAULT 0;

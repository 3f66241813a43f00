-- autogen:review check the conversion of public.jobs.flags from text to integer: rows that do not convert make it fail
ALTER TABLE public.jobs ALTER COLUMN flags TYPE integer USING flags::integer;
ALTER TABLE public.jobs ALTER COLUMN ref TYPE text;
ALTER TABLE public.jobs ALTER COLUMN ref SET DEFAULT '0';

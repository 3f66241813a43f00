ALTER TABLE public.readings DETACH PARTITION public.readings_north;
ALTER TABLE public.readings ATTACH PARTITION public.readings_north FOR VALUES IN ('n');
ALTER TABLE public.readings DROP CONSTRAINT readings_id_check;
ALTER TABLE public.readings ALTER COLUMN site DROP NOT NULL;
ALTER TABLE public.readings DROP COLUMN value;

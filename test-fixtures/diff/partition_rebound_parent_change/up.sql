ALTER TABLE public.readings DETACH PARTITION public.readings_north;
ALTER TABLE public.readings ATTACH PARTITION public.readings_north FOR VALUES IN ('n', 'ne');
ALTER TABLE public.readings ADD COLUMN value numeric DEFAULT 0 NOT NULL;
ALTER TABLE public.readings ALTER COLUMN site SET NOT NULL;
ALTER TABLE public.readings ADD CONSTRAINT readings_id_check CHECK (id > 0) NOT VALID;
ALTER TABLE public.readings VALIDATE CONSTRAINT readings_id_check;

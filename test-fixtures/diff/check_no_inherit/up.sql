ALTER TABLE public.base DROP CONSTRAINT base_id_check;
ALTER TABLE public.base ADD CONSTRAINT base_id_check CHECK (id > 0) NO INHERIT NOT VALID;
ALTER TABLE public.base VALIDATE CONSTRAINT base_id_check;

ALTER TABLE public.items ADD COLUMN price numeric;
ALTER TABLE public.items ADD COLUMN a_total numeric GENERATED ALWAYS AS (price * 2) STORED;

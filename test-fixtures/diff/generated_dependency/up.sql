ALTER TABLE public.items DROP COLUMN a_total;
ALTER TABLE public.items DROP COLUMN price;

ALTER TABLE public.items DETACH PARTITION public.items_b;

ALTER TABLE public.readings DETACH PARTITION public.readings_h1;
ALTER TABLE public.readings ATTACH PARTITION public.readings_h1 FOR VALUES FROM ('2024-01-01') TO ('2024-07-01');

INSERT INTO public.people VALUES (1, ROW('Main St', 1234, 'FR'));

INSERT INTO public.things VALUES (1, 'green', '{blue,red}'), (2, 'blue', NULL);

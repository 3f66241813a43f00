INSERT INTO public.games VALUES (1, 5, 'a'), (2, 7, 'b');

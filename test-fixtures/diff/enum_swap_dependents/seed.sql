INSERT INTO public.items (id, s, ds, p) VALUES (1, 'a', 'c', ROW('c', 7)), (2, 'a', 'a', ROW('a', 8));

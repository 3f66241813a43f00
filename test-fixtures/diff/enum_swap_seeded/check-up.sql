SELECT count(*) = 2 AND min(color) = 'blue' AND bool_or(palette = '{blue,red}') FROM public.things;

SELECT count(*) = 2 AND min(color) = 'green' FROM public.things;

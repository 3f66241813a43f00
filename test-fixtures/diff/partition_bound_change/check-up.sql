SELECT count(*) = 3 AND sum(id) = 6 FROM ONLY public.readings_h1;

SELECT count(*) = 2 AND sum((m).amount) = 5 AND bool_or((history[2]).amount = 2 AND (history[2]).unit = 'g') FROM public.samples;

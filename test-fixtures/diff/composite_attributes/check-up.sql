SELECT (home).street = 'Main St' AND (home).zip = 1234 FROM public.people;

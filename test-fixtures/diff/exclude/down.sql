ALTER TABLE public.bookings DROP CONSTRAINT bookings_during_excl;

CREATE TABLE public.tickets_other PARTITION OF public.tickets DEFAULT;

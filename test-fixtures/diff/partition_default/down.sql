DROP TABLE public.tickets_other;

DROP TABLE public.orders;
ALTER SEQUENCE public.counter INCREMENT BY 1 CACHE 1;
CREATE SEQUENCE public.old_counter;
DROP SEQUENCE public.tickets;

CREATE SEQUENCE public.counter START WITH 10;
CREATE SEQUENCE public.old_counter;

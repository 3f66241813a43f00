ALTER SEQUENCE public.counter INCREMENT BY 5 CACHE 20;
CREATE SEQUENCE public.tickets AS integer MAXVALUE 99999 CYCLE;
CREATE TABLE public.orders (
    id integer DEFAULT nextval('public.tickets') NOT NULL,
    CONSTRAINT orders_pkey PRIMARY KEY (id)
);
DROP SEQUENCE public.old_counter;

CREATE SEQUENCE public.counter START WITH 10 INCREMENT BY 5 CACHE 20;
CREATE SEQUENCE public.tickets AS integer MAXVALUE 99999 CYCLE;
CREATE TABLE public.orders (
    id integer DEFAULT nextval('public.tickets') NOT NULL PRIMARY KEY
);

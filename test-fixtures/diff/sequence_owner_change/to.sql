CREATE SEQUENCE public.t_id_seq AS integer;
CREATE TABLE public.t (
    x integer DEFAULT nextval('public.t_id_seq')
);

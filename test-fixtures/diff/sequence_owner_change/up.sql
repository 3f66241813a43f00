ALTER TABLE public.t ALTER COLUMN x SET DEFAULT nextval('public.t_id_seq');
ALTER SEQUENCE public.t_id_seq OWNED BY NONE;
ALTER TABLE public.t DROP COLUMN id;

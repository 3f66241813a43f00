ALTER TABLE public.t ALTER COLUMN x DROP DEFAULT;
ALTER TABLE public.t ADD COLUMN id integer DEFAULT nextval('public.t_id_seq'::regclass) NOT NULL;
ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;

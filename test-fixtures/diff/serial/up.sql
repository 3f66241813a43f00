DROP TABLE public.gone;
CREATE SEQUENCE public.fresh_id_seq AS integer;
CREATE SEQUENCE public.keep_n_seq AS integer;
CREATE TABLE public.fresh (
    id integer DEFAULT nextval('public.fresh_id_seq'::regclass) NOT NULL,
    CONSTRAINT fresh_pkey PRIMARY KEY (id)
);
ALTER TABLE public.keep ADD COLUMN n integer DEFAULT nextval('public.keep_n_seq'::regclass) NOT NULL;
ALTER SEQUENCE public.fresh_id_seq OWNED BY public.fresh.id;
ALTER SEQUENCE public.keep_n_seq OWNED BY public.keep.n;

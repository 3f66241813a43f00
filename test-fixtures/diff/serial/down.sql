ALTER TABLE public.keep DROP COLUMN n;
DROP TABLE public.fresh;
CREATE SEQUENCE public.gone_id_seq;
CREATE TABLE public.gone (
    id bigint DEFAULT nextval('public.gone_id_seq'::regclass) NOT NULL,
    CONSTRAINT gone_pkey PRIMARY KEY (id)
);
ALTER SEQUENCE public.gone_id_seq OWNED BY public.gone.id;

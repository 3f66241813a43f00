ALTER TABLE public.tickets ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE public.tickets_id_seq AS integer;
CREATE SEQUENCE public.tickets_seq_seq;
ALTER TABLE public.tickets ALTER COLUMN id SET DEFAULT nextval('public.tickets_id_seq'::regclass);
ALTER TABLE public.tickets ALTER COLUMN seq SET DEFAULT nextval('public.tickets_seq_seq'::regclass);
ALTER TABLE public.tickets ALTER COLUMN seq SET NOT NULL;
ALTER SEQUENCE public.tickets_id_seq OWNED BY public.tickets.id;
ALTER SEQUENCE public.tickets_seq_seq OWNED BY public.tickets.seq;

CREATE SCHEMA app;
CREATE TYPE public.kind AS ENUM ('x');
CREATE SEQUENCE public.s;
CREATE TABLE public.notes (
    id integer NOT NULL,
    body text,
    CONSTRAINT notes_body_check CHECK (body <> ''),
    CONSTRAINT notes_pkey PRIMARY KEY (id)
);
CREATE INDEX notes_body_idx ON public.notes (body);
COMMENT ON SCHEMA app IS 'app';
COMMENT ON TYPE public.kind IS 'kinds';
COMMENT ON TABLE public.notes IS 'notes';
COMMENT ON COLUMN public.notes.body IS 'the body';
COMMENT ON CONSTRAINT notes_body_check ON public.notes IS 'not empty';
COMMENT ON INDEX public.notes_body_idx IS 'by body';
COMMENT ON SEQUENCE public.s IS 'seq';

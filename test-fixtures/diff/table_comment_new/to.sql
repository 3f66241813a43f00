CREATE TABLE public.notes (
    id integer PRIMARY KEY,
    body text,
    CONSTRAINT notes_body_check CHECK (body <> '')
);
COMMENT ON TABLE public.notes IS 'notes';
COMMENT ON COLUMN public.notes.body IS 'the body';
COMMENT ON CONSTRAINT notes_body_check ON public.notes IS 'not empty';
CREATE INDEX notes_body_idx ON public.notes (body);
COMMENT ON INDEX public.notes_body_idx IS 'by body';
CREATE TYPE public.kind AS ENUM ('x');
COMMENT ON TYPE public.kind IS 'kinds';
CREATE SEQUENCE public.s;
COMMENT ON SEQUENCE public.s IS 'seq';
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'app';

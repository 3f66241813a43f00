DROP TABLE public.notes;
DROP SEQUENCE public.s;
DROP TYPE public.kind;
DROP SCHEMA app;

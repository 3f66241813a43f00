CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE public.people (
    id integer NOT NULL,
    mood public.mood DEFAULT 'ok' NOT NULL,
    history public.mood[],
    CONSTRAINT people_pkey PRIMARY KEY (id)
);

CREATE TABLE public.people (
    id integer PRIMARY KEY,
    mood text DEFAULT 'happy' NOT NULL
);

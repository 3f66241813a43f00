CREATE TYPE public.color AS ENUM ('blue', 'green', 'red');
CREATE TABLE public.things (
    id integer PRIMARY KEY,
    color public.color DEFAULT 'red' NOT NULL,
    palette public.color[] DEFAULT '{red}'
);

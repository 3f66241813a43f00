CREATE TYPE public.color AS ENUM ('red', 'green', 'blue');
CREATE TABLE public.things (
    id integer PRIMARY KEY,
    color public.color DEFAULT 'red' NOT NULL,
    palette public.color[] DEFAULT '{red}'
);

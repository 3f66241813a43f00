CREATE EXTENSION citext WITH SCHEMA public;
CREATE TABLE public.users (
    id integer PRIMARY KEY,
    email public.citext NOT NULL
);

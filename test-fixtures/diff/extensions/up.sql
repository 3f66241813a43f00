CREATE EXTENSION citext WITH SCHEMA public;
CREATE TABLE public.users (
    id integer NOT NULL,
    email public.citext NOT NULL,
    CONSTRAINT users_pkey PRIMARY KEY (id)
);

CREATE TABLE public.users (
    id integer PRIMARY KEY,
    email text NOT NULL,
    CONSTRAINT users_email_key UNIQUE (email)
);
CREATE TABLE public.invites (
    id integer PRIMARY KEY,
    email text REFERENCES public.users (email)
);

CREATE TABLE public.users (
    id integer PRIMARY KEY,
    code text NOT NULL UNIQUE
);
CREATE TABLE public.logins (
    id integer PRIMARY KEY,
    user_code text REFERENCES public.users (code)
);

CREATE TABLE public.users (
    id integer PRIMARY KEY
);
CREATE TABLE public.logins (
    id integer PRIMARY KEY,
    user_code text
);

DROP TABLE public.users;
DROP EXTENSION citext;

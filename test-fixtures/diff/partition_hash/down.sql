DROP TABLE public.sessions_0;
DROP TABLE public.sessions_1;
DROP TABLE public.sessions_2;
DROP TABLE public.sessions;

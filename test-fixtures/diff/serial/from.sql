CREATE TABLE public.keep (
    id serial PRIMARY KEY
);
CREATE TABLE public.gone (
    id bigserial PRIMARY KEY
);

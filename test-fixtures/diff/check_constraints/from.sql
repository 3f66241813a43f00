CREATE TABLE public.jobs (
    id integer PRIMARY KEY,
    salary integer,
    bonus integer,
    CONSTRAINT jobs_bonus_check CHECK (bonus >= 0)
);

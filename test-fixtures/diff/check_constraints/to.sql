CREATE TABLE public.jobs (
    id integer PRIMARY KEY,
    salary integer CHECK (salary > 0),
    bonus integer,
    CONSTRAINT jobs_bonus_check CHECK (bonus >= 0 AND bonus < 1000000)
);

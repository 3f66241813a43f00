CREATE TYPE public.status AS ENUM ('open', 'closed');
CREATE TABLE public.jobs (
    id integer PRIMARY KEY,
    status public.status DEFAULT 'open' NOT NULL
);

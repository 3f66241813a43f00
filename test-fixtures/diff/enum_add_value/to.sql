CREATE TYPE public.status AS ENUM ('draft', 'open', 'paused', 'closed', 'archived');
CREATE TABLE public.jobs (
    id integer PRIMARY KEY,
    status public.status DEFAULT 'open' NOT NULL
);

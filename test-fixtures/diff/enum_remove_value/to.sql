CREATE TYPE public.status AS ENUM ('open', 'closed');
CREATE TABLE public.jobs (
    id integer PRIMARY KEY,
    status public.status DEFAULT 'open' NOT NULL,
    history public.status[],
    CONSTRAINT jobs_status_check CHECK (status <> 'closed')
);
CREATE INDEX jobs_open_idx ON public.jobs (id) WHERE status = 'open';
CREATE TABLE public.events (
    id integer PRIMARY KEY,
    status public.status
);

CREATE TABLE public.jobs (
    id bigint PRIMARY KEY,
    title text,
    status text DEFAULT 'new' NOT NULL,
    note text NOT NULL
);

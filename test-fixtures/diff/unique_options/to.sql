CREATE TABLE public.u (
    id integer NOT NULL,
    email text,
    name text,
    CONSTRAINT u_pkey PRIMARY KEY (id) INCLUDE (name),
    CONSTRAINT u_email_key UNIQUE NULLS NOT DISTINCT (email)
);

CREATE TABLE public.sessions (
    id uuid NOT NULL,
    account bigint NOT NULL,
    data jsonb,
    CONSTRAINT sessions_pkey PRIMARY KEY (id)
) PARTITION BY hash(id);
CREATE TABLE public.sessions_0 PARTITION OF public.sessions FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE public.sessions_1 PARTITION OF public.sessions FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE public.sessions_2 PARTITION OF public.sessions FOR VALUES WITH (MODULUS 3, REMAINDER 2);
ALTER TABLE public.sessions ADD CONSTRAINT sessions_account_fkey FOREIGN KEY (account) REFERENCES public.accounts (id);

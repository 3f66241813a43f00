-- The policy reads owner: PostgreSQL refuses to retype owner while it exists.
CREATE TABLE public.t (
    id integer PRIMARY KEY,
    owner integer
);
ALTER TABLE public.t ENABLE ROW LEVEL SECURITY;
CREATE POLICY p ON public.t USING (owner > 0);
CREATE POLICY p_ins ON public.t FOR INSERT WITH CHECK (owner IS NOT NULL);

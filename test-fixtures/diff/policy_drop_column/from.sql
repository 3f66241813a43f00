CREATE TABLE public.t (
    id integer PRIMARY KEY,
    owner integer
);
ALTER TABLE public.t ENABLE ROW LEVEL SECURITY;
CREATE POLICY p ON public.t USING (owner > 0);

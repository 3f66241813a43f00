-- owner goes while the policy stops reading it: the policy changes first.
CREATE TABLE public.t (
    id integer PRIMARY KEY
);
ALTER TABLE public.t ENABLE ROW LEVEL SECURITY;
CREATE POLICY p ON public.t USING (id > 0);

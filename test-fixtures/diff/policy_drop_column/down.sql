ALTER TABLE public.t ADD COLUMN owner integer;
ALTER POLICY p ON public.t TO PUBLIC USING (owner > 0);

DROP POLICY p ON public.t;
DROP POLICY p_ins ON public.t;
ALTER TABLE public.t ALTER COLUMN owner TYPE integer;
CREATE POLICY p ON public.t TO PUBLIC USING (owner > 0);
CREATE POLICY p_ins ON public.t FOR INSERT TO PUBLIC WITH CHECK (owner IS NOT NULL);

ALTER TABLE public.children DROP CONSTRAINT children_parent_fkey;
ALTER TABLE public.children ADD CONSTRAINT children_parent_fkey FOREIGN KEY (pa, pb) REFERENCES public.parents (a, b) MATCH FULL ON UPDATE CASCADE ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED NOT VALID;
ALTER TABLE public.children VALIDATE CONSTRAINT children_parent_fkey;

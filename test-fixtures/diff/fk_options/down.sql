ALTER TABLE public.children DROP CONSTRAINT children_parent_fkey;
ALTER TABLE public.children ADD CONSTRAINT children_parent_fkey FOREIGN KEY (pa, pb) REFERENCES public.parents (a, b) NOT VALID;
ALTER TABLE public.children VALIDATE CONSTRAINT children_parent_fkey;

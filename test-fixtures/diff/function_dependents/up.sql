SET check_function_bodies = false;
DROP VIEW public.item_codes;
ALTER TABLE public.items DROP CONSTRAINT items_n_check;
DROP POLICY items_positive ON public.items;
DROP INDEX public.items_pos;
ALTER TABLE public.items ALTER COLUMN code DROP DEFAULT;
DROP FUNCTION public.is_pos(integer);
CREATE OR REPLACE FUNCTION is_pos(y integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT y > 0 $$;
ALTER TABLE public.items ADD CONSTRAINT items_n_check CHECK (public.is_pos(n)) NOT VALID;
ALTER TABLE public.items VALIDATE CONSTRAINT items_n_check;
CREATE POLICY items_positive ON public.items TO PUBLIC USING (public.is_pos(id));
CREATE INDEX items_pos ON public.items (id) WHERE public.is_pos(n);
DROP FUNCTION public.next_code();
CREATE OR REPLACE FUNCTION next_code(step integer DEFAULT 1) RETURNS text LANGUAGE sql AS $$ SELECT 'B' $$;
ALTER TABLE public.items ALTER COLUMN code SET DEFAULT public.next_code();
CREATE VIEW public.item_codes AS
SELECT id, next_code() AS next FROM items;

DROP VIEW public.all_items;
DROP VIEW public.named_items;
ALTER TABLE public.items DROP COLUMN legacy;
ALTER TABLE public.items ADD COLUMN price numeric;
CREATE VIEW public.all_items AS
SELECT * FROM items;
CREATE VIEW public.named_items AS
SELECT i.*, length(i.name) AS len FROM items i;

DROP VIEW public.item_codes2;
DROP VIEW public.item_codes;
DROP VIEW public.with_gone;
ALTER TABLE public.items ADD COLUMN gone text;
ALTER TABLE public.items ALTER COLUMN code TYPE integer;
CREATE VIEW public.item_codes AS
SELECT id, code FROM items;
CREATE VIEW public.item_codes2 AS
SELECT id, code + 1 AS next_code FROM item_codes;
CREATE VIEW public.with_gone AS
SELECT id, gone FROM items;

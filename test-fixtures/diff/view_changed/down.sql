DROP VIEW public.cheap_items;
DROP VIEW public.names;
CREATE VIEW public.cheap_items AS
SELECT id, name FROM items WHERE price < 10;
CREATE VIEW public.names AS
SELECT id, name FROM items;
COMMENT ON VIEW public.names IS 'old';

DROP VIEW public.cheap_items;
DROP VIEW public.names;
CREATE VIEW public.cheap_items AS
SELECT id, name, price FROM items WHERE price < 5;
CREATE VIEW public.names AS
SELECT name, id FROM items;
COMMENT ON VIEW public.names IS 'new';

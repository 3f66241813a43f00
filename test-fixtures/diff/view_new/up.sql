CREATE VIEW public.cheap_items AS
SELECT id, name FROM items WHERE price < 10;
CREATE VIEW public.item_names (item_id, label) WITH (security_barrier = 'true') AS
SELECT id, upper(name) FROM items;
CREATE VIEW public.priced WITH (check_option = 'local') AS
SELECT * FROM items WHERE price IS NOT NULL;
COMMENT ON VIEW public.cheap_items IS 'items under ten';
COMMENT ON COLUMN public.item_names.label IS 'upper-case name';

DROP VIEW public.cheap_items;
DROP VIEW public.item_names;
DROP VIEW public.priced;

DROP VIEW public.item_list;
DROP AGGREGATE public.join_all(text);
DROP FUNCTION public.join_trans(text, text);

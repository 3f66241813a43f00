-- autogen:review rename guessed: items.items_pk -> items.items_id_pk (same definition); confirm or replace with DROP/ADD
ALTER TABLE public.items RENAME CONSTRAINT items_pk TO items_id_pk;
-- autogen:review rename guessed: items.price_is_positive -> items.price_positive (same definition); confirm or replace with DROP/ADD
ALTER TABLE public.items RENAME CONSTRAINT price_is_positive TO price_positive;
-- autogen:review rename guessed: index items_code_idx -> items_code_lookup (same definition); confirm or replace with DROP/ADD
ALTER INDEX public.items_code_idx RENAME TO items_code_lookup;

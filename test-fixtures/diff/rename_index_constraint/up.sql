-- autogen:review rename guessed: items.items_id_pk -> items.items_pk (same definition); confirm or replace with DROP/ADD
ALTER TABLE public.items RENAME CONSTRAINT items_id_pk TO items_pk;
-- autogen:review rename guessed: items.price_positive -> items.price_is_positive (same definition); confirm or replace with DROP/ADD
ALTER TABLE public.items RENAME CONSTRAINT price_positive TO price_is_positive;
-- autogen:review rename guessed: index items_code_lookup -> items_code_idx (same definition); confirm or replace with DROP/ADD
ALTER INDEX public.items_code_lookup RENAME TO items_code_idx;

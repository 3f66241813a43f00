ALTER TABLE public.items ALTER COLUMN label DROP EXPRESSION;
ALTER TABLE public.items DROP COLUMN total;
ALTER TABLE public.items ADD COLUMN total numeric GENERATED ALWAYS AS ((price * qty) * 2) STORED;

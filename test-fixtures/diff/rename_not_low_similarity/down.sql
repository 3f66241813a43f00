ALTER TABLE public.users DROP COLUMN is_active;
ALTER TABLE public.users DROP COLUMN x;
ALTER TABLE public.users DROP COLUMN y;
ALTER TABLE public.users ADD COLUMN a text;
ALTER TABLE public.users ADD COLUMN b text;
ALTER TABLE public.users ADD COLUMN legacy_flag boolean;

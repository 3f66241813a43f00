ALTER TABLE public.users DROP COLUMN a;
ALTER TABLE public.users DROP COLUMN b;
ALTER TABLE public.users DROP COLUMN legacy_flag;
ALTER TABLE public.users ADD COLUMN is_active boolean DEFAULT true NOT NULL;
ALTER TABLE public.users ADD COLUMN x text;
ALTER TABLE public.users ADD COLUMN y text;

ALTER TABLE public.logins DROP CONSTRAINT logins_user_code_fkey;
ALTER TABLE public.users DROP COLUMN code;

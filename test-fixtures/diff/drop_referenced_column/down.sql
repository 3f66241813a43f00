ALTER TABLE public.users ADD COLUMN code text;
-- autogen:review backfill public.users.code: it is NOT NULL without a default and the table may have rows; replace NULL in the UPDATE below with the value for them
UPDATE public.users SET code = NULL WHERE code IS NULL;
ALTER TABLE public.users ALTER COLUMN code SET NOT NULL;
ALTER TABLE public.users ADD CONSTRAINT users_code_key UNIQUE (code);
ALTER TABLE public.logins ADD CONSTRAINT logins_user_code_fkey FOREIGN KEY (user_code) REFERENCES public.users (code) NOT VALID;
ALTER TABLE public.logins VALIDATE CONSTRAINT logins_user_code_fkey;

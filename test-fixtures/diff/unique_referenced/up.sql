ALTER TABLE public.invites DROP CONSTRAINT invites_email_fkey;
ALTER TABLE public.users DROP CONSTRAINT users_email_key;
ALTER TABLE public.users ADD CONSTRAINT users_email_key UNIQUE NULLS NOT DISTINCT (email);
ALTER TABLE public.invites ADD CONSTRAINT invites_email_fkey FOREIGN KEY (email) REFERENCES public.users (email) NOT VALID;
ALTER TABLE public.invites VALIDATE CONSTRAINT invites_email_fkey;

ALTER TABLE public.events DROP CONSTRAINT events_account_id_fkey;
ALTER TABLE public.plain DROP CONSTRAINT plain_account_id_fkey;
DROP INDEX public.events_account;
DROP INDEX public.plain_account;

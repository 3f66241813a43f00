ALTER TABLE public.events ADD CONSTRAINT events_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts (id);
ALTER TABLE public.plain ADD CONSTRAINT plain_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts (id) NOT VALID;
ALTER TABLE public.plain VALIDATE CONSTRAINT plain_account_id_fkey;
CREATE INDEX events_account ON public.events (account_id);
CREATE INDEX plain_account ON public.plain (account_id);

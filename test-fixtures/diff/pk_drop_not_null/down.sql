CREATE TABLE public.q (
    pid integer
);
ALTER TABLE public.p ALTER COLUMN id SET NOT NULL;
ALTER TABLE public.p ADD CONSTRAINT p_pkey PRIMARY KEY (id);
ALTER TABLE public.q ADD CONSTRAINT q_pid_fkey FOREIGN KEY (pid) REFERENCES public.p (id);

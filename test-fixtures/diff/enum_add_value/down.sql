ALTER TABLE public.jobs ALTER COLUMN status DROP DEFAULT;
ALTER TYPE public.status RENAME TO status__old;
CREATE TYPE public.status AS ENUM ('open', 'closed');
ALTER TABLE public.jobs ALTER COLUMN status TYPE public.status USING status::text::public.status;
ALTER TABLE public.jobs ALTER COLUMN status SET DEFAULT 'open';
DROP TYPE public.status__old;

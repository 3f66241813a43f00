ALTER TABLE public.orders ALTER COLUMN total DROP DEFAULT;
ALTER DOMAIN public.amount RENAME TO amount__old;
CREATE DOMAIN public.amount AS integer
    CONSTRAINT amount_check CHECK (value >= 0);
ALTER TABLE public.orders ALTER COLUMN total TYPE public.amount USING total::public.amount;
ALTER TABLE public.orders ALTER COLUMN total SET DEFAULT 0;
DROP DOMAIN public.amount__old;

ALTER TYPE public.address DROP ATTRIBUTE country;
COMMENT ON COLUMN public.address.zip IS 'zip code';
ALTER TYPE public.address ADD ATTRIBUTE city text COLLATE pg_catalog."C";
COMMENT ON TYPE public.address IS 'where';

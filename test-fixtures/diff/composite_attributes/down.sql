ALTER TYPE public.address DROP ATTRIBUTE city;
COMMENT ON COLUMN public.address.zip IS 'postal code';
ALTER TYPE public.address ADD ATTRIBUTE country text;
COMMENT ON TYPE public.address IS NULL;

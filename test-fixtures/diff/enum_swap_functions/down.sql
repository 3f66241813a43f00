ALTER TYPE public.st ADD VALUE 'c';
ALTER TYPE public.free ADD ATTRIBUTE junk text;

DROP FUNCTION public.add_one(integer);
DROP FUNCTION public.classify(integer);
DROP PROCEDURE public.noop(integer);

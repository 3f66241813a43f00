DROP FUNCTION app.helper(integer);
DROP FUNCTION app.twice(integer);
DROP FUNCTION public.in_public();

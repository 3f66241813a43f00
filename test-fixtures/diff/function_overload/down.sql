DROP TABLE public.labels;
DROP FUNCTION public.fmt(date);
DROP FUNCTION public.fmt(numeric, integer);

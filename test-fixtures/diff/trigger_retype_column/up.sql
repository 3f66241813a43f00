DROP TRIGGER t_touch ON public.t;
DROP TRIGGER t_touch_of ON public.t;
ALTER TABLE public.t ALTER COLUMN v TYPE bigint;
CREATE TRIGGER t_touch BEFORE UPDATE ON public.t
    FOR EACH ROW WHEN (OLD.v IS DISTINCT FROM NEW.v) EXECUTE FUNCTION public.t_touch();
CREATE TRIGGER t_touch_of BEFORE UPDATE OF v ON public.t
    FOR EACH ROW EXECUTE FUNCTION public.t_touch();

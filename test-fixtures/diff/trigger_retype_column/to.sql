-- The trigger's WHEN reads v: PostgreSQL refuses to retype v while it exists.
CREATE TABLE public.t (
    id integer PRIMARY KEY,
    v bigint,
    changed_at timestamptz
);
CREATE FUNCTION public.t_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER t_touch BEFORE UPDATE ON public.t
    FOR EACH ROW WHEN (OLD.v IS DISTINCT FROM NEW.v) EXECUTE FUNCTION public.t_touch();
CREATE TRIGGER t_touch_of BEFORE UPDATE OF v ON public.t
    FOR EACH ROW EXECUTE FUNCTION public.t_touch();

DROP TRIGGER notes_insert ON public.notes;
DROP TRIGGER notes_touch ON public.notes;
DROP TABLE public.tags;
CREATE TRIGGER notes_gone BEFORE DELETE ON notes
    FOR EACH ROW EXECUTE FUNCTION notes_touch();
CREATE TRIGGER notes_touch BEFORE UPDATE ON notes
    FOR EACH ROW EXECUTE FUNCTION notes_touch();

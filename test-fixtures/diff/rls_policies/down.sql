DROP POLICY posts_kind ON public.posts;
DROP POLICY posts_titles ON public.posts;
ALTER POLICY posts_check ON public.posts TO PUBLIC USING (true) WITH CHECK (published);
CREATE POLICY posts_kind ON public.posts FOR SELECT TO PUBLIC USING (title IS NOT NULL);
ALTER POLICY posts_read ON public.posts TO autogen_reader USING (published);
COMMENT ON POLICY posts_read ON public.posts IS 'readers see published posts';
CREATE POLICY posts_edit ON public.posts FOR UPDATE TO PUBLIC USING (author = current_user);
CREATE POLICY posts_gone ON public.posts FOR DELETE TO PUBLIC USING (false);
COMMENT ON POLICY posts_write ON public.posts IS NULL;

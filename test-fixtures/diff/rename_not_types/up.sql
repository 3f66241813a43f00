ALTER TABLE public.jobs DROP COLUMN jd_content;
DROP TABLE public.old_stats;
CREATE TABLE public.new_stats (
    label text,
    ok boolean
);
ALTER TABLE public.jobs ADD COLUMN jd_content_len integer;

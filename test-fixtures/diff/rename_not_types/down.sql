ALTER TABLE public.jobs DROP COLUMN jd_content_len;
DROP TABLE public.new_stats;
CREATE TABLE public.old_stats (
    n bigint,
    at timestamp with time zone
);
ALTER TABLE public.jobs ADD COLUMN jd_content text;

CREATE DOMAIN public.score AS integer DEFAULT 2 NOT NULL
    CONSTRAINT score_min CHECK (VALUE >= 1)
    CONSTRAINT score_max CHECK (VALUE <= 10)
    CONSTRAINT score_odd CHECK (VALUE % 2 = 1);
COMMENT ON CONSTRAINT score_max ON DOMAIN public.score IS 'at most ten';
CREATE DOMAIN public.label AS text;
ALTER DOMAIN public.label ADD CONSTRAINT label_len CHECK (length(VALUE) < 50);
COMMENT ON DOMAIN public.label IS 'labels';
CREATE TABLE public.games (
    id integer PRIMARY KEY,
    score public.score,
    label public.label
);

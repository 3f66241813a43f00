CREATE DOMAIN public.score AS integer DEFAULT 1
    CONSTRAINT score_min CHECK (VALUE >= 0)
    CONSTRAINT score_max CHECK (VALUE <= 10);
CREATE DOMAIN public.label AS text NOT NULL;
ALTER DOMAIN public.label ADD CONSTRAINT label_len CHECK (length(VALUE) < 50) NOT VALID;
CREATE TABLE public.games (
    id integer PRIMARY KEY,
    score public.score,
    label public.label
);

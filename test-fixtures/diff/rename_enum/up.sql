-- autogen:review rename guessed: type mood -> feeling (3 of 3 labels the same); confirm or replace with DROP/ADD
ALTER TYPE public.mood RENAME TO feeling;
-- autogen:review rename guessed: state value 'pending' -> 'waiting' (value 2 of 3 in both); confirm or replace with DROP/ADD
ALTER TYPE public.state RENAME VALUE 'pending' TO 'waiting';

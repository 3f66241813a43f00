-- autogen:review rename guessed: type feeling -> mood (3 of 3 labels the same); confirm or replace with DROP/ADD
ALTER TYPE public.feeling RENAME TO mood;
-- autogen:review rename guessed: state value 'waiting' -> 'pending' (value 2 of 3 in both); confirm or replace with DROP/ADD
ALTER TYPE public.state RENAME VALUE 'waiting' TO 'pending';

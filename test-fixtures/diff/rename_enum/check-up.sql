SELECT string_agg(id || ':' || m || ':' || s, ',' ORDER BY id) = '1:ok:waiting,2:happy:done' FROM people;

-- An aggregate and the function it calls appear (and a view that uses it).
CREATE TABLE items (name text);

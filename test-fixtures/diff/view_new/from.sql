CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, price numeric(10,2));

CREATE TYPE feeling AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE state AS ENUM ('draft', 'waiting', 'done');
CREATE TABLE people (id integer PRIMARY KEY, m feeling, s state DEFAULT 'draft');

CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE state AS ENUM ('draft', 'pending', 'done');
CREATE TABLE people (id integer PRIMARY KEY, m mood, s state DEFAULT 'draft');

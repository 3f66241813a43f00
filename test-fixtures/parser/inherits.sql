-- Table inheritance: columns merged by name from every parent, inherited CHECKs, ALTER reaching the children.
CREATE TABLE base (id int NOT NULL, created timestamptz DEFAULT now(), note text, CHECK (id > 0), CONSTRAINT ni CHECK (id < 1000000) NO INHERIT);
CREATE TABLE other (note text NOT NULL, flag boolean DEFAULT false);
CREATE TABLE child (extra int, note text DEFAULT 'n', id int CHECK (id < 100)) INHERITS (base, other);
ALTER TABLE base ADD COLUMN later int DEFAULT 1;
ALTER TABLE base ALTER COLUMN note SET NOT NULL;
ALTER TABLE ONLY base ADD CONSTRAINT only_base CHECK (later > 0) NO INHERIT;
ALTER TABLE base ADD CONSTRAINT both_ok CHECK (later < 10);

-- A UNIQUE constraint on the primary key's columns (apflora does this): CREATE TABLE would
-- fold it into the primary key, so a dump must add it separately to keep it.
CREATE TABLE ap (
    id integer PRIMARY KEY,
    code text NOT NULL
);
ALTER TABLE ap ADD CONSTRAINT ap_id_key UNIQUE (id);
CREATE TABLE bp (
    a integer,
    b integer,
    CONSTRAINT bp_pkey PRIMARY KEY (a, b)
);
ALTER TABLE bp ADD CONSTRAINT bp_a_b_key UNIQUE (a, b);
ALTER TABLE bp ADD CONSTRAINT bp_a_b_key1 UNIQUE (a, b);

-- A partition whose bound changes is detached and attached again; its parent's new
-- column, NOT NULL and CHECK come after that, so the partition gets them too.
CREATE TABLE readings (id integer NOT NULL CHECK (id > 0), site text NOT NULL,
    value numeric DEFAULT 0 NOT NULL) PARTITION BY LIST (site);
CREATE TABLE readings_north PARTITION OF readings FOR VALUES IN ('n', 'ne');

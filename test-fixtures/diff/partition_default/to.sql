CREATE TABLE tickets (
    id integer NOT NULL,
    status text NOT NULL
) PARTITION BY LIST (status);

CREATE TABLE tickets_open PARTITION OF tickets FOR VALUES IN ('open', 'new');
CREATE TABLE tickets_other PARTITION OF tickets DEFAULT;

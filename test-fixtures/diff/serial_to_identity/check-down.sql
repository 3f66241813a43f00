WITH i AS (INSERT INTO tickets (note) VALUES ('d') RETURNING id) SELECT id = 4 FROM i;

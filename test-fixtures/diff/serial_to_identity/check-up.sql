WITH i AS (INSERT INTO tickets (seq, note) VALUES (3, 'c') RETURNING id) SELECT id = 3 FROM i;

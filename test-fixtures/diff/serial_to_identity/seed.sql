INSERT INTO tickets (note) VALUES ('a'), ('b');

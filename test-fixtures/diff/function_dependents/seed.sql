INSERT INTO items (id, n) VALUES (1, 5), (2, 7);

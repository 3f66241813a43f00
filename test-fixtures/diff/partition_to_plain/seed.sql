INSERT INTO items VALUES (1, 'a', 1), (2, 'b', 2), (3, 'b', 3);

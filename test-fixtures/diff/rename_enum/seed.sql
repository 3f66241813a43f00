INSERT INTO people VALUES (1, 'ok', 'pending'), (2, 'happy', 'done');

INSERT INTO invoices (total) VALUES (5), (7);

SELECT nextval('ticket'), nextval('ticket');
INSERT INTO queue (label) VALUES ('a'), ('b');

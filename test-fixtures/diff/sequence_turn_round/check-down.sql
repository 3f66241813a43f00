SELECT nextval('ticket') = 1 AND (SELECT count(*) FROM queue) = 2;

SELECT count(*) = 3 FROM tickets;

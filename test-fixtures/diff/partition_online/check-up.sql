SELECT (SELECT count(*) FROM events) = 1 AND (SELECT count(*) FROM plain) = 1;

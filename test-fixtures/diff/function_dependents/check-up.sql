SELECT count(*) = 2 AND min(code) = 'A' FROM items;

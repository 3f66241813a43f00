SELECT count(*) = 2 AND min(code) = 'A' AND sum(doubled) = 24 FROM items;

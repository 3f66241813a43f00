SELECT count(*) = 1 AND min(qty) = 5 FROM stock;

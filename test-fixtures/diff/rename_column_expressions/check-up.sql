SELECT count(*) = 1 AND min(quantity) = 5 FROM stock;

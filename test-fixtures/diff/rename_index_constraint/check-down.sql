SELECT code = 'a' AND price = 2.5 FROM items WHERE id = 1;

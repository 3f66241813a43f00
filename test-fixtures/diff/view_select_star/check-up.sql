SELECT count(*) = 1 FROM all_items WHERE price IS NULL;

SELECT count(*) = 1 FROM named_items WHERE legacy IS NULL AND len = 1;

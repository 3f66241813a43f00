SELECT count(*) = 2 AND max(no) = 1001 AND nextval('invoice_number') = 1002 FROM invoices;

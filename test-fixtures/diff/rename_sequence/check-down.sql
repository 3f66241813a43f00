SELECT count(*) = 2 AND nextval('invoice_no') = 1003 FROM invoices;

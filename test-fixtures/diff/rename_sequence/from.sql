CREATE SEQUENCE invoice_no START 1000;
CREATE TABLE invoices (no bigint DEFAULT nextval('invoice_no') PRIMARY KEY, total numeric);

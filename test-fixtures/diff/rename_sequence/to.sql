CREATE SEQUENCE invoice_number START 1000;
CREATE TABLE invoices (no bigint DEFAULT nextval('invoice_number') PRIMARY KEY, total numeric);

-- autogen:review rename guessed: sequence invoice_no -> invoice_number (same options); confirm or replace with DROP/ADD
ALTER SEQUENCE public.invoice_no RENAME TO invoice_number;
ALTER TABLE public.invoices ALTER COLUMN no SET DEFAULT nextval('invoice_number');

-- autogen:review rename guessed: sequence invoice_number -> invoice_no (same options); confirm or replace with DROP/ADD
ALTER SEQUENCE public.invoice_number RENAME TO invoice_no;
ALTER TABLE public.invoices ALTER COLUMN no SET DEFAULT nextval('invoice_no');

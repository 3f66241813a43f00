DROP TABLE public.invoices_2023;
DROP TABLE public.invoices_2024;
DROP TABLE public.invoices;

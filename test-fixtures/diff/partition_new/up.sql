CREATE TABLE public.invoices (
    id bigint NOT NULL,
    customer integer NOT NULL,
    issued date NOT NULL,
    total numeric,
    CONSTRAINT invoices_pkey PRIMARY KEY (id, issued),
    CONSTRAINT invoices_total_check CHECK (total >= 0)
) PARTITION BY range(issued);
CREATE TABLE public.invoices_2023 PARTITION OF public.invoices FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE public.invoices_2024 PARTITION OF public.invoices FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE public.invoices ADD CONSTRAINT invoices_customer_fkey FOREIGN KEY (customer) REFERENCES public.customers (id);
CREATE INDEX invoices_customer ON public.invoices (customer);

ALTER TABLE public.stock RENAME COLUMN quantity TO qty;
ALTER TABLE public.stock RENAME CONSTRAINT stock_quantity_check TO stock_qty_check;

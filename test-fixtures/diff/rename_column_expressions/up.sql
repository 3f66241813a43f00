ALTER TABLE public.stock RENAME COLUMN qty TO quantity;
ALTER TABLE public.stock RENAME CONSTRAINT stock_qty_check TO stock_quantity_check;

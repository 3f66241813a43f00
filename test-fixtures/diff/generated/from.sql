CREATE TABLE public.items (
    id integer PRIMARY KEY,
    price numeric NOT NULL,
    qty numeric NOT NULL,
    total numeric GENERATED ALWAYS AS (price * qty) STORED,
    label text GENERATED ALWAYS AS ('item ' || id) STORED
);

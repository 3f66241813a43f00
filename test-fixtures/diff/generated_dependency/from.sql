CREATE TABLE public.items (
    id integer PRIMARY KEY,
    a_total numeric GENERATED ALWAYS AS (price * 2) STORED,
    price numeric
);

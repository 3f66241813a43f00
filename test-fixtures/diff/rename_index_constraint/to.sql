CREATE TABLE items (id integer, code text, price numeric,
  CONSTRAINT items_pk PRIMARY KEY (id),
  CONSTRAINT price_is_positive CHECK (price > 0));
CREATE INDEX items_code_idx ON items (code);

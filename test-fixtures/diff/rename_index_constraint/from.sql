CREATE TABLE items (id integer, code text, price numeric,
  CONSTRAINT items_id_pk PRIMARY KEY (id),
  CONSTRAINT price_positive CHECK (price > 0));
CREATE INDEX items_code_lookup ON items (code);

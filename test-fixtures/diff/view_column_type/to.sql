CREATE TABLE items (id integer PRIMARY KEY, code bigint NOT NULL);
CREATE VIEW item_codes AS SELECT id, code FROM items;
CREATE VIEW item_codes2 AS SELECT id, code + 1 AS next_code FROM item_codes;
CREATE VIEW with_gone AS SELECT id FROM items;

-- A view that selects * takes the columns its tables have when it is created: when the
-- model changes those columns, the view is created again from its text after them.
CREATE TABLE items (id integer PRIMARY KEY, name text, price numeric);
CREATE VIEW all_items AS SELECT * FROM items;
CREATE VIEW named_items AS SELECT i.*, length(i.name) AS len FROM items i;

SET check_function_bodies = false;
SET search_path = app;
CREATE OR REPLACE FUNCTION df() RETURNS int LANGUAGE sql AS 'SELECT 1';
RESET search_path;
CREATE TABLE app.d (
    id integer
);
SET search_path = app;
CREATE VIEW app.dv AS
SELECT id FROM d;
RESET search_path;

SET check_function_bodies = false;
SET search_path = app;
CREATE OR REPLACE FUNCTION helper(x int) RETURNS int LANGUAGE sql AS 'SELECT x';
CREATE OR REPLACE FUNCTION twice(x int) RETURNS int LANGUAGE sql AS 'SELECT helper(x) * 2';
RESET search_path;
CREATE OR REPLACE FUNCTION in_public() RETURNS int LANGUAGE sql AS 'SELECT 1';

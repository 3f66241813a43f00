-- A function defined under SET search_path lands in that schema: the model's text is
-- unqualified, so the script must run it under the same search_path.
CREATE SCHEMA app;

SET search_path = app;

CREATE FUNCTION helper(x int) RETURNS int LANGUAGE sql AS 'SELECT x';

CREATE FUNCTION twice(x int) RETURNS int LANGUAGE sql AS 'SELECT helper(x) * 2';

RESET search_path;

CREATE FUNCTION in_public() RETURNS int LANGUAGE sql AS 'SELECT 1';

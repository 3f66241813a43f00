CREATE SCHEMA api;
CREATE FUNCTION api.add(a integer, b integer) RETURNS integer LANGUAGE sql AS 'SELECT a + b';
CREATE FUNCTION api.secret() RETURNS text LANGUAGE sql AS 'SELECT ''s''';
CREATE PROCEDURE api.reset() LANGUAGE sql AS 'SELECT 1';
GRANT USAGE ON SCHEMA api TO autogen_test_reader;
REVOKE EXECUTE ON FUNCTION api.secret() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.secret() TO autogen_test_reader;
REVOKE ALL ON PROCEDURE api.reset FROM PUBLIC;

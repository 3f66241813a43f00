CREATE SCHEMA api;
CREATE FUNCTION api.add(a integer, b integer) RETURNS integer LANGUAGE sql AS 'SELECT a + b';
CREATE FUNCTION api.secret() RETURNS text LANGUAGE sql AS 'SELECT ''s''';
CREATE PROCEDURE api.reset() LANGUAGE sql AS 'SELECT 1';

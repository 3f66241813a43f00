-- Two postgrest cases. A domain over a table's row type: the table must be created first.
-- A view named like a built-in type (xml) in a schema listed before pg_catalog: settling
-- must not read ''::xml as the database's own view row type.
CREATE SCHEMA test;
SET search_path = test, pg_catalog;
CREATE TABLE projects (id integer PRIMARY KEY, name text);
CREATE DOMAIN projects_domain AS projects;
CREATE VIEW xml AS
SELECT *
  FROM (SELECT ''::xml AS data) _,
       XMLTABLE('' PASSING data COLUMNS id int PATH '@id',
                premier_name text PATH 'PREMIER_NAME' DEFAULT 'not specified');

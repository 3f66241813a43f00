DROP VIEW app.dv;
DROP TABLE app.d;
DROP FUNCTION app.df();

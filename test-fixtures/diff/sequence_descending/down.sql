DROP TABLE app.t;
DROP SEQUENCE app.countdown;
DROP SEQUENCE app.small;

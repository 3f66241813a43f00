CREATE SCHEMA app;
CREATE SEQUENCE app.countdown INCREMENT BY -1;
CREATE SEQUENCE app.small AS smallint START WITH 5 MINVALUE 5 MAXVALUE 500 CACHE 10;
CREATE TABLE app.t (
    id bigserial PRIMARY KEY,
    n smallint DEFAULT nextval('app.small') NOT NULL
);

CREATE SEQUENCE app.countdown INCREMENT BY -1;
CREATE SEQUENCE app.small AS smallint MINVALUE 5 MAXVALUE 500 CACHE 10;
CREATE SEQUENCE app.t_id_seq;
CREATE TABLE app.t (
    id bigint DEFAULT nextval('app.t_id_seq'::regclass) NOT NULL,
    n smallint DEFAULT nextval('app.small') NOT NULL,
    CONSTRAINT t_pkey PRIMARY KEY (id)
);
ALTER SEQUENCE app.t_id_seq OWNED BY app.t.id;

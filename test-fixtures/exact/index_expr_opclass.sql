-- Expression keys with a non-default operator class whose storage type has no collation
-- (gin_trgm_ops stores int4): no false COLLATE "default" from introspection.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE public.tags (id integer, name character varying NOT NULL, words character varying[] DEFAULT '{}'::character varying[] NOT NULL);
CREATE INDEX i1 ON public.tags USING gin (lower((name)::text) public.gin_trgm_ops);
CREATE INDEX i2 ON public.tags USING gin ((name::text) public.gin_trgm_ops);
CREATE INDEX i3 ON public.tags USING gin (name public.gin_trgm_ops);
CREATE INDEX i4 ON public.tags USING btree (lower(name::text));

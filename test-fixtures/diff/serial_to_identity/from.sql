-- serial to identity: the serial's sequence goes before ADD IDENTITY, so the identity's
-- sequence takes the same name (t_id_seq) as on a database loaded from the model, and it
-- starts after the values the column has.
CREATE TABLE tickets (id serial PRIMARY KEY, seq bigserial, note text);

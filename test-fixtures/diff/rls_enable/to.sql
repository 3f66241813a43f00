CREATE TABLE documents (
    id integer PRIMARY KEY,
    owner text NOT NULL
);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
CREATE POLICY documents_owner ON documents USING (owner = current_user);

CREATE TABLE notes (
    id integer PRIMARY KEY
);

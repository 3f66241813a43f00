CREATE TABLE public.tags (
    id integer NOT NULL,
    CONSTRAINT tags_pkey PRIMARY KEY (id)
);
REVOKE USAGE ON SEQUENCE public.counter FROM autogen_test_writer;
GRANT SELECT ON TABLE public.item_names TO PUBLIC;
REVOKE SELECT ON TABLE public.items FROM autogen_test_reader;
GRANT SELECT ON TABLE public.items TO autogen_test_reader;
GRANT DELETE ON TABLE public.items TO autogen_test_writer;
GRANT UPDATE ON TABLE public.items TO autogen_test_writer;
GRANT SELECT ON TABLE public.tags TO autogen_test_reader;

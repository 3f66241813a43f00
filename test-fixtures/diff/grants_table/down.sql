DROP TABLE public.tags;
GRANT USAGE ON SEQUENCE public.counter TO autogen_test_writer;
REVOKE SELECT ON TABLE public.item_names FROM PUBLIC;
REVOKE SELECT ON TABLE public.items FROM autogen_test_reader;
REVOKE DELETE ON TABLE public.items FROM autogen_test_writer;
REVOKE UPDATE ON TABLE public.items FROM autogen_test_writer;
GRANT SELECT ON TABLE public.items TO autogen_test_reader WITH GRANT OPTION;

DROP VIEW public.recent;
ALTER TABLE public.notes DROP CONSTRAINT notes_measure_id_measure_taken_fkey;
-- autogen:review the partition key of public.measures changes (none -> range(taken)): the table is dropped and created again; kept partitions are detached and attached again (that fails when their rows do not fit their new bounds), the others lose their rows; move rows first if needed, then remove this line
DROP TABLE public.measures;
CREATE TABLE public.measures (
    id integer NOT NULL,
    taken date NOT NULL,
    CONSTRAINT measures_pkey PRIMARY KEY (id, taken)
) PARTITION BY range(taken);
CREATE TABLE public.measures_2024 PARTITION OF public.measures FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE public.notes ADD CONSTRAINT notes_measure_id_measure_taken_fkey FOREIGN KEY (measure_id, measure_taken) REFERENCES public.measures (id, taken) NOT VALID;
ALTER TABLE public.notes VALIDATE CONSTRAINT notes_measure_id_measure_taken_fkey;
CREATE VIEW public.recent AS
SELECT id, taken FROM measures WHERE taken > '2024-01-01'::date;

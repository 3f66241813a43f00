--
-- PostgreSQL database dump
--

\restrict jFjDLbhk52nsxPwILkcgjvWaOnSPag7um5e3Ww2qAHgXMJCA6mj4sJpeyxYp3jT

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

--
-- Name: m; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.m (
    id bigint NOT NULL,
    at date NOT NULL,
    v text DEFAULT 'x'::text NOT NULL,
    w integer DEFAULT 0 NOT NULL,
    CONSTRAINT m_id_check CHECK ((id > 0))
)
PARTITION BY RANGE (at);


ALTER TABLE public.m OWNER TO postgres;

SET default_table_access_method = heap;

--
-- Name: m_2024; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.m_2024 (
    id bigint NOT NULL,
    at date NOT NULL,
    v text DEFAULT 'x'::text NOT NULL,
    w integer DEFAULT 0 NOT NULL,
    CONSTRAINT m_id_check CHECK ((id > 0))
);


ALTER TABLE public.m_2024 OWNER TO postgres;

--
-- Name: m_2025; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.m_2025 (
    id bigint NOT NULL,
    at date NOT NULL,
    v text DEFAULT 'y'::text NOT NULL,
    w integer DEFAULT 0 NOT NULL,
    CONSTRAINT m_id_check CHECK ((id > 0))
);


ALTER TABLE public.m_2025 OWNER TO postgres;

--
-- Name: r; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.r (
    id bigint NOT NULL,
    m_id bigint,
    m_at date
);


ALTER TABLE public.r OWNER TO postgres;

--
-- Name: m_2024; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.m ATTACH PARTITION public.m_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');


--
-- Name: m_2025; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.m ATTACH PARTITION public.m_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');


--
-- Name: m m_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.m
    ADD CONSTRAINT m_pkey PRIMARY KEY (id, at);


--
-- Name: m_2024 m_2024_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.m_2024
    ADD CONSTRAINT m_2024_pkey PRIMARY KEY (id, at);


--
-- Name: m_2025 m_2025_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.m_2025
    ADD CONSTRAINT m_2025_pkey PRIMARY KEY (id, at);


--
-- Name: r r_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.r
    ADD CONSTRAINT r_pkey PRIMARY KEY (id);


--
-- Name: m_v_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX m_v_idx ON ONLY public.m USING btree (v);


--
-- Name: m_2024_v_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX m_2024_v_idx ON public.m_2024 USING btree (v);


--
-- Name: m_2025_v_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX m_2025_v_idx ON public.m_2025 USING btree (v);


--
-- Name: m_2024_pkey; Type: INDEX ATTACH; Schema: public; Owner: postgres
--

ALTER INDEX public.m_pkey ATTACH PARTITION public.m_2024_pkey;


--
-- Name: m_2024_v_idx; Type: INDEX ATTACH; Schema: public; Owner: postgres
--

ALTER INDEX public.m_v_idx ATTACH PARTITION public.m_2024_v_idx;


--
-- Name: m_2025_pkey; Type: INDEX ATTACH; Schema: public; Owner: postgres
--

ALTER INDEX public.m_pkey ATTACH PARTITION public.m_2025_pkey;


--
-- Name: m_2025_v_idx; Type: INDEX ATTACH; Schema: public; Owner: postgres
--

ALTER INDEX public.m_v_idx ATTACH PARTITION public.m_2025_v_idx;


--
-- Name: r r_m_id_m_at_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.r
    ADD CONSTRAINT r_m_id_m_at_fkey FOREIGN KEY (m_id, m_at) REFERENCES public.m(id, at);


--
-- PostgreSQL database dump complete
--

\unrestrict jFjDLbhk52nsxPwILkcgjvWaOnSPag7um5e3Ww2qAHgXMJCA6mj4sJpeyxYp3jT


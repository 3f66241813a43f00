--
-- PostgreSQL database dump
--

\restrict pf11SYiZTJyNcl4tKERKCi4jj4hTjbAWzOrmYJO7aY2qfScaTYebzVL4MO7a2vW

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

--
-- Name: billing; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA billing;


ALTER SCHEMA billing OWNER TO postgres;

--
-- Name: pgcrypto; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;


--
-- Name: EXTENSION pgcrypto; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION pgcrypto IS 'cryptographic functions';


--
-- Name: status; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.status AS ENUM (
    'new',
    'active',
    'archived'
);


ALTER TYPE public.status OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: invoices; Type: TABLE; Schema: billing; Owner: postgres
--

CREATE TABLE billing.invoices (
    id bigint NOT NULL,
    user_id uuid NOT NULL,
    amount numeric(12,2) NOT NULL,
    currency character(3) DEFAULT 'EUR'::bpchar NOT NULL,
    period daterange,
    paid_at timestamp with time zone,
    CONSTRAINT invoices_amount_check CHECK ((amount > (0)::numeric))
);


ALTER TABLE billing.invoices OWNER TO postgres;

--
-- Name: TABLE invoices; Type: COMMENT; Schema: billing; Owner: postgres
--

COMMENT ON TABLE billing.invoices IS 'Invoices';


--
-- Name: COLUMN invoices.amount; Type: COMMENT; Schema: billing; Owner: postgres
--

COMMENT ON COLUMN billing.invoices.amount IS 'Amount in currency';


--
-- Name: invoices_id_seq; Type: SEQUENCE; Schema: billing; Owner: postgres
--

ALTER TABLE billing.invoices ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME billing.invoices_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: audit; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.audit (
    id bigint NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    actor uuid,
    payload json
);


ALTER TABLE public.audit OWNER TO postgres;

--
-- Name: audit_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.audit_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.audit_id_seq OWNER TO postgres;

--
-- Name: audit_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.audit_id_seq OWNED BY public.audit.id;


--
-- Name: users; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.users (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    email character varying(255) NOT NULL,
    name text,
    status public.status DEFAULT 'new'::public.status NOT NULL,
    tags text[] DEFAULT '{}'::text[] NOT NULL,
    prefs jsonb DEFAULT '{}'::jsonb NOT NULL,
    score numeric(5,2) DEFAULT 0.0,
    balance bigint DEFAULT '-1'::integer,
    active boolean DEFAULT true,
    created_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at timestamp without time zone DEFAULT now(),
    ttl interval DEFAULT '1 day'::interval,
    kind character(1) DEFAULT 'a'::bpchar,
    CONSTRAINT email_lower CHECK (((email)::text = lower((email)::text))),
    CONSTRAINT users_kind_check CHECK ((kind = ANY (ARRAY['a'::bpchar, 'b'::bpchar]))),
    CONSTRAINT users_score_check CHECK ((score >= (0)::numeric))
);


ALTER TABLE public.users OWNER TO postgres;

--
-- Name: audit id; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.audit ALTER COLUMN id SET DEFAULT nextval('public.audit_id_seq'::regclass);


--
-- Name: invoices invoices_pkey; Type: CONSTRAINT; Schema: billing; Owner: postgres
--

ALTER TABLE ONLY billing.invoices
    ADD CONSTRAINT invoices_pkey PRIMARY KEY (id);


--
-- Name: invoices invoices_user_id_period_key; Type: CONSTRAINT; Schema: billing; Owner: postgres
--

ALTER TABLE ONLY billing.invoices
    ADD CONSTRAINT invoices_user_id_period_key UNIQUE (user_id, period);


--
-- Name: audit audit_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.audit
    ADD CONSTRAINT audit_pkey PRIMARY KEY (id);


--
-- Name: users users_email_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_email_key UNIQUE (email);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: users_created_at_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX users_created_at_idx ON public.users USING btree (created_at DESC);


--
-- Name: users_name_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX users_name_idx ON public.users USING btree (lower(name)) WHERE (name IS NOT NULL);


--
-- Name: users_prefs_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX users_prefs_idx ON public.users USING gin (prefs jsonb_path_ops);


--
-- Name: users_tags_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX users_tags_idx ON public.users USING gin (tags);


--
-- Name: invoices invoices_user_id_fkey; Type: FK CONSTRAINT; Schema: billing; Owner: postgres
--

ALTER TABLE ONLY billing.invoices
    ADD CONSTRAINT invoices_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: audit audit_actor_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.audit
    ADD CONSTRAINT audit_actor_fkey FOREIGN KEY (actor) REFERENCES public.users(id) ON UPDATE CASCADE ON DELETE SET NULL;


--
-- PostgreSQL database dump complete
--

\unrestrict pf11SYiZTJyNcl4tKERKCi4jj4hTjbAWzOrmYJO7aY2qfScaTYebzVL4MO7a2vW


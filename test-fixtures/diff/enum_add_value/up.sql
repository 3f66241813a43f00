ALTER TYPE public.status ADD VALUE 'draft' BEFORE 'open';
ALTER TYPE public.status ADD VALUE 'paused' AFTER 'open';
ALTER TYPE public.status ADD VALUE 'archived';

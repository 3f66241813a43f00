ALTER TYPE public.status ADD VALUE 'paused' AFTER 'open';

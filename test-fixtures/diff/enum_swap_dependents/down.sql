ALTER TYPE public.st ADD VALUE 'b' AFTER 'a';

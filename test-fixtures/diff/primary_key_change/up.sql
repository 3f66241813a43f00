ALTER TABLE public.memberships DROP CONSTRAINT memberships_pkey;
ALTER TABLE public.memberships ADD CONSTRAINT memberships_pkey PRIMARY KEY (user_id, group_id);

DROP POLICY orders_tenant ON public.orders;
CREATE POLICY orders_tenant ON public.orders AS RESTRICTIVE TO PUBLIC USING (tenant = current_setting('app.tenant')::int);
CREATE POLICY orders_all ON public.orders TO PUBLIC USING (true);
CREATE POLICY orders_positive ON public.orders AS RESTRICTIVE FOR INSERT TO autogen_writer WITH CHECK (amount > 0::numeric);

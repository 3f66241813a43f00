DROP POLICY orders_all ON public.orders;
DROP POLICY orders_positive ON public.orders;
DROP POLICY orders_tenant ON public.orders;
CREATE POLICY orders_tenant ON public.orders TO PUBLIC USING (tenant = current_setting('app.tenant')::int);

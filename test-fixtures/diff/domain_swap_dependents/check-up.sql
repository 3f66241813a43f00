SELECT count(*) = 2 AND sum(total) = 12.35 AND sum(list) = 104.5 AND sum((l).amount) = 3.25
       AND sum(public.double_it(total)) = 24.70
FROM public.orders;

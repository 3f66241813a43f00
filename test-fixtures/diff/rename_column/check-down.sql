SELECT count(*) = 2 AND bool_and(jd_content IS NOT DISTINCT FROM CASE id WHEN 1 THEN 'makes food' END) FROM jobs;

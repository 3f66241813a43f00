SELECT (SELECT string_agg(id || ':' || title || ':' || jd_content, ',' ORDER BY id) FROM jobs) = '1:cook:makes food,2:driver:drives'
   AND (SELECT job_id FROM applications) = 2;

SELECT (SELECT string_agg(id || ':' || title || ':' || description, ',' ORDER BY id) FROM postings) = '1:cook:makes food,2:driver:drives'
   AND (SELECT job_id FROM applications) = 2
   AND nextval('postings_id_seq') = 3;

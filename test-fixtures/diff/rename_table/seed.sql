INSERT INTO jobs (title, jd_content) VALUES ('cook', 'makes food'), ('driver', 'drives');
INSERT INTO applications VALUES (10, 2);

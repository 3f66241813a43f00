INSERT INTO jobs VALUES (1, 'cook', 'makes food'), (2, 'driver', NULL);

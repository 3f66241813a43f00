-- revision: abc
-- parent: base
-- autogen:upgrade
SELECT 1;
-- autogen:downgrade

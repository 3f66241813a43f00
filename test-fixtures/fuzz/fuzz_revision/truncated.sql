-- revision: abc
-- parent: base

-- autogen:upgrade
SELECT 1;
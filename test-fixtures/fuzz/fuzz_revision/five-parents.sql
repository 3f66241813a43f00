-- revision: abc
-- parent: a, b, c, d, e

-- autogen:upgrade

-- autogen:downgrade

CREATE TABLE t (a int);
CREATE TABLE "ÿþ" (Ã int);

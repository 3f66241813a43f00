DROP TABLE "Ops".t;
DROP FUNCTION "Ops".set_n();

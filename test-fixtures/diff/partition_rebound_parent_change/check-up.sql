SELECT count(*) = 1 FROM readings_north WHERE value = 0;

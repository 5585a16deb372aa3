SELECT * FROM a_table_that_does_not_exist;

CREATE TABLE IF NOT EXISTS persona (id int);

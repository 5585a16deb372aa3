-- pmoves:no-transaction
CREATE TABLE IF NOT EXISTS b (id int);

-- a comment added after the migration ran: a cosmetic edit
CREATE TABLE a (id int);

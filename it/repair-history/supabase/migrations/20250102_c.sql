-- someone ran this in psql by hand already: running it again would fail
CREATE TABLE c (id int);
